#include "app/imports_model.h"

#include <QBrush>
#include <QPalette>

#include "app/qt_text.h"

namespace segdash::app {

ImportsModel::ImportsModel(QObject *parent) : QAbstractTableModel(parent) {}

void ImportsModel::setImports(std::vector<store::ImportRecord> imports) {
    beginResetModel();
    m_imports = std::move(imports);
    endResetModel();
}

int ImportsModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_imports.size());
}

int ImportsModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ImportsModel::displayValue(const store::ImportRecord &r, int column) const {
    switch (column) {
    case Date: return formatDateTime(r.startedAt);
    case File: return qs(r.fileName);
    case Kind: return qs(r.kind);
    case Profile: return qs(r.profile);
    case RowsRead: return formatCount(r.rowsRead);
    case RowsImported: return formatCount(r.rowsImported);
    case RowsRejected: return formatCount(r.rowsRejected);
    case Duration: return formatSeconds(r.seconds);
    case Undone: return r.undone ? tr("undone") : QString();
    default: return {};
    }
}

QVariant ImportsModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const auto &record = m_imports[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole: return displayValue(record, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() >= RowsRead && index.column() <= Duration)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (record.undone) return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
        return {};
    case Qt::ToolTipRole:
        if (index.column() == File) return tr("%1 bytes, SHA-256 %2").arg(record.fileSize).arg(qs(record.contentHash));
        return {};
    default: return {};
    }
}

QVariant ImportsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole) return {};
    if (orientation == Qt::Vertical) return section + 1;
    static const char *const kTitles[] = {"Date", "File", "Kind", "Profile", "Read", "Imported", "Rejected",
                                          "Duration", "Undone"};
    if (section < 0 || section >= ColumnCount) return {};
    return tr(kTitles[section]);
}

} // namespace segdash::app
