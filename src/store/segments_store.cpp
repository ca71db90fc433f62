// Saved segment schemes and the segment membership history of SqliteStore (schema 2).
#include <algorithm>
#include <chrono>
#include <map>

#include "store/sqlite_store.h"

namespace segdash::store {
namespace {

using Member = std::pair<Id, std::string>;

// A current (open) row of the scheme, read in customer order.
struct OpenRow {
    Id rowId = 0;
    Id customerId = 0;
    std::string segment;
    core::Date validFrom;
};

core::Result<std::vector<OpenRow>> openRows(sql::Database &db, const std::string &scheme) {
    auto stmt = db.prepare("SELECT id, customer_id, segment, valid_from FROM segment_membership "
                           "WHERE scheme = ?1 AND valid_to IS NULL ORDER BY customer_id");
    if (!stmt) return stmt.status();
    stmt->bind(1, scheme);
    std::vector<OpenRow> rows;
    core::Status status = core::Status::success();
    while (stmt->step(&status))
        rows.push_back({stmt->int64(0), stmt->int64(1), stmt->text(2),
                        core::Date{static_cast<std::int32_t>(stmt->int64(3))}});
    if (!status) return status;
    return rows;
}

core::Status checkNotBefore(sql::Database &db, const std::string &scheme, core::Date asOf) {
    auto stmt = db.prepare("SELECT max(coalesce(max(valid_from), 0), coalesce(max(valid_to), 0)), count(*) "
                           "FROM segment_membership WHERE scheme = ?1");
    if (!stmt) return stmt.status();
    stmt->bind(1, scheme);
    core::Status status = core::Status::success();
    if (!stmt->step(&status)) return status;
    const core::Date latest{static_cast<std::int32_t>(stmt->int64(0))};
    if (stmt->int64(1) > 0 && asOf < latest)
        return core::Status::error("membership of " + scheme + " is recorded up to " + latest.toIso() +
                                   "; cannot record an earlier date (" + asOf.toIso() + ")");
    return status;
}

/// The writes of one recordMembership() call, as prepared statements.
struct MembershipWriter {
    sql::Statement insert, close, relabel, drop;
    const std::string &scheme;
    core::Date asOf;

