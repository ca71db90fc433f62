#include "app/wizard_report_page.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QMessageBox>
#include <QSaveFile>

#include "app/import_runner.h"
#include "app/qt_text.h"
#include "app/rejected_model.h"
#include "ui_wizard_report_page.h"

namespace segdash::app {

WizardReportPage::WizardReportPage(ImportRunner *runner, QWidget *parent)
    : QWizardPage(parent), m_ui(std::make_unique<Ui::WizardReportPage>()), m_runner(runner),
      m_rejected(new RejectedModel(this)) {
    m_ui->setupUi(this);
    m_ui->rejectedView->setModel(m_rejected);
    m_ui->rejectedView->verticalHeader()->hide();
    m_ui->rejectedView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_ui->rejectedView->horizontalHeader()->setSectionResizeMode(RejectedModel::Reason, QHeaderView::Stretch);
    connect(m_ui->fileCombo, &QComboBox::currentIndexChanged, this, &WizardReportPage::showReport);
    connect(m_ui->saveButton, &QPushButton::clicked, this, &WizardReportPage::chooseSavePath);
}

WizardReportPage::~WizardReportPage() = default;

void WizardReportPage::initializePage() {
    const QSignalBlocker block(m_ui->fileCombo);
    m_ui->fileCombo->clear();
    for (const auto &outcome : m_runner->outcomes()) m_ui->fileCombo->addItem(QFileInfo(outcome.path).fileName());
    m_ui->fileCombo->setCurrentIndex(0);
    showReport(0);
}

int WizardReportPage::currentReport() const { return m_ui->fileCombo->currentIndex(); }

void WizardReportPage::showReport(int index) {
    const auto &outcomes = m_runner->outcomes();
    if (index < 0 || static_cast<std::size_t>(index) >= outcomes.size()) {
        m_ui->summaryLabel->clear();
        m_rejected->setRows({});
        return;
    }
    const auto &outcome = outcomes[static_cast<std::size_t>(index)];
    QString html = summaryHtml(outcome);
    if (!m_runner->membershipNote().isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(m_runner->membershipNote().toHtmlEscaped());
    m_ui->summaryLabel->setText(html);
    m_rejected->setRows(outcome.report ? outcome.report->rejected : std::vector<import::RejectedRow>{});
    const qint64 rejected = outcome.report ? outcome.report->rowsRejected : 0;
    m_ui->rejectedLabel->setText(rejected > m_rejected->rowCount()
                                     ? tr("Rejected rows (first %1 of %2):").arg(m_rejected->rowCount()).arg(rejected)
                                     : tr("Rejected rows:"));
    m_ui->rejectedView->resizeColumnsToContents();
    m_ui->saveButton->setEnabled(outcome.report.has_value());
}

QString WizardReportPage::summaryHtml(const ImportOutcome &outcome) const {
    if (!outcome.report)
        return tr("<p style='color:#b00020'><b>Not imported.</b> %1</p>").arg(outcome.error.toHtmlEscaped());
    const auto &r = *outcome.report;
    QString html;
    if (r.alreadyImported) html += tr("<p><b>This file was imported before: nothing was added.</b></p>");
    html += tr("<p>Kind <b>%1</b>, profile <b>%2</b>, %3.<br>Rows read <b>%4</b> · imported <b>%5</b> · "
               "rejected <b>%6</b> · duplicates <b>%7</b></p>")
                .arg(qs(r.kind), qs(r.profile).toHtmlEscaped(), formatSeconds(r.seconds), formatCount(r.rowsRead),
                     formatCount(r.rowsImported), formatCount(r.rowsRejected), formatCount(r.rowsDuplicate));
    QStringList parts;
    for (const auto &[what, count] : r.created) parts << QStringLiteral("%1 %2").arg(formatCount(count), qs(what));
    if (!parts.isEmpty()) html += tr("<p>Created: %1</p>").arg(parts.join(QStringLiteral(", ")));
    parts.clear();
    for (const auto &[rule, count] : r.cleaning) parts << QStringLiteral("%1: %2").arg(qs(rule), formatCount(count));
    if (!parts.isEmpty()) html += tr("<p>Cleaning: %1</p>").arg(parts.join(QStringLiteral(", ")));
    for (const auto &warning : r.warnings)
        html += QStringLiteral("<p style='color:#8a5a00'>%1</p>").arg(qs(warning).toHtmlEscaped());
    return html;
}

bool WizardReportPage::saveReport(int index, const QString &path) const {
    const auto &outcomes = m_runner->outcomes();
    if (index < 0 || static_cast<std::size_t>(index) >= outcomes.size()) return false;
    const auto &outcome = outcomes[static_cast<std::size_t>(index)];
    if (!outcome.report) return false;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return false;
    const std::string json = outcome.report->toJson();
    file.write(json.data(), static_cast<qint64>(json.size()));
    return file.commit();
}

void WizardReportPage::chooseSavePath() {
    const int index = currentReport();
    const QString suggested = QFileInfo(m_ui->fileCombo->currentText()).completeBaseName() + QStringLiteral("-report.json");
    const QString path = QFileDialog::getSaveFileName(this, tr("Save import report"), suggested,
                                                      tr("JSON files (*.json)"));
    if (path.isEmpty()) return;
    if (!saveReport(index, path))
        QMessageBox::warning(this, tr("Save report"), tr("Could not write %1.").arg(path));
}

} // namespace segdash::app
