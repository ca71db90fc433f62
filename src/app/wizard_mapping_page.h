#pragma once
// Wizard page 2: file column -> SegDash field, one combo per row; Next stays
// disabled while a required field of any file is unmapped.
#include <QWizardPage>
#include <memory>

namespace Ui {
class WizardMappingPage;
}

namespace segdash::app {

class ImportSetup;
class MappingModel;

/// Edits the mapping of the current file through MappingModel.
class WizardMappingPage : public QWizardPage {
    Q_OBJECT
public:
    WizardMappingPage(ImportSetup *setup, QWidget *parent = nullptr);
    ~WizardMappingPage() override;

    void initializePage() override;
    bool isComplete() const override;
    MappingModel *mappingModel() const { return m_model; }

private:
    void showFiles();
    void showMapping();
    void showMissing();

    std::unique_ptr<Ui::WizardMappingPage> m_ui;
    ImportSetup *m_setup;
    MappingModel *m_model;
};

} // namespace segdash::app
