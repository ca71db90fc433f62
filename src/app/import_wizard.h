#pragma once
// The import wizard: file & detection -> column mapping -> import -> report.
#include <QStringList>
#include <QWizard>

namespace segdash::app {

class ImportRunner;
class ImportSetup;
class WizardFilePage;
class WizardMappingPage;
class WizardReportPage;
class WizardRunPage;

/// Imports CSV files into the store at `storePath`. The import runs on a worker
/// thread with its own store connection; importsFinished() tells the owner to
/// refresh its views. Closing the wizard mid-import cancels and waits.
class ImportWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId { FilePage, MappingPage, RunPage, ReportPage };

    ImportWizard(const QString &storePath, const QStringList &files, QWidget *parent = nullptr);
    ~ImportWizard() override;

    ImportSetup *setup() const { return m_setup; }
    ImportRunner *runner() const { return m_runner; }
    WizardFilePage *filePage() const { return m_filePage; }
    WizardMappingPage *mappingPage() const { return m_mappingPage; }
    WizardRunPage *runPage() const { return m_runPage; }
    WizardReportPage *reportPage() const { return m_reportPage; }

    void reject() override;

signals:
    void importsFinished();

private:
    ImportSetup *m_setup;
    ImportRunner *m_runner;
    WizardFilePage *m_filePage;
    WizardMappingPage *m_mappingPage;
    WizardRunPage *m_runPage;
    WizardReportPage *m_reportPage;
};

} // namespace segdash::app
