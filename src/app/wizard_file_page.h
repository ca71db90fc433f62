#pragma once
// Wizard page 1: the file(s), how each is read (detected settings with confidence,
// each overridable), what it holds (kind, profile) and a preview of its first rows.
#include <QWizardPage>
#include <memory>

#include "import/detect.h"

namespace Ui {
class WizardFilePage;
}
class QComboBox;

namespace segdash::app {

class ImportSetup;
class PreviewModel;

/// Shows the current file's plan; any override re-plans and refreshes the preview.
class WizardFilePage : public QWizardPage {
    Q_OBJECT
public:
    WizardFilePage(ImportSetup *setup, QWidget *parent = nullptr);
    ~WizardFilePage() override;

    bool isComplete() const override;
    PreviewModel *previewModel() const { return m_preview; }

private:
    void fillCombos();
    void showOptions();   // combos from the current file's options
    void showPlan();      // info labels and preview from the current file's plan
    void applyDetectOverrides();
    void applyKindAndProfile();
    void chooseFiles();
    void showColumnGuesses(const import::Detection &detection);

    std::unique_ptr<Ui::WizardFilePage> m_ui;
    ImportSetup *m_setup;
    PreviewModel *m_preview;
    bool m_updating = false;
};

} // namespace segdash::app
