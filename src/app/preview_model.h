#pragma once
// The first rows of a file as the detection parsed them, under the detected headers.
#include <QAbstractTableModel>
#include <string>
#include <vector>

namespace segdash::app {

/// Read-only table over a preview snapshot; ragged rows show empty cells.
class PreviewModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit PreviewModel(QObject *parent = nullptr);
    void setPreview(std::vector<std::string> headers, std::vector<std::vector<std::string>> rows);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<std::string> m_headers;
    std::vector<std::vector<std::string>> m_rows;
    int m_columns = 0;
};

} // namespace segdash::app
