#include "app/wizard_file_page.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLocale>

#include "app/import_setup.h"
#include "app/preview_model.h"
#include "app/qt_text.h"
#include "ui_wizard_file_page.h"

namespace segdash::app {

namespace {

// The value of an override combo: an invalid QVariant means "detect it".
template <typename T>
std::optional<T> comboValue(const QComboBox *combo) {
    const auto data = combo->currentData();
    if (!data.isValid()) return std::nullopt;
    return data.value<T>();
}

void selectData(QComboBox *combo, const QVariant &data) {
    const int index = data.isValid() ? combo->findData(data) : 0;
    combo->setCurrentIndex(index < 0 ? 0 : index);
}

template <typename T>
QString guessText(const QString &value, const import::Guess<T> &guess) {
    const QString percent = QLocale().toString(guess.confidence * 100, 'f', 0) + QLatin1Char('%');
    const QString colour = guess.confidence < 0.6 ? QStringLiteral("#b36b00") : QStringLiteral("#2e7d32");
    return QObject::tr("detected <b>%1</b> <span style='color:%2'>%3</span> · %4")
        .arg(value.toHtmlEscaped(), colour, percent, qs(guess.reason).toHtmlEscaped());
}

} // namespace

WizardFilePage::WizardFilePage(ImportSetup *setup, QWidget *parent)
    : QWizardPage(parent), m_ui(std::make_unique<Ui::WizardFilePage>()), m_setup(setup),
      m_preview(new PreviewModel(this)) {
    m_ui->setupUi(this);
    m_ui->previewView->setModel(m_preview);
    m_ui->previewView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    // The reasons need the room more than the combos do.
    m_ui->dialectGrid->setColumnStretch(2, 1);
    m_ui->contentGrid->setColumnStretch(2, 1);
    m_ui->settingsLayout->setStretch(0, 3);
    m_ui->settingsLayout->setStretch(1, 2);
    fillCombos();
    for (auto *combo : {m_ui->encodingCombo, m_ui->delimiterCombo, m_ui->quoteCombo, m_ui->headerCombo,
                        m_ui->decimalCombo, m_ui->dateOrderCombo})
        connect(combo, &QComboBox::currentIndexChanged, this, &WizardFilePage::applyDetectOverrides);
    for (auto *combo : {m_ui->kindCombo, m_ui->profileCombo})
        connect(combo, &QComboBox::currentIndexChanged, this, &WizardFilePage::applyKindAndProfile);
    connect(m_ui->fileCombo, &QComboBox::currentIndexChanged, m_setup, &ImportSetup::setCurrentIndex);
    connect(m_ui->chooseButton, &QPushButton::clicked, this, &WizardFilePage::chooseFiles);
    connect(m_setup, &ImportSetup::filesChanged, this, [this] {
        const QSignalBlocker block(m_ui->fileCombo);
        m_ui->fileCombo->clear();
        for (int i = 0; i < m_setup->fileCount(); ++i)
            m_ui->fileCombo->addItem(QFileInfo(m_setup->file(i).path).fileName(), m_setup->file(i).path);
        emit completeChanged();
    });
    connect(m_setup, &ImportSetup::currentChanged, this, [this](int index) {
        const QSignalBlocker block(m_ui->fileCombo);
        m_ui->fileCombo->setCurrentIndex(index);
        showOptions();
        showPlan();
    });
    connect(m_setup, &ImportSetup::planChanged, this, [this] {
        showPlan();
        emit completeChanged();
    });
}

WizardFilePage::~WizardFilePage() = default;

void WizardFilePage::fillCombos() {
    auto &ui = *m_ui;
    for (auto *combo : {ui.encodingCombo, ui.delimiterCombo, ui.quoteCombo, ui.headerCombo, ui.decimalCombo,
                        ui.dateOrderCombo, ui.kindCombo})
        combo->addItem(tr("Detect"));
    for (const char *name : {"UTF-8", "UTF-16LE", "UTF-16BE", "windows-1250", "windows-1252", "ISO-8859-1",
                             "ISO-8859-2"})
        ui.encodingCombo->addItem(QString::fromLatin1(name), QString::fromLatin1(name));
    for (char c : {',', ';', '\t', '|'}) ui.delimiterCombo->addItem(describeChar(c), static_cast<int>(c));
    for (char c : {'"', '\'', '\0'}) ui.quoteCombo->addItem(describeChar(c), static_cast<int>(c));
    ui.headerCombo->addItem(tr("First row is a header"), true);
    ui.headerCombo->addItem(tr("No header row"), false);
    ui.decimalCombo->addItem(tr("Point ( . )"), static_cast<int>('.'));
    ui.decimalCombo->addItem(tr("Comma ( , )"), static_cast<int>(','));
    for (auto order : {import::DateOrder::YMD, import::DateOrder::DMY, import::DateOrder::MDY,
                       import::DateOrder::ExcelSerial})
        ui.dateOrderCombo->addItem(qs(import::toString(order)), static_cast<int>(order));
    for (auto kind : import::allRecordKinds()) ui.kindCombo->addItem(import::toString(kind), static_cast<int>(kind));
    ui.profileCombo->addItem(tr("Detect"), QStringLiteral("auto"));
    for (const auto &name : ImportSetup::availableProfiles()) ui.profileCombo->addItem(name, name);
}

void WizardFilePage::showOptions() {
    const auto *file = m_setup->current();
    if (!file) return;
    m_updating = true;
    const auto &d = file->options.detect;
    auto &ui = *m_ui;
    selectData(ui.encodingCombo, d.encoding ? QVariant(qs(*d.encoding)) : QVariant());
    selectData(ui.delimiterCombo, d.delimiter ? QVariant(static_cast<int>(*d.delimiter)) : QVariant());
    selectData(ui.quoteCombo, d.quote ? QVariant(static_cast<int>(*d.quote)) : QVariant());
    selectData(ui.headerCombo, d.hasHeader ? QVariant(*d.hasHeader) : QVariant());
    selectData(ui.decimalCombo, d.decimal ? QVariant(static_cast<int>(*d.decimal)) : QVariant());
    selectData(ui.dateOrderCombo, d.dateOrder ? QVariant(static_cast<int>(*d.dateOrder)) : QVariant());
    selectData(ui.kindCombo, file->options.kind ? QVariant(static_cast<int>(*file->options.kind)) : QVariant());
    selectData(ui.profileCombo, qs(file->options.profile));
    m_updating = false;
}

void WizardFilePage::showPlan() {
    const auto *file = m_setup->current();
    auto &ui = *m_ui;
    ui.errorLabel->setVisible(file && !file->plan);
    if (!file || !file->plan) {
        ui.errorLabel->setText(file ? tr("Cannot read this file: %1").arg(file->error) : QString());
        m_preview->setPreview({}, {});
        return;
    }
    const auto &plan = *file->plan;
    const auto &d = plan.detection;
    ui.encodingInfo->setText(guessText(qs(d.encoding.value), d.encoding));
    ui.delimiterInfo->setText(guessText(describeChar(d.delimiter.value), d.delimiter));
    ui.quoteInfo->setText(guessText(describeChar(d.quote.value), d.quote));
    ui.headerInfo->setText(guessText(d.hasHeader.value ? tr("yes") : tr("no"), d.hasHeader));
    showColumnGuesses(d);
    ui.kindInfo->setText(tr("importing as <b>%1</b>").arg(import::toString(plan.kind)));
    ui.profileInfo->setText(tr("<b>%1</b> · recognised %2% of the headers")
                                .arg(qs(plan.profileLabel).toHtmlEscaped())
                                .arg(QLocale().toString(plan.profileScore * 100, 'f', 0)));
    QStringList warnings;
    for (const auto &w : d.warnings) warnings << qs(w);
    for (const auto &w : plan.warnings) warnings << qs(w);
    ui.warningsLabel->setText(warnings.join(QLatin1Char('\n')));
    std::vector<std::string> headers;
    for (const auto &column : d.columns) headers.push_back(column.header);
    m_preview->setPreview(std::move(headers), d.preview);
    ui.previewView->resizeColumnsToContents();
}

// Number and date conventions are guessed per column; show the most confident one.
void WizardFilePage::showColumnGuesses(const import::Detection &d) {
    const import::ColumnGuess *number = nullptr;
    const import::ColumnGuess *date = nullptr;
    for (const auto &c : d.columns) {
        if (c.type == import::ColumnType::Decimal && (!number || c.number.confidence > number->number.confidence))
            number = &c;
        const bool isDate = c.type == import::ColumnType::Date || c.type == import::ColumnType::DateTime;
        if (isDate && (!date || c.date.confidence > date->date.confidence)) date = &c;
    }
    m_ui->decimalInfo->setText(number ? guessText(describeChar(number->number.value.decimal), number->number) +
                                            tr(" (column %1)").arg(qs(number->header).toHtmlEscaped())
                                      : tr("no decimal numbers seen"));
    m_ui->dateOrderInfo->setText(date ? guessText(qs(import::toString(date->date.value.order)), date->date) +
                                            tr(" (column %1)").arg(qs(date->header).toHtmlEscaped())
                                      : tr("no dates seen"));
}

void WizardFilePage::applyDetectOverrides() {
    if (m_updating || !m_setup->current()) return;
    auto options = m_setup->current()->options.detect;
    const auto &ui = *m_ui;
    const auto asChar = [](std::optional<int> v) { return v ? std::optional<char>(static_cast<char>(*v)) : std::nullopt; };
    const auto encoding = comboValue<QString>(ui.encodingCombo);
    options.encoding = encoding ? std::optional<std::string>(ss(*encoding)) : std::nullopt;
    options.delimiter = asChar(comboValue<int>(ui.delimiterCombo));
    options.quote = asChar(comboValue<int>(ui.quoteCombo));
    options.hasHeader = comboValue<bool>(ui.headerCombo);
    options.decimal = asChar(comboValue<int>(ui.decimalCombo));
    const auto order = comboValue<int>(ui.dateOrderCombo);
    options.dateOrder = order ? std::optional(static_cast<import::DateOrder>(*order)) : std::nullopt;
    m_setup->setDetectOptions(options);
}

void WizardFilePage::applyKindAndProfile() {
    if (m_updating || !m_setup->current()) return;
    const auto kind = comboValue<int>(m_ui->kindCombo);
    m_setup->setKind(kind ? std::optional(static_cast<import::RecordKind>(*kind)) : std::nullopt);
    m_setup->setProfile(ss(m_ui->profileCombo->currentData().toString()));
}

void WizardFilePage::chooseFiles() {
    const auto files = QFileDialog::getOpenFileNames(this, tr("Import files"), {},
                                                     tr("CSV files (*.csv *.txt *.tsv);;All files (*)"));
    if (!files.isEmpty()) m_setup->setFiles(files);
}

bool WizardFilePage::isComplete() const { return m_setup->allPlanned(); }

} // namespace segdash::app
