// segdash: `segdash <command> ...` runs a command headless; anything else opens the dashboard.
#include <string>

#include "app/dashboard.h"
#include "cli/cli.h"

int main(int argc, char **argv) {
    // Decided before any QApplication exists, so commands and --help need no display.
    if (argc > 1) {
        const std::string first = argv[1];
        if (segdash::cli::isCommand(first) || first == "--help" || first == "-h" || first == "--version")
            return segdash::cli::runCli(argc, argv);
    }
    return segdash::app::runDashboard(argc, argv);
}
