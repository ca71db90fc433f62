#pragma once
// Wizard page 3: runs the imports on a worker thread with a progress bar and Cancel.
#include <QWizardPage>
#include <memory>

namespace Ui {
class WizardRunPage;
}

namespace segdash::app {

class ImportRunner;
class ImportSetup;

/// Starts ImportRunner when shown; complete (and advances) when every file is done.
class WizardRunPage : public QWizardPage {
    Q_OBJECT
public:
    WizardRunPage(ImportSetup *setup, ImportRunner *runner, QString storePath, QWidget *parent = nullptr);
    ~WizardRunPage() override;

    void initializePage() override;
    bool isComplete() const override;

signals:
    void importsDone();

private:
    void onFinished();

    std::unique_ptr<Ui::WizardRunPage> m_ui;
    ImportSetup *m_setup;
    ImportRunner *m_runner;
    QString m_storePath;
    std::vector<QString> m_names;
    bool m_done = false;
};

} // namespace segdash::app
