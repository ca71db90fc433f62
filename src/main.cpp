// segdash: `segdash <command> ...` runs a command headless; anything else opens the dashboard.
#include <string>

#include "app/dashboard.h"
#include "cli/cli.h"

int main(int argc, char **argv) {
    // Decided before any QApplication exists, so commands and --help need no display.
    if (argc > 1) {
        const std::string first = argv[1];
        // A bare word is a command name (a misspelt one gets the usage text, not a window);
        // options (--db, Qt's -platform, ...) belong to the dashboard.
        if (!first.empty() && first[0] != '-') return segdash::cli::runCli(argc, argv);
        if (first == "--help" || first == "-h" || first == "--version") return segdash::cli::runCli(argc, argv);
    }
    return segdash::app::runDashboard(argc, argv);
}
