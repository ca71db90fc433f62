// segdash schemes: the named RFM segment tables. Built-in rfm-10 and rfm-11 can be shown
// (and copied as a starting point); the user's own tables are kept in the store.
#include <fstream>
#include <iostream>
#include <sstream>

#include "analysis/rfm_schemes.h"
#include "cli/options.h"

namespace segdash::cli {
namespace {

int fail(const std::string &message) {
    std::cerr << "segdash schemes: " << message << "\n";
    return kExitRejected;
}

int save(store::Store &store, const std::string &name, const std::string &file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return fail("cannot read " + file);
    std::stringstream text;
    text << in.rdbuf();
    auto saved = analysis::saveRfmScheme(store, name, text.str());
    if (!saved.ok()) return fail(file + ": " + saved.message());
    std::cout << "saved RFM scheme '" << name << "': " << saved->rules.size() << " segments\n";
    return kExitOk;
}

int list(store::Store &store) {
    auto stored = analysis::storedRfmSchemes(store);
    if (!stored.ok()) return fail(stored.message());
    for (const auto &name : segment::builtinSchemeNames()) std::cout << name << "  (built in)\n";
    for (const auto &name : *stored) std::cout << name << "\n";
    return kExitOk;
}

} // namespace

int runSchemes(const Args &args) {
    po::options_description options("Options");
    options.add_options()
        ("db", po::value<std::string>()->required(), "the store")
        ("save", po::value<std::string>(), "save (or replace) the RFM scheme NAME from --file")
        ("file", po::value<std::string>(), "the table: lines 'Name;R;F;M' with inclusive score ranges, e.g. "
                                           "'Champions;5-5;4-5;4-5' (see 'segdash schemes --show rfm-10')")
        ("list", "list the built-in and stored RFM schemes")
        ("show", po::value<std::string>(), "print a scheme's table (built-in ones too)")
        ("remove", po::value<std::string>(), "remove a stored scheme (its membership history is kept)");
    po::variables_map vm;
    if (auto code = parseOptions("schemes", "--db STORE (--save NAME --file TABLE | --list | --show NAME | --remove NAME)",
                                 args, options, vm))
        return *code;
    const int actions = int(vm.count("save") + vm.count("list") + vm.count("show") + vm.count("remove"));
    if (actions != 1 || (vm.count("save") && !vm.count("file"))) {
        std::cerr << "segdash schemes: give exactly one of --save NAME --file TABLE, --list, --show NAME, --remove NAME\n";
        return kExitUsage;
    }
    auto store = store::openStore(vm["db"].as<std::string>(), store::OpenMode::OpenExisting);
    if (!store.ok()) return fail(store.message());
    if (vm.count("save")) return save(**store, vm["save"].as<std::string>(), vm["file"].as<std::string>());
    if (vm.count("list")) return list(**store);
    if (vm.count("show")) {
        auto scheme = analysis::resolveRfmScheme(**store, vm["show"].as<std::string>());
        if (!scheme.ok()) return fail(scheme.message());
        std::cout << segment::serializeScheme(*scheme);
        return kExitOk;
    }
    const std::string name = vm["remove"].as<std::string>();
    if (auto scheme = analysis::resolveRfmScheme(**store, name); !scheme.ok()) return fail(scheme.message());
    if (name == "rfm-10" || name == "rfm-11") return fail("built-in schemes cannot be removed");
    if (auto s = (*store)->removeScheme(name); !s.ok()) return fail(s.message());
    std::cout << "removed RFM scheme '" << name << "' (its membership history is kept)\n";
    return kExitOk;
}

} // namespace segdash::cli
