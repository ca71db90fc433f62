#include "app/wizard_mapping_page.h"

#include <QFileInfo>
#include <QHeaderView>

#include "app/import_setup.h"
#include "app/mapping_delegate.h"
#include "app/mapping_model.h"
#include "ui_wizard_mapping_page.h"

namespace segdash::app {

WizardMappingPage::WizardMappingPage(ImportSetup *setup, QWidget *parent)
    : QWizardPage(parent), m_ui(std::make_unique<Ui::WizardMappingPage>()), m_setup(setup),
      m_model(new MappingModel(setup, this)) {
    m_ui->setupUi(this);
    m_ui->mappingView->setModel(m_model);
    m_ui->mappingView->setItemDelegateForColumn(MappingModel::Field, new MappingDelegate(m_model, this));
    m_ui->mappingView->horizontalHeader()->setSectionResizeMode(MappingModel::Field, QHeaderView::Stretch);
    connect(m_ui->fileCombo, &QComboBox::currentIndexChanged, m_setup, &ImportSetup::setCurrentIndex);
    connect(m_model, &QAbstractItemModel::modelReset, this, &WizardMappingPage::showMapping);
    connect(m_setup, &ImportSetup::mappingChanged, this, &WizardMappingPage::showMissing);
    connect(m_setup, &ImportSetup::filesChanged, this, &WizardMappingPage::showFiles);
    connect(m_setup, &ImportSetup::currentChanged, this, [this](int index) {
        const QSignalBlocker block(m_ui->fileCombo);
        m_ui->fileCombo->setCurrentIndex(index);
    });
}

WizardMappingPage::~WizardMappingPage() = default;

void WizardMappingPage::initializePage() {
    showFiles();
    showMapping();
}

void WizardMappingPage::showFiles() {
    const QSignalBlocker block(m_ui->fileCombo);
    m_ui->fileCombo->clear();
    for (int i = 0; i < m_setup->fileCount(); ++i) m_ui->fileCombo->addItem(QFileInfo(m_setup->file(i).path).fileName());
    m_ui->fileCombo->setCurrentIndex(m_setup->currentIndex());
}

void WizardMappingPage::showMapping() {
    const auto *file = m_setup->current();
    m_ui->kindLabel->setText(file && file->plan ? tr("as %1").arg(import::toString(file->plan->kind)) : QString());
    // A combo per row, always visible: the mapping is the point of this page.
    for (int row = 0; row < m_model->rowCount(); ++row)
        m_ui->mappingView->openPersistentEditor(m_model->index(row, MappingModel::Field));
    m_ui->mappingView->resizeColumnToContents(MappingModel::Header);
    m_ui->mappingView->resizeColumnToContents(MappingModel::Sample);
    showMissing();
}

void WizardMappingPage::showMissing() {
    QStringList lines;
    for (int i = 0; i < m_setup->fileCount(); ++i) {
        const auto missing = m_setup->missingRequired(i);
        if (!missing.isEmpty())
            lines << tr("%1: required fields not mapped: %2")
                         .arg(QFileInfo(m_setup->file(i).path).fileName(), missing.join(QStringLiteral(", ")));
    }
    m_ui->missingLabel->setText(lines.join(QLatin1Char('\n')));
    m_ui->missingLabel->setVisible(!lines.isEmpty());
    emit completeChanged();
}

bool WizardMappingPage::isComplete() const { return m_setup->allMapped(); }

} // namespace segdash::app
