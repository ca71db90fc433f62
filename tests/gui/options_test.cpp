// Dashboard command line and the choice of the store to open at start.
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include "app/app_options.h"
#include "app/dashboard.h"
#include "app/recent_stores.h"
#include "fixtures.h"

using namespace segdash::app;

namespace {

class OptionsTest : public QObject {
    Q_OBJECT
private slots:
    void parsesOptionsAndLetsQtArgumentsThrough() {
        const char *argv[] = {"segdash", "--db", "x.sqlite", "-platform", "offscreen", "--lang", "pl",
                              "--screenshot", "s.png", "--page", "summary"};
        auto parsed = parseAppOptions(11, argv);
        QVERIFY2(parsed.ok(), parsed.message().c_str());
        QCOMPARE(parsed->db, std::string("x.sqlite"));
        QCOMPARE(parsed->lang, std::string("pl"));
        QCOMPARE(parsed->screenshot, std::string("s.png"));
        QCOMPARE(parsed->page, std::string("summary"));
    }

    void rejectsUnknownLanguage() {
        const char *argv[] = {"segdash", "--lang", "de"};
        auto parsed = parseAppOptions(3, argv);
        QVERIFY(!parsed.ok());
        QVERIFY(parsed.message().find("de") != std::string::npos);
    }

    void startupStorePrefersDbThenLastThenDemo() {
        QTemporaryDir dir;
        const QString last = QDir(dir.path()).filePath("last.sqlite");
        const QString demo = QDir(dir.path()).filePath("demo.sqlite");
        AppOptions options;
        QCOMPARE(chooseStartupStore(options, last, dir.path()), QString()); // nothing exists yet
        QFile(demo).open(QIODevice::WriteOnly);
        QCOMPARE(chooseStartupStore(options, last, dir.path()), demo);
        QFile(last).open(QIODevice::WriteOnly);
        QCOMPARE(chooseStartupStore(options, last, dir.path()), last);
        options.db = "given.sqlite";
        QCOMPARE(chooseStartupStore(options, last, dir.path()), QStringLiteral("given.sqlite"));
    }

    void recentStoresKeepsTheNewestEightWithoutDuplicates() {
        QTemporaryDir dir;
        segdash::app::RecentStores::clear();
        for (int i = 0; i < 10; ++i) segdash::app::RecentStores::add(dir.filePath(QStringLiteral("s%1.sqlite").arg(i)));
        segdash::app::RecentStores::add(dir.filePath(QStringLiteral("s5.sqlite")));
        const auto list = segdash::app::RecentStores::list();
        QCOMPARE(list.size(), 8);
        QCOMPARE(list.front(), dir.filePath(QStringLiteral("s5.sqlite")));
        QCOMPARE(list.at(1), dir.filePath(QStringLiteral("s9.sqlite")));
        QCOMPARE(list.count(dir.filePath(QStringLiteral("s5.sqlite"))), 1);
        QVERIFY(!list.contains(dir.filePath(QStringLiteral("s1.sqlite"))));
        segdash::app::RecentStores::clear();
        QVERIFY(segdash::app::RecentStores::list().isEmpty());
    }
};

} // namespace

int segdash::test::runOptionsTests(int argc, char **argv) {
    OptionsTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "options_test.moc"
