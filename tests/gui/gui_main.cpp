// One executable for every GUI test class: they share one QApplication.
#include <QApplication>
#include <QLocale>
#include <QStandardPaths>

#include "fixtures.h"

int main(int argc, char **argv) {
    QApplication app(argc, argv);
    // Keep the user's real SegDash settings out of reach of the tests.
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("SegDashTest"));
    QApplication::setApplicationName(QStringLiteral("SegDashGuiTests"));
    QLocale::setDefault(QLocale::c()); // figures compared as text: no locale grouping
    int failed = 0;
    failed += segdash::test::runModelsTests(argc, argv);
    failed += segdash::test::runOptionsTests(argc, argv);
    failed += segdash::test::runWizardTests(argc, argv);
    failed += segdash::test::runSummaryTests(argc, argv);
    return failed == 0 ? 0 : 1;
}
