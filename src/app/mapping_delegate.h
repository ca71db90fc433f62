#pragma once
// A combo box editor for MappingModel's field column.
#include <QStyledItemDelegate>

namespace segdash::app {

class MappingModel;

/// Edits a mapping target with a combo of MappingModel::choices(); commits on change.
class MappingDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit MappingDelegate(MappingModel *model, QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;

private:
    MappingModel *m_model;
};

} // namespace segdash::app
