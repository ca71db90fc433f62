#include "analysis/rules_membership.h"

#include "analysis/load_dataset.h"

namespace segdash::analysis {

core::Result<std::vector<StoredRules>> loadRuleSchemes(store::Store &store) {
    auto records = store.listSchemes();
    if (!records) return records.status();
    std::vector<StoredRules> out;
    for (const auto &r : *records) {
        if (r.kind != kRulesKind) continue;
        auto parsed = segment::parseRuleScheme(r.definition);
        if (!parsed) return core::Status::error("rule scheme '" + r.name + "': " + parsed.message());
        out.push_back({r.name, r.definition, std::move(*parsed)});
    }
    return out;
}

core::Result<StoredRules> loadRuleScheme(store::Store &store, const std::string &name) {
    auto all = loadRuleSchemes(store);
    if (!all) return all.status();
    for (auto &s : *all)
        if (s.name == name) return std::move(s);
    return core::Status::error("no rule scheme named '" + name + "' (see segdash rules --list)");
}

std::vector<std::pair<core::Id, std::string>> ruleMembers(const segment::Dataset &data,
                                                          const segment::Segmentation &seg) {
    std::vector<std::pair<core::Id, std::string>> members;
    members.reserve(data.customers.size());
    for (std::size_t c = 0; c < data.customers.size(); ++c)
        members.emplace_back(data.customers.id[c], seg.names[static_cast<std::size_t>(seg.label[c])]);
    return members;
}

core::Result<std::vector<RecordedMembership>> recordRulesMembership(store::Store &store, core::Date asOf) {
    auto schemes = loadRuleSchemes(store);
    if (!schemes) return schemes.status();
    std::vector<RecordedMembership> out;
    if (schemes->empty()) return out;
    auto data = analysis::loadDataset(store);
    if (!data) return data.status();
    for (const auto &s : *schemes) {
        const auto members = ruleMembers(*data, segment::evaluateRules(s.scheme, *data, asOf));
        auto update = store.recordMembership(s.name, asOf, members);
        if (!update) return core::Status::error("rule scheme '" + s.name + "': " + update.message());
        out.push_back({s.name, asOf, static_cast<std::int64_t>(members.size()), *update});
    }
    return out;
}

} // namespace segdash::analysis
