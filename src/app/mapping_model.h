#pragma once
// The column mapping of the wizard's current file: file column -> SegDash field.
#include <QAbstractTableModel>
#include <QStringList>
#include <utility>
#include <vector>

namespace segdash::app {

class ImportSetup;

/// One row per file column: its header, a sample value and the target field (editable;
/// EditRole is the field name, "" = ignore). Writes go to ImportSetup::setTarget.
class MappingModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Header, Sample, Field, ColumnCount };
    struct Choice {
        QString name;  // "" = ignore
        QString label;
        bool required = false;
    };

    explicit MappingModel(ImportSetup *setup, QObject *parent = nullptr);
    std::vector<Choice> choices() const; // "(ignore)" first, then the kind's fields

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void reload();
    QString target(int row) const;
    QString sample(int row) const;

    ImportSetup *m_setup;
    int m_rows = 0;
};

} // namespace segdash::app
