#include <cstring>
#include <iostream>

#include "cli/cli.h"

namespace segdash::cli {

// Each command lives in its own cmd_<name>.cpp.
int runImport(const Args &args);
int runInfo(const Args &args);
int runImports(const Args &args);
int runGenerate(const Args &args);
int runSchemes(const Args &args);
int runSegment(const Args &args);
int runMetrics(const Args &args);
int runSegments(const Args &args);
int runRules(const Args &args);

const std::vector<Command> &commands() {
    static const std::vector<Command> kCommands{
        {"import", "import CSV exports into a store", runImport},
        {"info", "show what a store holds", runInfo},
        {"imports", "list the imports of a store, or undo the last one", runImports},
        {"generate", "write a realistic synthetic CRM dataset as CSV files", runGenerate},
        {"schemes", "keep your own named RFM segment tables beside rfm-10 and rfm-11", runSchemes},
        {"segment", "score and cluster customers (RFM, k-means)", runSegment},
        {"metrics", "per-segment KPIs, retention, engagement, ...", runMetrics},
        {"segments", "segments over time, migration matrix, membership history", runSegments},
        {"rules", "rule segments: add, list, show, remove rule schemes", runRules},
    };
    return kCommands;
}

bool isCommand(const std::string &name) {
    for (const auto &c : commands())
        if (name == c.name) return true;
    return false;
}

static void printUsage(std::ostream &out) {
    out << "Usage: segdash [--db STORE] [--lang en|pl|uk]   open the dashboard\n"
           "       segdash <command> [options]              run a command headless\n\nCommands:\n";
    for (const auto &c : commands()) out << "  " << c.name << std::string(12 - std::strlen(c.name), ' ') << c.summary << "\n";
    out << "\n'segdash <command> --help' describes a command.\n";
}

int runCli(int argc, char **argv) {
    const std::string first = argc > 1 ? argv[1] : "";
    if (first == "--help" || first == "-h" || first == "help") {
        printUsage(std::cout);
        return kExitOk;
    }
    if (first == "--version") {
        std::cout << "segdash " << SEGDASH_VERSION << "\n";
        return kExitOk;
    }
    for (const auto &c : commands()) {
        if (first == c.name) {
            try {
                return c.run(Args(argv + 2, argv + argc));
            } catch (const std::exception &e) {
                std::cerr << "segdash " << c.name << ": " << e.what() << "\n";
                return kExitUsage;
            }
        }
    }
    std::cerr << "segdash: unknown command '" << first << "'\n";
    printUsage(std::cerr);
    return kExitUsage;
}

} // namespace segdash::cli
