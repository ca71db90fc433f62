#include "app/rejected_model.h"

#include "app/qt_text.h"

namespace segdash::app {

RejectedModel::RejectedModel(QObject *parent) : QAbstractTableModel(parent) {}

void RejectedModel::setRows(std::vector<import::RejectedRow> rows) {
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int RejectedModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int RejectedModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant RejectedModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const auto &row = m_rows[static_cast<std::size_t>(index.row())];
    if (role == Qt::TextAlignmentRole && (index.column() == Line || index.column() == ColumnNo))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) return {};
    switch (index.column()) {
    case File: return qs(row.file);
    case Line: return static_cast<qlonglong>(row.line);
    case ColumnNo:
        if (row.column == 0) return tr("(row)");
        return row.columnName.empty() ? QString::number(row.column)
                                      : QStringLiteral("%1 (%2)").arg(row.column).arg(qs(row.columnName));
    case Reason: return qs(row.reason);
    default: return {};
    }
}

QVariant RejectedModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole) return {};
    if (orientation == Qt::Vertical) return section + 1;
    static const char *const kTitles[] = {"File", "Line", "Column", "Reason"};
    if (section < 0 || section >= ColumnCount) return {};
    return tr(kTitles[section]);
}

} // namespace segdash::app
