#include "app/import_wizard.h"

#include <QTimer>

#include "app/import_runner.h"
#include "app/import_setup.h"
#include "app/wizard_file_page.h"
#include "app/wizard_mapping_page.h"
#include "app/wizard_report_page.h"
#include "app/wizard_run_page.h"

namespace segdash::app {

ImportWizard::ImportWizard(const QString &storePath, const QStringList &files, QWidget *parent)
    : QWizard(parent), m_setup(new ImportSetup(this)), m_runner(new ImportRunner(this)),
      m_filePage(new WizardFilePage(m_setup, this)), m_mappingPage(new WizardMappingPage(m_setup, this)),
      m_runPage(new WizardRunPage(m_setup, m_runner, storePath, this)),
      m_reportPage(new WizardReportPage(m_runner, this)) {
    setWindowTitle(tr("Import into %1").arg(storePath));
    setObjectName(QStringLiteral("importWizard"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage); // the imports are committed by then
    setPage(FilePage, m_filePage);
    setPage(MappingPage, m_mappingPage);
    setPage(RunPage, m_runPage);
    setPage(ReportPage, m_reportPage);
    resize(980, 680);
    connect(m_runPage, &WizardRunPage::importsDone, this, [this] {
        emit importsFinished();
        // Queued: QWizard must finish handling completeChanged() before it can move on.
        QTimer::singleShot(0, this, [this] {
            if (currentId() == RunPage) next();
        });
    });
    m_setup->setFiles(files);
}

ImportWizard::~ImportWizard() {
    m_runner->cancel();
    m_runner->wait();
}

void ImportWizard::reject() {
    if (m_runner->isRunning()) {
        // Each file is one transaction: cancelling rolls the running one back quickly.
        m_runner->cancel();
        m_runner->wait();
        emit importsFinished();
    }
    QWizard::reject();
}

} // namespace segdash::app
