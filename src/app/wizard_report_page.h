#pragma once
// Wizard page 4: one report per file - counts, cleaning, warnings, rejected rows.
#include <QWizardPage>
#include <memory>

namespace Ui {
class WizardReportPage;
}

namespace segdash::app {

class ImportRunner;
class RejectedModel;
struct ImportOutcome;

/// Shows ImportRunner::outcomes(); "Save report…" writes ImportReport::toJson().
class WizardReportPage : public QWizardPage {
    Q_OBJECT
public:
    WizardReportPage(ImportRunner *runner, QWidget *parent = nullptr);
    ~WizardReportPage() override;

    void initializePage() override;
    RejectedModel *rejectedModel() const { return m_rejected; }
    int currentReport() const;
    void showReport(int index);
    bool saveReport(int index, const QString &path) const; // false when it cannot be written

private:
    QString summaryHtml(const ImportOutcome &outcome) const;
    void chooseSavePath();

    std::unique_ptr<Ui::WizardReportPage> m_ui;
    ImportRunner *m_runner;
    RejectedModel *m_rejected;
};

} // namespace segdash::app
