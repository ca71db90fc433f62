#include "app/mapping_delegate.h"

#include <QComboBox>

#include "app/mapping_model.h"

namespace segdash::app {

MappingDelegate::MappingDelegate(MappingModel *model, QObject *parent) : QStyledItemDelegate(parent), m_model(model) {}

QWidget *MappingDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const {
    auto *combo = new QComboBox(parent);
    combo->setObjectName(QStringLiteral("fieldCombo"));
    for (const auto &choice : m_model->choices()) combo->addItem(choice.label, choice.name);
    // Persistent editors: commit as soon as the user picks, not when focus leaves.
    auto *self = const_cast<MappingDelegate *>(this); // createEditor() is const, the signal is not
    connect(combo, &QComboBox::activated, self, [self, combo] { emit self->commitData(combo); });
    return combo;
}

void MappingDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const {
    auto *combo = static_cast<QComboBox *>(editor);
    const int i = combo->findData(index.data(Qt::EditRole).toString());
    combo->setCurrentIndex(i < 0 ? 0 : i);
}

void MappingDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const {
    model->setData(index, static_cast<QComboBox *>(editor)->currentData().toString(), Qt::EditRole);
}

} // namespace segdash::app
