#pragma once
// Named RFM segment tables (segment/segment_scheme.h) the user edits and keeps in the
// store (kind "rfm"), beside the built-in rfm-10 and rfm-11.
#include <string>
#include <vector>

#include "core/status.h"
#include "segment/segment_scheme.h"
#include "store/store.h"

namespace segdash::analysis {

inline constexpr const char *kRfmSchemeKind = "rfm";

// A built-in table, or one stored with saveRfmScheme(); otherwise an error naming both.
core::Result<segment::SegmentScheme> resolveRfmScheme(store::Store &store, const std::string &name);
// Validates the table text (segment/segment_scheme.h's format) and stores it; built-in
// names and names of other kinds of scheme are refused. Returns the parsed table.
core::Result<segment::SegmentScheme> saveRfmScheme(store::Store &store, const std::string &name,
                                                   const std::string &text);
// Names of the stored RFM tables, by name.
core::Result<std::vector<std::string>> storedRfmSchemes(store::Store &store);

} // namespace segdash::analysis
