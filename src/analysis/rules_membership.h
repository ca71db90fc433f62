#pragma once
// Rule segments (segment/rules.h) against the store: the stored rule schemes (kind
// "rules", definition = the rule text) and their membership history, recorded after
// every import so moves between rule segments can be counted.
#include <string>
#include <vector>

#include "analysis/timeline_source.h"
#include "core/date.h"
#include "core/status.h"
#include "segment/dataset.h"
#include "segment/rules.h"
#include "store/store.h"

namespace segdash::analysis {

inline constexpr const char *kRulesKind = "rules";

/// A stored rule scheme, parsed.
struct StoredRules {
    std::string name;
    std::string text;
    segment::RuleScheme scheme;
};

// Every stored scheme of kind "rules", by name. A definition that no longer parses is an error.
core::Result<std::vector<StoredRules>> loadRuleSchemes(store::Store &store);
// One stored rule scheme; an unknown name (or a scheme of another kind) is an error.
core::Result<StoredRules> loadRuleScheme(store::Store &store, const std::string &name);

// (store id, segment name) of every customer of the dataset.
std::vector<std::pair<core::Id, std::string>> ruleMembers(const segment::Dataset &data,
                                                          const segment::Segmentation &seg);

// Evaluates every stored rule scheme as of asOf and records its membership; the dataset is
// loaded once, and only when at least one rule scheme exists. Returns what was recorded.
core::Result<std::vector<RecordedMembership>> recordRulesMembership(store::Store &store, core::Date asOf);

} // namespace segdash::analysis
