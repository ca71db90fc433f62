// segdash info --db STORE and segdash imports --db STORE [--undo-last]
#include <iostream>

#include "cli/options.h"
#include "store/store.h"

namespace segdash::cli {
namespace {

core::Result<std::unique_ptr<store::Store>> openExisting(const po::variables_map &vm) {
    return store::openStore(vm["db"].as<std::string>(), store::OpenMode::OpenExisting);
}

void printImport(const store::ImportRecord &r) {
    std::cout << "  #" << r.id << "  " << r.startedAt.toIso() << "  " << r.fileName << "  " << r.kind << " ("
              << r.profile << ")  read " << r.rowsRead << ", imported " << r.rowsImported << ", rejected "
              << r.rowsRejected << (r.undone ? "  [undone]" : "") << "\n";
}

} // namespace

int runInfo(const Args &args) {
    po::options_description options("Options");
    options.add_options()("db", po::value<std::string>()->required(), "the store");
    po::variables_map vm;
    if (auto code = parseOptions("info", "--db STORE", args, options, vm)) return *code;
    auto store = openExisting(vm);
    if (!store.ok()) { std::cerr << "segdash info: " << store.message() << "\n"; return kExitRejected; }
    auto s = (*store)->summary();
    if (!s.ok()) { std::cerr << "segdash info: " << s.message() << "\n"; return kExitRejected; }
    std::cout << "store:          " << (*store)->location() << "\n"
              << "customers:      " << s->customers << "\n"
              << "orders:         " << s->orders << " (sales " << s->saleOrders << ", returns and cancellations "
              << s->returnOrders << ", anonymous " << s->anonymousOrders << ")\n"
              << "order lines:    " << s->orderLines << "\n"
              << "opportunities:  " << s->opportunities << "\n"
              << "interactions:   " << s->interactions << "\n"
              << "surveys:        " << s->surveys << "\n"
              << "campaigns:      " << s->campaigns << "\n"
              << "net revenue:    " << s->netRevenue.toString(2) << "\n"
              << "orders from:    " << (s->firstOrder ? s->firstOrder->toIso() : "-") << "\n"
              << "orders to:      " << (s->lastOrder ? s->lastOrder->toIso() : "-") << "\n"
              << "imports:        " << s->imports << "\n";
    auto imports = (*store)->imports();
    if (imports.ok())
        for (const auto &r : *imports) printImport(r);
    return kExitOk;
}

int runImports(const Args &args) {
    po::options_description options("Options");
    options.add_options()("db", po::value<std::string>()->required(), "the store")
        ("undo-last", "remove everything the newest import added and restore what it changed");
    po::variables_map vm;
    if (auto code = parseOptions("imports", "--db STORE [--undo-last]", args, options, vm)) return *code;
    auto store = openExisting(vm);
    if (!store.ok()) { std::cerr << "segdash imports: " << store.message() << "\n"; return kExitRejected; }
    if (vm.count("undo-last")) {
        auto undone = (*store)->undoLastImport();
        if (!undone.ok()) { std::cerr << "segdash imports: " << undone.message() << "\n"; return kExitRejected; }
        std::cout << "undone import #" << undone->id << " (" << undone->fileName << ")\n";
        return kExitOk;
    }
    auto imports = (*store)->imports();
    if (!imports.ok()) { std::cerr << "segdash imports: " << imports.message() << "\n"; return kExitRejected; }
    if (imports->empty()) std::cout << "no imports yet\n";
    for (const auto &r : *imports) printImport(r);
    return kExitOk;
}

} // namespace segdash::cli
