#include "import/import_job.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <sstream>

#include "import/profile.h"

namespace segdash::import {
namespace {

std::string fieldList(RecordKind kind) {
    std::string out;
    for (const auto &f : fieldsFor(kind)) out += (out.empty() ? "" : ", ") + std::string(f.name);
    return out;
}

// --map COLUMN=FIELD: COLUMN is a header (exact or by headerKey) or "#N" (1-based).
core::Status applyOverrides(ImportPlan &plan, const std::map<std::string, std::string> &overrides) {
    for (const auto &[column, field] : overrides) {
        int index = -1;
        for (std::size_t i = 0; i < plan.detection.columns.size(); ++i) {
            const std::string &h = plan.detection.columns[i].header;
            if (h == column || headerKey(h) == headerKey(column)) { index = static_cast<int>(i); break; }
        }
        if (index < 0 && column.size() > 1 && column[0] == '#') index = std::atoi(column.c_str() + 1) - 1;
        if (index < 0 || static_cast<std::size_t>(index) >= plan.mapping.targets.size())
            return core::Status::error("--map: the file has no column '" + column + "'");
        if (!field.empty() && !findField(plan.kind, field))
            return core::Status::error("--map: '" + field + "' is not a field of " + toString(plan.kind) +
                                       " (fields: " + fieldList(plan.kind) + ")");
        for (auto &t : plan.mapping.targets)
            if (!field.empty() && t == field) t.clear(); // a field maps from one column only
        plan.mapping.targets[static_cast<std::size_t>(index)] = field;
    }
    return core::Status::success();
}

void addDetectionWarnings(ImportPlan &plan) {
    const Detection &d = plan.detection;
    auto low = [&](const char *what, double confidence, const std::string &reason) {
        if (confidence < 0.6) plan.warnings.push_back(std::string(what) + " is a guess (" + reason + "); check it");
    };
    low("the encoding", d.encoding.confidence, d.encoding.reason);
    low("the delimiter", d.delimiter.confidence, d.delimiter.reason);
    low("the header row", d.hasHeader.confidence, d.hasHeader.reason);
    for (const auto &w : d.warnings) plan.warnings.push_back(w);
    std::string unmapped;
    for (std::size_t i = 0; i < plan.mapping.targets.size() && i < d.columns.size(); ++i)
        if (plan.mapping.targets[i].empty()) unmapped += (unmapped.empty() ? "" : ", ") + d.columns[i].header;
    if (!unmapped.empty())
        plan.warnings.push_back("columns not mapped to a field" +
                                std::string(plan.kind == RecordKind::Customers ? " (kept as custom attributes): "
                                                                               : " (not imported): ") + unmapped);
}

// With a header row, the header decides how many columns there are; ragged rows below
// it (too few or too many fields) are rejected one by one, not taken as extra columns.
void trimColumnsToHeader(const std::string &path, Detection &d) {
    if (!d.hasHeader.value) return;
    auto reader = CsvReader::openFile(path, d.dialect());
    CsvRecord header;
    if (!reader.ok() || !(*reader)->next(header)) return;
    std::size_t n = header.fields.size();
    while (n > 1 && header.fields[n - 1].empty()) --n; // a trailing delimiter is not a column
    if (d.columns.size() > n) d.columns.resize(n);
    for (auto &row : d.preview)
        if (row.size() > n) row.resize(n);
}

} // namespace

core::Result<ImportPlan> planImport(const std::string &path, const ImportOptions &options) {
    const std::string name = QFileInfo(QString::fromStdString(path)).fileName().toStdString();
    auto detection = detectFile(path, options.detect);
    if (!detection.ok()) return core::Status::error(path + ": " + detection.message());
    auto profiles = loadProfiles();
    if (!profiles.ok()) return profiles.status();

    ImportPlan plan;
    plan.path = path;
    plan.detection = std::move(*detection);
    trimColumnsToHeader(path, plan.detection);
    std::vector<std::string> headers;
    for (const auto &c : plan.detection.columns) headers.push_back(c.header);

    const Profile *profile = nullptr;
    if (options.profile.empty() || options.profile == "auto") {
        const ProfileMatch match = matchProfile(*profiles, headers);
        profile = match.profile;
        plan.profileScore = match.score;
    } else if (!(profile = findProfile(*profiles, options.profile))) {
        std::string names;
        for (const auto &p : *profiles) if (!p.recipe) names += (names.empty() ? "" : ", ") + p.name;
        return core::Status::error("unknown profile '" + options.profile + "' (profiles: " + names + ")");
    }
    plan.profileName = profile->name;
    plan.profileLabel = profile->label;
    plan.sourceSystem = profile->source;
    plan.mapping = plan.detection.hasHeader.value ? mapHeaders(*profile, headers) : FieldMapping{};
    plan.mapping.targets.resize(headers.size());
    std::vector<std::size_t> guessed;
    if (plan.detection.hasHeader.value && !profile->recipe) guessed = guessUnknownHeaders(headers, plan.mapping);
    plan.kind = options.kind ? *options.kind : profile->kind ? *profile->kind : guessKind(plan.mapping);
    restrictToKind(plan.mapping, plan.kind);
    for (const std::size_t i : guessed)
        if (!plan.mapping.targets[i].empty())
            plan.warnings.push_back("column '" + headers[i] + "' guessed as " + plan.mapping.targets[i] + "; check it");
    if (auto s = applyOverrides(plan, options.mapOverrides); !s.ok()) return s;
    addDetectionWarnings(plan);
    if (!plan.detection.hasHeader.value)
        plan.warnings.push_back(name + " has no header row: map its columns with --map '#1=field'");
    return plan;
}

std::string ImportReport::toText() const {
    std::ostringstream out;
    out << file << ": ";
    if (alreadyImported) {
        out << "already imported (same content), nothing added\n";
        return out.str();
    }
    out << (dryRun ? "dry run, nothing stored: " : "") << rowsRead << " rows read, " << rowsImported << " imported, "
        << rowsRejected << " rejected, " << rowsDuplicate << " already in the store (" << kind << ", profile "
        << profile << ", " << seconds << " s)\n";
    for (const auto &[what, n] : created) out << "  created " << what << ": " << n << "\n";
    for (const auto &[rule, n] : cleaning) out << "  cleaned: " << rule << ": " << n << "\n";
    for (const auto &w : warnings) out << "  warning: " << w << "\n";
    const std::size_t shown = std::min<std::size_t>(rejected.size(), 20);
    for (std::size_t i = 0; i < shown; ++i) {
        const auto &r = rejected[i];
        out << "  rejected " << r.file << ":" << r.line << (r.column > 0 ? ":" + std::to_string(r.column) : "")
            << ": " << r.reason << "\n";
    }
    if (rowsRejected > static_cast<std::int64_t>(shown))
        out << "  ... " << rowsRejected - static_cast<std::int64_t>(shown) << " more rejected rows (see --report)\n";
    return out.str();
}

std::string ImportReport::toJson() const {
    auto str = [](const std::string &s) { return QString::fromStdString(s); };
    QJsonObject o{{"file", str(file)}, {"file_size", qint64(fileSize)}, {"sha256", str(contentHash)},
                  {"kind", str(kind)}, {"profile", str(profile)}, {"rows_read", qint64(rowsRead)},
                  {"rows_imported", qint64(rowsImported)}, {"rows_rejected", qint64(rowsRejected)},
                  {"rows_duplicate", qint64(rowsDuplicate)}, {"import_id", qint64(importId)},
                  {"seconds", seconds}, {"already_imported", alreadyImported}, {"dry_run", dryRun}};
    QJsonObject createdObj, cleaningObj;
    for (const auto &[k, v] : created) createdObj.insert(str(k), qint64(v));
    for (const auto &[k, v] : cleaning) cleaningObj.insert(str(k), qint64(v));
    o.insert("created", createdObj);
    o.insert("cleaning", cleaningObj);
    QJsonArray warn, rej;
    for (const auto &w : warnings) warn.append(str(w));
    for (const auto &r : rejected)
        rej.append(QJsonObject{{"file", str(r.file)}, {"line", qint64(r.line)}, {"column", r.column},
                               {"column_name", str(r.columnName)}, {"reason", str(r.reason)}});
    o.insert("warnings", warn);
    o.insert("rejected", rej);
    return QJsonDocument(o).toJson().toStdString();
}

} // namespace segdash::import
