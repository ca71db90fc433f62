// The import wizard driven end to end: detection shown, overrides, mapping, a real
// import on the worker thread, the report, cancel.
#include <QComboBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include "app/import_runner.h"
#include "app/import_setup.h"
#include "app/import_wizard.h"
#include "app/imports_model.h"
#include "app/main_window.h"
#include "app/mapping_model.h"
#include "app/preview_model.h"
#include "app/rejected_model.h"
#include "app/summary_page.h"
#include "app/wizard_file_page.h"
#include "app/wizard_mapping_page.h"
#include "app/wizard_report_page.h"
#include "fixtures.h"

using namespace segdash;
using app::ImportWizard;

namespace {

int rowOfHeader(const app::MappingModel *model, const QString &header) {
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->index(row, app::MappingModel::Header).data().toString() == header) return row;
    return -1;
}

void selectKind(ImportWizard *wizard, import::RecordKind kind) {
    auto *combo = wizard->findChild<QComboBox *>(QStringLiteral("kindCombo"));
    combo->setCurrentIndex(combo->findData(static_cast<int>(kind)));
}

class WizardTest : public QObject {
    Q_OBJECT
private slots:
    void init() {
        QVERIFY(m_dir.isValid());
        m_store = test::createStore(m_dir.path(), QStringLiteral("w%1.sqlite").arg(m_count++));
        QVERIFY(!m_store.isEmpty());
        m_window = std::make_unique<app::MainWindow>();
        m_window->setPersistent(false);
        QVERIFY(m_window->openStore(m_store, store::OpenMode::OpenExisting).ok());
    }
    void cleanup() { m_window.reset(); }

