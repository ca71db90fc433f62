#include "app/preview_model.h"

#include <algorithm>

#include "app/qt_text.h"

namespace segdash::app {

PreviewModel::PreviewModel(QObject *parent) : QAbstractTableModel(parent) {}

void PreviewModel::setPreview(std::vector<std::string> headers, std::vector<std::vector<std::string>> rows) {
    beginResetModel();
    m_headers = std::move(headers);
    m_rows = std::move(rows);
    std::size_t columns = m_headers.size();
    for (const auto &row : m_rows) columns = std::max(columns, row.size());
    m_columns = static_cast<int>(columns);
    endResetModel();
}

int PreviewModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int PreviewModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : m_columns; }

QVariant PreviewModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) return {};
    const auto &row = m_rows[static_cast<std::size_t>(index.row())];
    const auto column = static_cast<std::size_t>(index.column());
    return column < row.size() ? qs(row[column]) : QString();
}

QVariant PreviewModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole) return {};
    if (orientation == Qt::Vertical) return section + 1;
    if (section < 0 || section >= m_columns) return {};
    const auto column = static_cast<std::size_t>(section);
    return column < m_headers.size() ? qs(m_headers[column]) : tr("column %1").arg(section + 1);
}

} // namespace segdash::app
