#pragma once
// An import job: from a CSV file to rows in the store, in one transaction.
// planImport() sniffs the file and chooses a profile and a column mapping without
// touching the store (the wizard shows and edits the plan); runImport() carries it out
// with progress and cancel, and returns a report with every rejected row.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/progress.h"
#include "core/status.h"
#include "import/detect.h"
#include "import/field_mapping.h"
#include "store/store.h"

namespace segdash::import {

struct ImportOptions {
    std::optional<RecordKind> kind;                 // nullopt = auto
    std::string profile = "auto";                   // profile name or "auto"
    std::map<std::string, std::string> mapOverrides; // column header -> field name ("" = ignore)
    DetectOptions detect;                           // encoding, delimiter, decimal, date order overrides
    bool dedupeByNameAndCompany = false;            // third de-duplication rule, off by default
    bool dryRun = false;                            // everything but the commit
};

struct ImportPlan {
    std::string path;
    Detection detection;
    std::string profileName;     // chosen profile
    std::string profileLabel;
    std::string sourceSystem;    // written with every external id
    double profileScore = 0;     // share of headers the profile recognised
    RecordKind kind = RecordKind::Customers;
    FieldMapping mapping;
    std::vector<std::string> warnings;
};

struct RejectedRow {
    std::string file;
    std::int64_t line = 0;
    int column = 0;              // 1-based; 0 = the row as a whole
    std::string columnName;
    std::string reason;
};

struct ImportReport {
    std::string file;
    std::int64_t fileSize = 0;
    std::string contentHash;
    std::string kind;
    std::string profile;
    std::int64_t rowsRead = 0;
    std::int64_t rowsImported = 0;
    std::int64_t rowsRejected = 0;
    std::int64_t rowsDuplicate = 0;  // already in the store (same external id)
    std::map<std::string, std::int64_t> created;   // "customers", "orders", "order_lines", ...
    std::map<std::string, std::int64_t> cleaning;  // rule -> rows it changed
    std::vector<RejectedRow> rejected;             // first kMaxListedRejects
    std::vector<std::string> warnings;
    core::Id importId = 0;
    double seconds = 0;
    bool alreadyImported = false;    // same content imported before: nothing added
    bool dryRun = false;

    std::string toJson() const;
    std::string toText() const;      // the CLI's summary
};

constexpr std::size_t kMaxListedRejects = 1000;

core::Result<ImportPlan> planImport(const std::string &path, const ImportOptions &options);
// Fatal problems (file unreadable, required column missing, cancelled, store error)
// come back as an error status and leave the store exactly as it was.
core::Result<ImportReport> runImport(store::Store &store, const ImportPlan &plan, const ImportOptions &options,
                                     const core::ProgressFn &progress = {});

} // namespace segdash::import
