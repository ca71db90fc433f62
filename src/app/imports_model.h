#pragma once
// The imports log of a store as a table: one row per import, newest first.
#include <QAbstractTableModel>
#include <vector>

#include "store/store.h"

namespace segdash::app {

/// Read-only table over a snapshot of Store::imports(); undone imports are greyed.
class ImportsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Date, File, Kind, Profile, RowsRead, RowsImported, RowsRejected, Duration, Undone, ColumnCount };

    explicit ImportsModel(QObject *parent = nullptr);
    void setImports(std::vector<store::ImportRecord> imports);
    const std::vector<store::ImportRecord> &imports() const { return m_imports; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant displayValue(const store::ImportRecord &record, int column) const;
    std::vector<store::ImportRecord> m_imports;
};

} // namespace segdash::app
