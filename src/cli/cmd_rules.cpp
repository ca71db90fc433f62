// segdash rules --db STORE --add NAME --file RULES.txt | --list | --show NAME | --remove NAME:
// the user's rule segment schemes (segment/rules.h), kept in the store.
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/options.h"
#include "analysis/rules_membership.h"

namespace segdash::cli {

using namespace analysis; // the store-to-engine glue (src/analysis)
namespace {

constexpr const char *kSynopsis = "--db STORE (--add NAME --file RULES.txt | --list | --show NAME | --remove NAME)";

int fail(const std::string &message) {
    std::cerr << "segdash rules: " << message << "\n";
    return kExitRejected;
}

int usage(const std::string &message) {
    std::cerr << "segdash rules: " << message << "\nTry 'segdash rules --help'.\n";
    return kExitUsage;
}

int add(store::Store &store, const std::string &name, const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail("cannot read " + path);
    std::stringstream text;
    text << in.rdbuf();
    auto parsed = segment::parseRuleScheme(text.str());
    if (!parsed) return fail(path + ": " + parsed.message());
    auto existing = store.listSchemes();
    if (!existing) return fail(existing.message());
    for (const auto &s : *existing)
        if (s.name == name && s.kind != kRulesKind)
            return fail("a scheme named '" + name + "' of kind " + s.kind + " exists; choose another name");
    if (name == "rfm-10" || name == "rfm-11") return fail("'" + name + "' is the name of a built-in scheme");
    if (auto s = store.saveScheme({name, kRulesKind, text.str(), {}}); !s) return fail(s.message());
    std::cout << "saved rule scheme '" << name << "': " << parsed->rules.size() << " rules\n";
    return kExitOk;
}

int list(store::Store &store) {
    auto schemes = store.listSchemes();
    if (!schemes) return fail(schemes.message());
    for (const auto &s : *schemes) {
        if (s.kind != kRulesKind) continue;
        auto parsed = segment::parseRuleScheme(s.definition);
        std::cout << s.name << "\t" << (parsed ? std::to_string(parsed->rules.size()) + " rules" : "invalid") << "\t"
                  << s.updatedAt.toIso() << "\n";
    }
    return kExitOk;
}

int show(store::Store &store, const std::string &name) {
    auto scheme = loadRuleScheme(store, name);
    if (!scheme) return fail(scheme.message());
    std::cout << scheme->text;
    if (!scheme->text.empty() && scheme->text.back() != '\n') std::cout << "\n";
    return kExitOk;
}

int remove(store::Store &store, const std::string &name) {
    if (auto scheme = loadRuleScheme(store, name); !scheme) return fail(scheme.message());
    if (auto s = store.removeScheme(name); !s) return fail(s.message());
    std::cout << "removed rule scheme '" << name << "' (its membership history is kept)\n";
    return kExitOk;
}

} // namespace

int runRules(const Args &args) {
    po::options_description options("Options");
    options.add_options()
        ("db", po::value<std::string>()->required(), "the store")
        ("add", po::value<std::string>(), "save (or replace) the rule scheme NAME from --file")
        ("file", po::value<std::string>(), "rule text: one 'Name: expression' a line (docs/segmentation.md)")
        ("list", "list the stored rule schemes")
        ("show", po::value<std::string>(), "print the rules of a scheme")
        ("remove", po::value<std::string>(), "remove a scheme (its membership history is kept)");
    po::variables_map vm;
    if (auto code = parseOptions("rules", kSynopsis, args, options, vm)) return *code;
    const int actions = static_cast<int>(vm.count("add") + vm.count("list") + vm.count("show") + vm.count("remove"));
    if (actions != 1) return usage("give exactly one of --add, --list, --show, --remove");
    if (vm.count("add") && !vm.count("file")) return usage("--add needs --file RULES.txt");
    if (!vm.count("add") && vm.count("file")) return usage("--file goes with --add");

    auto store = store::openStore(vm["db"].as<std::string>(), store::OpenMode::OpenExisting);
    if (!store) return fail(store.message());
    if (vm.count("add")) return add(**store, vm["add"].as<std::string>(), vm["file"].as<std::string>());
    if (vm.count("list")) return list(**store);
    if (vm.count("show")) return show(**store, vm["show"].as<std::string>());
    return remove(**store, vm["remove"].as<std::string>());
}

} // namespace segdash::cli
