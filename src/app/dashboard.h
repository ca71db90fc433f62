#pragma once
// Entry point of the dashboard (no command on the command line).
#include <QString>

#include "app/app_options.h"

namespace segdash::app {

// The store to open at start: --db, else the last store if it still exists, else the
// demo store beside the executable if there is one, else none (empty state page).
QString chooseStartupStore(const AppOptions &options, const QString &lastStore, const QString &executableDir);

// Parses the options, creates the QApplication and runs the window. Returns the exit code.
int runDashboard(int argc, char **argv);

} // namespace segdash::app
