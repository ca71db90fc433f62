// The summary page over a real store: counts, imports table, undo with confirmation.
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

#include "app/imports_model.h"
#include "app/main_window.h"
#include "app/summary_page.h"
#include "fixtures.h"
#include "import/import_job.h"

using namespace segdash;

namespace {

class SummaryTest : public QObject {
    Q_OBJECT
private slots:
    void showsCountsAndUndoesLastImport() {
        QTemporaryDir dir;
        const QString path = test::createStore(dir.path());
        {
            // One import done the way the CLI does it, on a connection of its own.
            auto store = store::openStore(path.toStdString(), store::OpenMode::OpenExisting);
            QVERIFY(store.ok());
            import::ImportOptions options;
            options.kind = import::RecordKind::Customers;
            auto plan = import::planImport(test::writeCustomersCsv(dir.path()).toStdString(), options);
            QVERIFY2(plan.ok(), plan.message().c_str());
            auto report = import::runImport(**store, *plan, options);
            QVERIFY2(report.ok(), report.message().c_str());
            QCOMPARE(report->rowsImported, std::int64_t(4));
        }
        app::MainWindow window;
        window.setPersistent(false);
        QVERIFY(window.openStore(path, store::OpenMode::OpenExisting).ok());
        window.show(); // buttons take clicks only when shown
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.windowTitle(), QStringLiteral("test.sqlite — SegDash"));
        QCOMPARE(window.currentPageName(), QStringLiteral("summary"));
        auto *page = window.summaryPage();
        QCOMPARE(page->value(QStringLiteral("customers")), QStringLiteral("4"));
        QCOMPARE(page->value(QStringLiteral("net_revenue_detail")), QStringLiteral("no orders yet"));
        QCOMPARE(page->importsModel()->rowCount(), 1);
        QCOMPARE(page->importsModel()->index(0, app::ImportsModel::RowsRejected).data().toString(), QStringLiteral("1"));

        QString asked;
        int answers = 0;
        page->setConfirm([&](QWidget *, const QString &question) {
            asked = question;
            return ++answers > 1; // "No" first, then "Yes"
        });
        QVERIFY(page->undoButton()->isEnabled());
        QTest::mouseClick(page->undoButton(), Qt::LeftButton);
        QVERIFY2(asked.contains(QStringLiteral("customers.csv")), qPrintable(asked));
        QCOMPARE(page->value(QStringLiteral("customers")), QStringLiteral("4")); // declined
        QTest::mouseClick(page->undoButton(), Qt::LeftButton);
        QCOMPARE(page->value(QStringLiteral("customers")), QStringLiteral("0"));
        QCOMPARE(page->importsModel()->index(0, app::ImportsModel::Undone).data().toString(), QStringLiteral("undone"));
        QVERIFY(!page->undoButton()->isEnabled());
    }

    void emptyStateWithoutStore() {
        app::MainWindow window;
        window.setPersistent(false);
        QCOMPARE(window.currentPageName(), QStringLiteral("empty"));
        QVERIFY(window.showPage(QStringLiteral("summary")));
        QCOMPARE(window.currentPageName(), QStringLiteral("empty")); // needs a store
        QVERIFY(!window.showPage(QStringLiteral("nonsense")));
        QVERIFY(!window.startImport({}));
        QCOMPARE(window.windowTitle(), QStringLiteral("SegDash"));
    }

    void openingABrokenFileKeepsTheEmptyState() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("not-a-store.sqlite"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("this is not a database at all, just text padding it out to a page.....");
        file.close();
        app::MainWindow window;
        window.setPersistent(false);
        const auto status = window.openStore(path, store::OpenMode::OpenExisting);
        QVERIFY(!status.ok());
        QVERIFY(!status.message().empty());
        QCOMPARE(window.currentPageName(), QStringLiteral("empty"));
        QVERIFY(!window.store());
    }
};

} // namespace

int segdash::test::runSummaryTests(int argc, char **argv) {
    SummaryTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "summary_test.moc"
