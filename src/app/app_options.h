#pragma once
// The dashboard's command line (when no command is given): --db, --lang, --page,
// --screenshot. Qt's own arguments (-platform ...) are let through untouched.
#include <string>

#include "core/status.h"

namespace segdash::app {

struct AppOptions {
    std::string db;          // store to open; empty = last one / demo / empty state
    std::string lang = "en"; // en, pl, uk (translations come later)
    std::string page;        // page to show first, e.g. "summary"
    std::string screenshot;  // save the window as this PNG and exit
    bool help = false;
};

// Never throws; a bad value comes back as an error with a one-line message.
core::Result<AppOptions> parseAppOptions(int argc, const char *const *argv);
std::string appOptionsHelp();

} // namespace segdash::app
