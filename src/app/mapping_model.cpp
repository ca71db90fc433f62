#include "app/mapping_model.h"

#include <QFont>

#include "app/import_setup.h"
#include "app/qt_text.h"

namespace segdash::app {

MappingModel::MappingModel(ImportSetup *setup, QObject *parent) : QAbstractTableModel(parent), m_setup(setup) {
    connect(setup, &ImportSetup::currentChanged, this, &MappingModel::reload);
    connect(setup, &ImportSetup::planChanged, this, &MappingModel::reload);
    connect(setup, &ImportSetup::filesChanged, this, &MappingModel::reload);
    // One edit can move a field away from another row: refresh the whole column.
    connect(setup, &ImportSetup::mappingChanged, this, [this] {
        if (m_rows > 0) emit dataChanged(index(0, Field), index(m_rows - 1, Field));
    });
    reload();
}

void MappingModel::reload() {
    beginResetModel();
    const auto *file = m_setup->current();
    m_rows = file && file->plan ? static_cast<int>(file->plan->detection.columns.size()) : 0;
    endResetModel();
}

std::vector<MappingModel::Choice> MappingModel::choices() const {
    std::vector<Choice> result{{QString(), tr("(ignore)"), false}};
    const auto *file = m_setup->current();
    if (!file || !file->plan) return result;
    for (const auto &field : import::fieldsFor(file->plan->kind)) {
        QString label = QString::fromUtf8(field.label ? field.label : field.name);
        if (field.required) label += QStringLiteral(" *");
        result.push_back({QString::fromLatin1(field.name), label, field.required});
    }
    return result;
}

QString MappingModel::target(int row) const {
    const auto &targets = m_setup->current()->plan->mapping.targets;
    return static_cast<std::size_t>(row) < targets.size() ? qs(targets[static_cast<std::size_t>(row)]) : QString();
}

QString MappingModel::sample(int row) const {
    for (const auto &line : m_setup->current()->plan->detection.preview)
        if (static_cast<std::size_t>(row) < line.size() && !line[static_cast<std::size_t>(row)].empty())
            return qs(line[static_cast<std::size_t>(row)]);
    return {};
}

int MappingModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : m_rows; }

int MappingModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant MappingModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const int row = index.row();
    if (index.column() == Header && role == Qt::DisplayRole)
        return qs(m_setup->current()->plan->detection.columns[static_cast<std::size_t>(row)].header);
    if (index.column() == Sample && role == Qt::DisplayRole) return sample(row);
    if (index.column() != Field) return {};
    const QString name = target(row);
    if (role == Qt::EditRole) return name;
    if (role == Qt::DisplayRole) {
        for (const auto &choice : choices())
            if (choice.name == name) return choice.label;
        return name;
    }
    if (role == Qt::FontRole && name.isEmpty()) {
        QFont font;
        font.setItalic(true);
        return font;
    }
    return {};
}

bool MappingModel::setData(const QModelIndex &index, const QVariant &value, int role) {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return false;
    if (index.column() != Field || role != Qt::EditRole) return false;
    const QString name = value.toString();
    bool known = false;
    for (const auto &choice : choices()) known = known || choice.name == name;
    if (!known) return false;
    m_setup->setTarget(index.row(), ss(name)); // emits mappingChanged -> dataChanged
    return true;
}

Qt::ItemFlags MappingModel::flags(const QModelIndex &index) const {
    auto f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == Field) f |= Qt::ItemIsEditable;
    return f;
}

QVariant MappingModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole) return {};
    if (orientation == Qt::Vertical) return section + 1;
    switch (section) {
    case Header: return tr("File column");
    case Sample: return tr("First value");
    case Field: return tr("SegDash field");
    default: return {};
    }
}

} // namespace segdash::app