    void detectsPreviewsAndImportsCustomers() {
        auto *wizard = m_window->startImport({test::writeCustomersCsv(m_dir.path())});
        QVERIFY(wizard);
        QCOMPARE(wizard->currentId(), int(ImportWizard::FilePage));
        QCOMPARE(wizard->filePage()->previewModel()->rowCount(), 5);
        QCOMPARE(wizard->filePage()->previewModel()->index(0, 1).data().toString(), QStringLiteral("Anna Kowalska"));
        const auto *delimiter = wizard->findChild<QLabel *>(QStringLiteral("delimiterInfo"));
        QVERIFY2(delimiter->text().contains(QStringLiteral("<b>;</b>")), qPrintable(delimiter->text()));
        const auto *decimal = wizard->findChild<QLabel *>(QStringLiteral("decimalInfo"));
        QVERIFY2(decimal->text().contains(QStringLiteral("<b>,</b>")), qPrintable(decimal->text()));

        // Overriding the delimiter re-plans: with '|' every line is one field.
        auto *delimiterCombo = wizard->findChild<QComboBox *>(QStringLiteral("delimiterCombo"));
        delimiterCombo->setCurrentIndex(delimiterCombo->findData(int('|')));
        QCOMPARE(wizard->setup()->current()->options.detect.delimiter, std::optional<char>('|'));
        QCOMPARE(wizard->filePage()->previewModel()->columnCount(), 1);
        delimiterCombo->setCurrentIndex(0); // back to "Detect"
        QCOMPARE(wizard->filePage()->previewModel()->columnCount(), 6);

        selectKind(wizard, import::RecordKind::Customers);
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
        wizard->next();
        QCOMPARE(wizard->currentId(), int(ImportWizard::MappingPage));
        const auto *mapping = wizard->mappingPage()->mappingModel();
        QCOMPARE(mapping->index(rowOfHeader(mapping, "Email"), app::MappingModel::Field).data(Qt::EditRole).toString(),
                 QStringLiteral("email"));
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
        // An edited mapping is what gets imported: names are left out.
        auto *editable = wizard->mappingPage()->mappingModel();
        QVERIFY(editable->setData(editable->index(rowOfHeader(editable, "Name"), app::MappingModel::Field), QString()));

        QSignalSpy finished(wizard, &ImportWizard::importsFinished);
        wizard->next();
        QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ImportWizard::ReportPage), 20000);
        QCOMPARE(finished.count(), 1);
        const auto *rejected = wizard->reportPage()->rejectedModel();
        QCOMPARE(rejected->rowCount(), 1);
        QCOMPARE(rejected->index(0, app::RejectedModel::Line).data().toLongLong(), 4LL);
        const auto *summary = wizard->findChild<QLabel *>(QStringLiteral("summaryLabel"));
        QVERIFY2(summary->text().contains(QStringLiteral("rejected <b>1</b>")), qPrintable(summary->text()));
        QCOMPARE(m_window->summaryPage()->value(QStringLiteral("customers")), QStringLiteral("4"));
        int named = 0;
        QVERIFY(m_window->store()->forEachCustomer([&named](const core::Customer &c) {
            named += c.name.empty() ? 0 : 1;
            return true;
        }).ok());
        QCOMPARE(named, 0);
        // The hand-edited mapping was saved as a recipe and wins for a file with these headers.
        auto replanned = import::planImport(wizard->setup()->current()->plan->path, {});
        QVERIFY(replanned.ok());
        QVERIFY2(QString::fromStdString(replanned->profileName).startsWith(QStringLiteral("recipe-")),
                 replanned->profileName.c_str());
        QCOMPARE(replanned->mapping.columnOf("name"), -1);
        QCOMPARE(replanned->kind, import::RecordKind::Customers);

        const QString json = m_dir.filePath(QStringLiteral("report.json"));
        QVERIFY(wizard->reportPage()->saveReport(0, json));
        QFile file(json);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!QJsonDocument::fromJson(file.readAll()).isNull());
        wizard->accept();
    }

    void nextStaysDisabledUntilRequiredFieldsAreMapped() {
        auto *wizard = m_window->startImport({test::writeCustomersCsv(m_dir.path())});
        selectKind(wizard, import::RecordKind::Orders);
        QCOMPARE(wizard->setup()->current()->plan->kind, import::RecordKind::Orders);
        wizard->next();
        QCOMPARE(wizard->currentId(), int(ImportWizard::MappingPage));
        auto *missing = wizard->findChild<QLabel *>(QStringLiteral("missingLabel"));
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        QVERIFY(missing->isVisible());
        QVERIFY2(missing->text().contains(QStringLiteral("Revenue")), qPrintable(missing->text()));
        auto *model = wizard->mappingPage()->mappingModel();
        const auto map = [model](const char *header, const char *field) {
            return model->setData(model->index(rowOfHeader(model, header), app::MappingModel::Field),
                                  QString::fromLatin1(field));
        };
        QVERIFY(map("Customer ID", "order_id"));
        QVERIFY(map("Acquired on", "order_date"));
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        // The last one through the row's combo, as a user would pick it.
        auto *view = wizard->mappingPage()->findChild<QTableView *>(QStringLiteral("mappingView"));
        auto *combo = qobject_cast<QComboBox *>(
            view->indexWidget(model->index(rowOfHeader(model, "Acquisition cost"), app::MappingModel::Field)));
        QVERIFY(combo);
        combo->setCurrentIndex(combo->findData(QStringLiteral("revenue")) - 1);
        QTest::keyClick(combo, Qt::Key_Down); // emits activated(), which commits
        QCOMPARE(wizard->setup()->current()->plan->mapping.columnOf("revenue"), 4);
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
        QVERIFY(!missing->isVisible());
        wizard->reject();
    }

    void importsCustomersBeforeOrders() {
        const QString orders = test::writeOrdersCsv(m_dir.path());
        const QString customers = test::writeCustomersCsv(m_dir.path());
        auto *wizard = m_window->startImport({orders, customers}); // orders named first
        QCOMPARE(wizard->setup()->fileCount(), 2);
        QVERIFY(wizard->setup()->allMapped());
        wizard->next();
        wizard->next();
        QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ImportWizard::ReportPage), 20000);
        const auto &outcomes = wizard->runner()->outcomes();
        QCOMPARE(outcomes.size(), std::size_t(2));
        QCOMPARE(outcomes[0].path, customers);
        QCOMPARE(outcomes[1].path, orders);
        QVERIFY2(outcomes[1].report, qPrintable(outcomes[1].error));
        QCOMPARE(outcomes[1].report->rowsImported, std::int64_t(2));
        auto *page = m_window->summaryPage();
        QCOMPARE(page->value(QStringLiteral("customers")), QStringLiteral("4"));
        QCOMPARE(page->value(QStringLiteral("orders")), QStringLiteral("2"));
        QCOMPARE(page->value(QStringLiteral("net_revenue")), QStringLiteral("150.50"));
        QCOMPARE(page->importsModel()->rowCount(), 2);
        // Segment membership is recorded after the wizard's imports, as after `segdash import`.
        QVERIFY2(wizard->runner()->membershipNote().contains(QStringLiteral("rfm-10")),
                 qPrintable(wizard->runner()->membershipNote()));
        auto dates = m_window->store()->membershipDates("rfm-10");
        QVERIFY(dates.ok());
        QCOMPARE(dates->size(), std::size_t(1));
        auto *summaryText = wizard->reportPage()->findChild<QLabel *>(QStringLiteral("summaryLabel"));
        QVERIFY2(summaryText->text().contains(QStringLiteral("recorded as of")), qPrintable(summaryText->text()));
        // One report per file, in import order.
        auto *files = wizard->reportPage()->findChild<QComboBox *>(QStringLiteral("fileCombo"));
        QCOMPARE(files->count(), 2);
        files->setCurrentIndex(1);
        QCOMPARE(wizard->reportPage()->rejectedModel()->rowCount(), 0);
        wizard->accept();
    }

    void droppedFilesOpenTheWizard() {
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(test::writeCustomersCsv(m_dir.path()))});
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        // Straight to the window: QApplication routes drops only while a drag is running.
        static_cast<QObject *>(m_window.get())->event(&drop);
        auto *wizard = m_window->findChild<ImportWizard *>();
        QVERIFY(wizard);
        QCOMPARE(wizard->setup()->fileCount(), 1);
        wizard->reject();
    }

    void cancelLeavesTheStoreUnchanged() {
        const QString before = m_window->summaryPage()->value(QStringLiteral("customers"));
        auto *wizard = m_window->startImport({test::writeLargeCustomersCsv(m_dir.path(), 200000)});
        QVERIFY2(wizard->setup()->allPlanned(), qPrintable(wizard->setup()->file(0).error));
        selectKind(wizard, import::RecordKind::Customers);
        wizard->next();
        QSignalSpy progress(wizard->runner(), &app::ImportRunner::progress);
        wizard->next(); // starts the import
        QCOMPARE(wizard->currentId(), int(ImportWizard::RunPage));
        QTRY_VERIFY_WITH_TIMEOUT(progress.count() > 0, 20000);
        QVERIFY(wizard->runner()->isRunning()); // cancelled mid-file, not after it
        QTest::mouseClick(wizard->findChild<QPushButton *>(QStringLiteral("cancelButton")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ImportWizard::ReportPage), 20000);
        QCOMPARE(wizard->runner()->outcomes().size(), std::size_t(1));
        QVERIFY(wizard->runner()->outcomes()[0].cancelled);
        QVERIFY(!wizard->runner()->outcomes()[0].report);
        QCOMPARE(m_window->summaryPage()->value(QStringLiteral("customers")), before);
        auto store = store::openStore(m_store.toStdString(), store::OpenMode::OpenExisting);
        QVERIFY(store.ok());
        QCOMPARE((*store)->summary()->customers, std::int64_t(0));
        QCOMPARE((*store)->imports()->size(), std::size_t(0));
        wizard->accept();
    }

private:
    QTemporaryDir m_dir;
    QString m_store;
    int m_count = 0;
    std::unique_ptr<app::MainWindow> m_window;
};

} // namespace

int segdash::test::runWizardTests(int argc, char **argv) {
    WizardTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "wizard_test.moc"
