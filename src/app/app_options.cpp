#include "app/app_options.h"

#include <boost/program_options.hpp>
#include <sstream>

namespace segdash::app {

namespace po = boost::program_options;

static po::options_description describeOptions(AppOptions &out) {
    po::options_description desc("Dashboard options");
    desc.add_options()
        ("help,h", po::bool_switch(&out.help), "show this help")
        ("db", po::value(&out.db), "store file to open")
        ("lang", po::value(&out.lang), "user interface language: en, pl or uk")
        ("page", po::value(&out.page), "page to show first (summary)")
        ("screenshot", po::value(&out.screenshot), "draw the window at 1400x900, save it as PNG and exit");
    return desc;
}

core::Result<AppOptions> parseAppOptions(int argc, const char *const *argv) {
    AppOptions options;
    auto desc = describeOptions(options);
    try {
        po::variables_map vm;
        // Qt's own arguments (-platform offscreen, -style ...) are not ours to reject.
        po::store(po::command_line_parser(argc, argv).options(desc).allow_unregistered().run(), vm);
        po::notify(vm);
    } catch (const std::exception &e) {
        return core::Status::error(e.what());
    }
    if (options.lang != "en" && options.lang != "pl" && options.lang != "uk")
        return core::Status::error("unknown language '" + options.lang + "' (use en, pl or uk)");
    return options;
}

std::string appOptionsHelp() {
    AppOptions ignored;
    std::ostringstream out;
    out << "Usage: segdash [--db STORE] [--lang en|pl|uk] [--page NAME] [--screenshot FILE.png]\n"
        << describeOptions(ignored);
    return out.str();
}

} // namespace segdash::app