    core::Status open(Id customer, const std::string &segment) {
        insert.reset();
        return insert.bind(1, customer).bind(2, scheme).bind(3, segment).bind(4, asOf.days).run();
    }
    // A row opened on asOf itself is re-labelled or dropped instead of closed empty.
    core::Status end(const OpenRow &row) {
        auto &stmt = row.validFrom == asOf ? drop : close;
        stmt.reset();
        if (row.validFrom != asOf) stmt.bind(2, asOf.days);
        return stmt.bind(1, row.rowId).run();
    }
    core::Status move(const OpenRow &row, const std::string &segment) {
        if (row.validFrom == asOf) {
            relabel.reset();
            return relabel.bind(1, row.rowId).bind(2, segment).run();
        }
        if (auto s = end(row); !s) return s;
        return open(row.customerId, segment);
    }
};

core::Result<MembershipWriter> prepareWriter(sql::Database &db, const std::string &scheme, core::Date asOf) {
    auto insert = db.prepare("INSERT INTO segment_membership(customer_id, scheme, segment, valid_from) VALUES (?1, ?2, ?3, ?4)");
    auto close = db.prepare("UPDATE segment_membership SET valid_to = ?2 WHERE id = ?1");
    auto relabel = db.prepare("UPDATE segment_membership SET segment = ?2 WHERE id = ?1");
    auto drop = db.prepare("DELETE FROM segment_membership WHERE id = ?1");
    for (auto *s : {&insert, &close, &relabel, &drop})
        if (!*s) return s->status();
    return MembershipWriter{std::move(*insert), std::move(*close), std::move(*relabel), std::move(*drop), scheme, asOf};
}

// Merge-joins the sorted new members with the sorted open rows.
core::Status applyMembership(MembershipWriter &w, const std::vector<const Member *> &members,
                             const std::vector<OpenRow> &rows, MembershipUpdate &out) {
    std::size_t i = 0, j = 0;
    while (i < members.size() || j < rows.size()) {
        core::Status s = core::Status::success();
        if (j == rows.size() || (i < members.size() && members[i]->first < rows[j].customerId)) {
            s = w.open(members[i]->first, members[i]->second);
            ++out.entered, ++i;
        } else if (i == members.size() || rows[j].customerId < members[i]->first) {
            s = w.end(rows[j]);
            ++out.left, ++j;
        } else {
            if (rows[j].segment == members[i]->second) ++out.unchanged;
            else s = w.move(rows[j], members[i]->second), ++out.moved;
            ++i, ++j;
        }
        if (!s) return s;
    }
    return core::Status::success();
}

core::Result<std::vector<const Member *>> sortedMembers(const std::vector<Member> &members) {
    std::vector<const Member *> sorted;
    sorted.reserve(members.size());
    for (const auto &m : members) sorted.push_back(&m);
    std::sort(sorted.begin(), sorted.end(), [](const Member *a, const Member *b) { return a->first < b->first; });
    for (std::size_t i = 1; i < sorted.size(); ++i)
        if (sorted[i]->first == sorted[i - 1]->first)
            return core::Status::error("customer " + std::to_string(sorted[i]->first) + " is listed twice");
    return sorted;
}

std::int64_t nowSeconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

} // namespace

core::Status SqliteStore::saveScheme(const SchemeRecord &scheme) {
    if (scheme.name.empty()) return core::Status::error("a segment scheme needs a name");
    if (scheme.kind != "rfm" && scheme.kind != "kmeans" && scheme.kind != "rules")
        return core::Status::error("segment scheme kind must be rfm, kmeans or rules, not '" + scheme.kind + "'");
    auto stmt = db().prepare("INSERT INTO segment_schemes(name, kind, definition, updated_at) VALUES (?1, ?2, ?3, ?4) "
                             "ON CONFLICT(name) DO UPDATE SET kind = excluded.kind, definition = excluded.definition, "
                             "updated_at = excluded.updated_at");
    if (!stmt) return stmt.status();
    const std::int64_t at = scheme.updatedAt.seconds != 0 ? scheme.updatedAt.seconds : nowSeconds();
    return stmt->bind(1, scheme.name).bind(2, scheme.kind).bind(3, scheme.definition).bind(4, at).run();
}

core::Result<std::vector<SchemeRecord>> SqliteStore::listSchemes() {
    auto stmt = db().prepare("SELECT name, kind, definition, updated_at FROM segment_schemes ORDER BY name");
    if (!stmt) return stmt.status();
    std::vector<SchemeRecord> out;
    core::Status status = core::Status::success();
    while (stmt->step(&status))
        out.push_back({stmt->text(0), stmt->text(1), stmt->text(2), core::Timestamp{stmt->int64(3)}});
    if (!status) return status;
    return out;
}

core::Status SqliteStore::removeScheme(const std::string &name) {
    auto stmt = db().prepare("DELETE FROM segment_schemes WHERE name = ?1");
    if (!stmt) return stmt.status();
    if (auto s = stmt->bind(1, name).run(); !s) return s;
    if (db().changes() == 0) return core::Status::error("no segment scheme named '" + name + "'");
    return core::Status::success();
}

core::Result<MembershipUpdate> SqliteStore::recordMembership(const std::string &scheme, core::Date asOf,
                                                             const std::vector<std::pair<Id, std::string>> &members) {
    if (m_state->importActive) return core::Status::error("cannot record segment membership while an import is in progress");
    if (scheme.empty()) return core::Status::error("segment membership needs a scheme name");
    auto sorted = sortedMembers(members);
    if (!sorted) return sorted.status();
    if (auto s = db().exec("BEGIN IMMEDIATE"); !s) return s;
    MembershipUpdate update;
    core::Status status = checkNotBefore(db(), scheme, asOf);
    if (status) {
        auto rows = openRows(db(), scheme);
        auto writer = rows ? prepareWriter(db(), scheme, asOf) : core::Result<MembershipWriter>(rows.status());
        status = writer ? applyMembership(*writer, *sorted, *rows, update) : writer.status();
    }
    if (status) status = db().exec("COMMIT");
    if (status) return update;
    db().exec("ROLLBACK");
    return core::Status::error("recording " + scheme + " membership as of " + asOf.toIso() + " failed: " + status.message());
}

core::Result<std::vector<std::pair<Id, std::string>>> SqliteStore::membershipAt(const std::string &scheme, core::Date date) {
    auto stmt = db().prepare("SELECT customer_id, segment FROM segment_membership WHERE scheme = ?1 AND "
                             "valid_from <= ?2 AND (valid_to IS NULL OR valid_to > ?2) ORDER BY customer_id");
    if (!stmt) return stmt.status();
    stmt->bind(1, scheme).bind(2, date.days);
    std::vector<std::pair<Id, std::string>> out;
    core::Status status = core::Status::success();
    while (stmt->step(&status)) out.emplace_back(stmt->int64(0), stmt->text(1));
    if (!status) return status;
    return out;
}

core::Result<std::vector<MembershipRow>> SqliteStore::membershipHistory(Id customerId) {
    auto stmt = db().prepare("SELECT scheme, segment, valid_from, valid_to FROM segment_membership "
                             "WHERE customer_id = ?1 ORDER BY scheme, valid_from");
    if (!stmt) return stmt.status();
    stmt->bind(1, customerId);
    std::vector<MembershipRow> out;
    core::Status status = core::Status::success();
    while (stmt->step(&status)) {
        MembershipRow row{customerId, stmt->text(0), stmt->text(1), core::Date{static_cast<std::int32_t>(stmt->int64(2))}, {}};
        if (auto to = stmt->optInt64(3)) row.validTo = core::Date{static_cast<std::int32_t>(*to)};
        out.push_back(std::move(row));
    }
    if (!status) return status;
    return out;
}

core::Result<std::vector<core::Date>> SqliteStore::membershipDates(const std::string &scheme) {
    auto stmt = db().prepare("SELECT valid_from FROM segment_membership WHERE scheme = ?1 UNION "
                             "SELECT valid_to FROM segment_membership WHERE scheme = ?1 AND valid_to IS NOT NULL ORDER BY 1");
    if (!stmt) return stmt.status();
    stmt->bind(1, scheme);
    std::vector<core::Date> out;
    core::Status status = core::Status::success();
    while (stmt->step(&status)) out.push_back(core::Date{static_cast<std::int32_t>(stmt->int64(0))});
    if (!status) return status;
    return out;
}

core::Result<std::vector<SegmentMove>> SqliteStore::movesBetween(const std::string &scheme, core::Date from, core::Date to) {
    auto a = membershipAt(scheme, from);
    if (!a) return a.status();
    auto b = membershipAt(scheme, to);
    if (!b) return b.status();
    std::map<std::pair<std::string, std::string>, std::int64_t> counts;
    std::size_t i = 0, j = 0;
    static const std::string kNone;
    while (i < a->size() || j < b->size()) {
        if (j == b->size() || (i < a->size() && (*a)[i].first < (*b)[j].first)) ++counts[{(*a)[i++].second, kNone}];
        else if (i == a->size() || (*b)[j].first < (*a)[i].first) ++counts[{kNone, (*b)[j++].second}];
        else ++counts[{(*a)[i++].second, (*b)[j++].second}];
    }
    std::vector<SegmentMove> out;
    for (const auto &[key, n] : counts) out.push_back({key.first, key.second, n});
    return out;
}

} // namespace segdash::store
