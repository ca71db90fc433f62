#include "app/wizard_run_page.h"

#include <QFileInfo>

#include "app/import_runner.h"
#include "app/import_setup.h"
#include "app/qt_text.h"
#include "ui_wizard_run_page.h"

namespace segdash::app {

WizardRunPage::WizardRunPage(ImportSetup *setup, ImportRunner *runner, QString storePath, QWidget *parent)
    : QWizardPage(parent), m_ui(std::make_unique<Ui::WizardRunPage>()), m_setup(setup), m_runner(runner),
      m_storePath(std::move(storePath)) {
    m_ui->setupUi(this);
    setCommitPage(true); // the store has changed: no way back to the mapping
    connect(m_ui->cancelButton, &QPushButton::clicked, this, [this] {
        m_runner->cancel();
        m_ui->cancelButton->setEnabled(false);
        m_ui->statusLabel->setText(tr("Cancelling…"));
    });
    connect(m_runner, &ImportRunner::jobStarted, this, [this](int job, const QString &) {
        m_ui->statusLabel->setText(tr("Importing %1 (%2 of %3)…")
                                       .arg(m_names[static_cast<std::size_t>(job)])
                                       .arg(job + 1)
                                       .arg(m_names.size()));
        m_ui->progressBar->setValue(0);
    });
    connect(m_runner, &ImportRunner::progress, this, [this](int, qint64 done, qint64 total) {
        // QProgressBar is int-based: show per mille so byte counts of large files fit.
        m_ui->progressBar->setMaximum(total > 0 ? 1000 : 0);
        m_ui->progressBar->setValue(total > 0 ? static_cast<int>(done * 1000 / total) : 0);
    });
    connect(m_runner, &ImportRunner::finished, this, &WizardRunPage::onFinished);
}

WizardRunPage::~WizardRunPage() = default;

void WizardRunPage::initializePage() {
    std::vector<ImportJob> jobs;
    m_names.clear();
    for (int index : m_setup->importOrder()) {
        const auto &file = m_setup->file(index);
        jobs.push_back({file.path, *file.plan, file.options});
        m_names.push_back(QFileInfo(file.path).fileName());
    }
    m_done = false;
    m_ui->logList->clear();
    m_ui->cancelButton->setEnabled(true);
    m_ui->progressBar->setRange(0, 1000);
    m_ui->progressBar->setValue(0);
    m_runner->start(m_storePath, std::move(jobs));
}

void WizardRunPage::onFinished() {
    m_done = true;
    m_ui->cancelButton->setEnabled(false);
    m_ui->progressBar->setRange(0, 1000);
    m_ui->progressBar->setValue(1000);
    for (const auto &outcome : m_runner->outcomes()) {
        const QString name = QFileInfo(outcome.path).fileName();
        m_ui->logList->addItem(outcome.report ? tr("%1: %2 rows imported, %3 rejected")
                                                    .arg(name, formatCount(outcome.report->rowsImported),
                                                         formatCount(outcome.report->rowsRejected))
                                              : tr("%1: %2").arg(name, outcome.error));
    }
    m_ui->statusLabel->setText(tr("Done."));
    emit completeChanged();
    emit importsDone();
}

bool WizardRunPage::isComplete() const { return m_done; }

} // namespace segdash::app
