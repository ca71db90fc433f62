// SqliteImportSession: customer upserts, lookups and the undo snapshots they need.
#include <cstring>

#include "store/import_session.h"
#include "store/rows.h"

namespace segdash::store {
namespace {

// Caps the id cache (~30 bytes an entry); past it the session falls back to SQL.
constexpr std::size_t kMaxCachedCustomers = 1 << 21;

bool overlayText(std::string &target, const std::string &incoming) {
    if (incoming.empty() || incoming == target) return false;
    target = incoming;
    return true;
}

template <typename T>
bool overlayOptional(std::optional<T> &target, const std::optional<T> &incoming) {
    if (!incoming || incoming == target) return false;
    target = incoming;
    return true;
}

// Non-empty incoming values overwrite; returns whether anything changed.
bool overlay(core::Customer &t, const core::Customer &in) {
    bool changed = false;
    const std::pair<std::string *, const std::string *> texts[] = {
        {&t.name, &in.name},       {&t.email, &in.email},     {&t.phone, &in.phone},
        {&t.company, &in.company}, {&t.industry, &in.industry}, {&t.companySize, &in.companySize},
        {&t.country, &in.country}, {&t.region, &in.region},   {&t.city, &in.city},
        {&t.ageBand, &in.ageBand}, {&t.channel, &in.channel}, {&t.salesRep, &in.salesRep},
        {&t.lifecycleStage, &in.lifecycleStage}};
    for (const auto &[target, incoming] : texts) changed |= overlayText(*target, *incoming);
    changed |= overlayOptional(t.birthYear, in.birthYear);
    changed |= overlayOptional(t.acquiredOn, in.acquiredOn);
    changed |= overlayOptional(t.acquisitionCost, in.acquisitionCost);
    for (const auto &[key, value] : in.custom) {
        if (value.empty()) continue;
        auto [it, inserted] = t.custom.try_emplace(key, value);
        if (!inserted && it->second == value) continue;
        it->second = value;
        changed = true;
    }
    return changed;
}

} // namespace

core::Result<Id> SqliteImportSession::upsertCustomer(const core::Customer &incoming) {
    if (auto status = ensureActive(); !status) return status;
    auto source = sourceId(incoming.sourceSystem, true);
    if (!source) return source.status();
    core::Customer c = incoming;
    c.email = rows::normaliseEmail(incoming.email);
    std::optional<Id> existing;
    if (!c.externalId.empty())
        existing = lookupCustomer(*source, c.externalId);
    else if (!c.email.empty())
        existing = findCustomerByEmail(c.email);
    if (!existing) return insertCustomer(c, *source);
    if (auto status = mergeCustomer(*existing, c); !status) return status;
    markCustomer(*existing);
    return *existing;
}

core::Result<Id> SqliteImportSession::insertCustomer(const core::Customer &c, Id source) {
    auto insert = statement(Sql::InsertCustomer);
    if (!insert) return insert.status();
    (*insert)->bind(1, m_importId).bind(2, source);
    rows::bindCustomerFields(**insert, 3, c);
    if (auto status = (*insert)->run(); !status) return fail(status);
    const Id id = m_state->db->lastInsertId();
    markCustomer(id);
    if (auto status = writeAttributes(id, c.custom); !status) return status;
    if (!c.externalId.empty()) cacheCustomer(source, c.externalId, id);
    return id;
}

core::Status SqliteImportSession::mergeCustomer(Id id, const core::Customer &incoming) {
    auto select = statement(Sql::SelectCustomer);
    auto attributes = statement(Sql::SelectAttributes);
    if (!select || !attributes) return select ? attributes.status() : select.status();
    core::Status status = core::Status::success();
    if (!(*select)->bind(1, id).step(&status)) {
        (*select)->reset();
        return status.ok() ? core::Status::error("customer " + std::to_string(id) + " vanished") : status;
    }
    core::Customer stored = rows::readCustomer(**select);
    (*select)->reset();
    (*attributes)->bind(1, id);
    while ((*attributes)->step(&status)) stored.custom.emplace((*attributes)->text(0), (*attributes)->text(1));
    (*attributes)->reset();
    if (!status) return status;

    if (!overlay(stored, incoming)) return core::Status::success();
    if (auto st = snapshotCustomer(id); !st) return st;
    auto update = statement(Sql::UpdateCustomer);
    if (!update) return update.status();
    (*update)->bind(1, id);
    rows::bindCustomerFields(**update, 2, stored);
    if (auto st = (*update)->run(); !st) return fail(st);
    return writeAttributes(id, incoming.custom);
}

// Keeps the row as it was before this import first changed it (once per import;
// customers this import created need no snapshot: undo deletes them).
core::Status SqliteImportSession::snapshotCustomer(Id id) {
    auto row = statement(Sql::SnapshotCustomer);
    if (!row) return row.status();
    if (auto status = (*row)->bind(1, m_importId).bind(2, id).run(); !status) return fail(status);
    if (m_state->db->changes() == 0) return core::Status::success();
    auto attributes = statement(Sql::SnapshotAttributes);
    if (!attributes) return attributes.status();
    if (auto status = (*attributes)->bind(1, m_importId).bind(2, id).run(); !status) return fail(status);
    return core::Status::success();
}

core::Status SqliteImportSession::writeAttributes(Id id, const std::map<std::string, std::string> &custom) {
    if (custom.empty()) return core::Status::success();
    auto upsert = statement(Sql::UpsertAttribute);
    if (!upsert) return upsert.status();
    for (const auto &[key, value] : custom) {
        if (value.empty()) continue;
        (*upsert)->bind(1, id).bind(2, key).bind(3, value).bind(4, m_importId);
        if (auto status = (*upsert)->run(); !status) return fail(status);
    }
    return core::Status::success();
}

std::optional<Id> SqliteImportSession::findCustomer(std::string_view sourceSystem, std::string_view externalId) {
    if (!m_active || externalId.empty()) return std::nullopt;
    auto source = sourceId(sourceSystem, false);
    if (!source || *source == 0) return std::nullopt;
    return lookupCustomer(*source, externalId);
}

std::optional<Id> SqliteImportSession::findCustomerByEmail(std::string_view email) {
    if (!m_active) return std::nullopt;
    const std::string normalised = rows::normaliseEmail(email);
    if (normalised.empty()) return std::nullopt;
    auto find = statement(Sql::FindCustomerByEmail);
    if (!find) return std::nullopt;
    std::optional<Id> id;
    if ((*find)->bind(1, normalised).step()) id = (*find)->int64(0);
    (*find)->reset();
    return id;
}

std::optional<Id> SqliteImportSession::lookupCustomer(Id source, std::string_view externalId) {
    m_key.resize(sizeof source);
    std::memcpy(m_key.data(), &source, sizeof source);
    m_key.append(externalId);
    if (auto id = m_customerIds.find(m_key)) return id;
    auto find = statement(Sql::FindCustomer);
    if (!find) return std::nullopt;
    std::optional<Id> id;
    if ((*find)->bind(1, source).bind(2, externalId).step()) id = (*find)->int64(0);
    (*find)->reset();
    if (id) cacheCustomer(source, externalId, *id);
    return id;
}

void SqliteImportSession::cacheCustomer(Id source, std::string_view externalId, Id id) {
    if (m_customerIds.size() >= kMaxCachedCustomers) m_customerIds.clear();
    m_key.resize(sizeof source);
    std::memcpy(m_key.data(), &source, sizeof source);
    m_key.append(externalId);
    m_customerIds.insert(m_key, id);
    markCustomer(id);
}

} // namespace segdash::store
