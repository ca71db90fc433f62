#pragma once
// The rejected rows of one import report: file, line, column, reason.
#include <QAbstractTableModel>
#include <vector>

#include "import/import_job.h"

namespace segdash::app {

/// Read-only table over a snapshot of ImportReport::rejected.
class RejectedModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { File, Line, ColumnNo, Reason, ColumnCount };

    explicit RejectedModel(QObject *parent = nullptr);
    void setRows(std::vector<import::RejectedRow> rows);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<import::RejectedRow> m_rows;
};

} // namespace segdash::app
