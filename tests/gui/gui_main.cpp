// One executable for every GUI test class: they share one QApplication.
#include <QApplication>
#include <QLocale>
#include <QStandardPaths>
#include <QTemporaryDir>

#include "fixtures.h"

int main(int argc, char **argv) {
    QApplication app(argc, argv);
    // Keep the user's real SegDash settings out of reach of the tests.
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("SegDashTest"));
    QApplication::setApplicationName(QStringLiteral("SegDashGuiTests"));
    QLocale::setDefault(QLocale::c()); // figures compared as text: no locale grouping
    // Mappings confirmed in the wizard are saved as recipes: into a folder of this run only.
    QTemporaryDir recipes;
    qputenv("SEGDASH_RECIPES_DIR", recipes.path().toUtf8());
    int failed = 0;
    failed += segdash::test::runModelsTests(argc, argv);
    failed += segdash::test::runOptionsTests(argc, argv);
    failed += segdash::test::runWizardTests(argc, argv);
    failed += segdash::test::runSummaryTests(argc, argv);
    return failed == 0 ? 0 : 1;
}
