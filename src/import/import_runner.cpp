#include "import/import_runner.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "import/profile.h"

namespace segdash::import {
namespace {

std::string sha256Of(const std::string &path) {
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly)) return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file)) return {};
    return hash.result().toHex().toStdString();
}

bool blankRecord(const CsvRecord &r) {
    for (const auto &f : r.fields)
        if (!f.empty()) return false;
    return true;
}

} // namespace

core::Result<ImportReport> runImport(store::Store &store, const ImportPlan &plan, const ImportOptions &options,
                                     const core::ProgressFn &progress) {
    ImportRunner runner(store, plan, options, progress);
    return runner.run();
}

ImportRunner::ImportRunner(store::Store &store, const ImportPlan &plan, const ImportOptions &options,
                           const core::ProgressFn &progress)
    : m_store(store), m_plan(plan), m_options(options), m_progress(progress) {
    m_fileName = QFileInfo(QString::fromStdString(plan.path)).fileName().toStdString();
}

core::Status ImportRunner::start() {
    const auto missing = m_plan.mapping.missingRequired(m_plan.kind);
    if (!missing.empty()) {
        std::string list;
        for (const auto &m : missing) list += (list.empty() ? "" : ", ") + m;
        return core::Status::error(m_fileName + ": required column(s) missing for " + toString(m_plan.kind) + ": " +
                                   list + " (map them with --map COLUMN=FIELD)");
    }
    auto profiles = loadProfiles();
    if (!profiles.ok()) return profiles.status();
    if (const Profile *p = findProfile(*profiles, m_plan.profileName)) {
        m_cancellationPrefix = p->cancellationPrefix;
        m_defaultCurrency = p->currency;
    }
    auto reader = CsvReader::openFile(m_plan.path, m_plan.detection.dialect());
    if (!reader.ok()) return core::Status::error(m_fileName + ": " + reader.message());
    m_reader = std::move(*reader);
    m_report.fileSize = m_reader->totalBytes();
    const std::string path = m_plan.path;
    m_hash = std::async(std::launch::async, [path] { return sha256Of(path); }); // on the other core
    auto session = m_store.beginImport();
    if (!session.ok()) return session.status();
    m_session = std::move(*session);
    m_convert = std::make_unique<RowConverter>(m_plan, m_defaultCurrency, m_cancellationPrefix, m_report.cleaning);
    m_columns = m_plan.detection.columns.size();
    return core::Status::success();
}

core::Result<ImportReport> ImportRunner::run() {
    m_started = std::chrono::steady_clock::now();
    m_report.file = m_fileName;
    m_report.kind = toString(m_plan.kind);
    m_report.profile = m_plan.profileName;
    m_report.warnings = m_plan.warnings;
    m_report.dryRun = m_options.dryRun;
    if (auto s = start(); !s.ok()) return s;
    CsvRecord record;
    bool header = m_plan.detection.hasHeader.value;
    while (m_reader->next(record)) {
        if (header) { header = false; continue; }
        if (blankRecord(record)) continue;
        ++m_report.rowsRead;
        if (auto s = processRow(record); !s.ok()) return s; // store errors are fatal: rollback by destruction
        if ((m_report.rowsRead & 4095) == 0 &&
            !core::reportProgress(m_progress, m_reader->bytesConsumed(), m_reader->totalBytes())) {
            m_session->rollback();
            return core::Status::error(m_fileName + ": import cancelled; the store is unchanged");
        }
    }
    if (auto s = flushPendingOrder(); !s.ok()) return s;
    return finish();
}

core::Status ImportRunner::processRow(const CsvRecord &r) {
    if (r.fields.size() < m_columns) {
        reject(r, {0, "expected " + std::to_string(m_columns) + " fields, found " + std::to_string(r.fields.size())});
        return core::Status::success();
    }
    for (std::size_t i = m_columns; i < r.fields.size(); ++i) {
        if (!r.fields[i].empty()) {
            reject(r, {int(i) + 1, "expected " + std::to_string(m_columns) + " fields, found " +
                                       std::to_string(r.fields.size())});
            return core::Status::success();
        }
    }
    switch (m_plan.kind) {
    case RecordKind::Customers: return importCustomer(r);
    case RecordKind::Orders: return importOrder(r);
    case RecordKind::OrderLines: return importOrderLine(r);
    default: return importOther(r);
    }
}

void ImportRunner::reject(const CsvRecord &r, const RowError &e) {
    ++m_report.rowsRejected;
    if (m_report.rejected.size() >= kMaxListedRejects) return;
    RejectedRow row{m_fileName, r.line, e.column, {}, e.reason};
    if (e.column > 0 && static_cast<std::size_t>(e.column) <= m_plan.detection.columns.size())
        row.columnName = m_plan.detection.columns[static_cast<std::size_t>(e.column - 1)].header;
    m_report.rejected.push_back(std::move(row));
}

std::optional<core::Id> ImportRunner::customerByExternalId(const std::string &externalId) {
    if (const auto it = m_customerIds.find(externalId); it != m_customerIds.end()) return it->second;
    return m_session->findCustomer(m_plan.sourceSystem, externalId);
}

core::Result<core::Id> ImportRunner::resolveCustomer(const CustomerRef &ref) {
    if (!ref.externalId.empty()) {
        if (const auto it = m_customerIds.find(ref.externalId); it != m_customerIds.end()) return it->second;
        std::optional<core::Id> id = m_session->findCustomer(m_plan.sourceSystem, ref.externalId);
        if (!id) {
            core::Customer c = ref.attributes;
            c.sourceSystem = m_plan.sourceSystem;
            auto created = m_session->upsertCustomer(c);
            if (!created.ok()) return created.status();
            id = *created;
            ++m_report.created["customers"];
        }
        m_customerIds.emplace(ref.externalId, *id);
        return *id;
    }
    if (!ref.email.empty()) {
        if (const auto it = m_emailIds.find(ref.email); it != m_emailIds.end()) return it->second;
        std::optional<core::Id> id = m_session->findCustomerByEmail(ref.email);
        if (!id) {
            core::Customer c = ref.attributes;
            c.sourceSystem = m_plan.sourceSystem;
            auto created = m_session->upsertCustomer(c);
            if (!created.ok()) return created.status();
            id = *created;
            ++m_report.created["customers"];
        }
        m_emailIds.emplace(ref.email, *id);
        return *id;
    }
    ++m_report.cleaning[kRuleAnonymous];
    return core::Id{0};
}

bool ImportRunner::customerKnown(const CustomerRef &ref) const {
    if (!ref.externalId.empty()) return m_customerIds.count(ref.externalId) > 0;
    if (!ref.email.empty()) return m_emailIds.count(ref.email) > 0;
    return true; // anonymous: nothing to read
}

core::Status ImportRunner::importCustomer(const CsvRecord &r) {
    core::Customer c;
    if (auto e = m_convert->customer(r, c)) { reject(r, *e); return core::Status::success(); }
    c.sourceSystem = m_plan.sourceSystem;
    std::optional<core::Id> existing;
    if (!c.externalId.empty()) {
        if (m_customerIds.count(c.externalId)) ++m_report.cleaning[kRuleDuplicateId];
        existing = customerByExternalId(c.externalId);
    }
    const std::string aliasId = c.externalId;
    if (!existing && !c.email.empty()) {
        const auto it = m_emailIds.find(c.email);
        existing = it != m_emailIds.end() ? std::optional(it->second) : m_session->findCustomerByEmail(c.email);
        if (existing) {
            ++m_report.cleaning[kRuleDuplicateEmail];
            c.externalId.clear(); // merge into the customer with this e-mail (upsert by e-mail)
        }
    }
    const std::string ncKey = m_options.dedupeByNameAndCompany && !c.name.empty() ? nameCompanyKey(c.name, c.company) : "";
    if (!existing && !ncKey.empty()) {
        if (const auto it = m_nameCompanyIds.find(ncKey); it != m_nameCompanyIds.end()) {
            existing = it->second;
            ++m_report.cleaning[kRuleDuplicateNameCompany];
            c.externalId.clear();
            c.email.clear();
        }
    }
    auto id = m_session->upsertCustomer(c);
    if (!id.ok()) return id.status();
    ++m_report.rowsImported;
    if (!existing) ++m_report.created["customers"];
    if (!aliasId.empty()) m_customerIds[aliasId] = *id;
    if (!c.email.empty()) m_emailIds[c.email] = *id;
    if (!ncKey.empty()) m_nameCompanyIds.emplace(ncKey, *id);
    return core::Status::success();
}

core::Status ImportRunner::importOrder(const CsvRecord &r) {
    core::Order order;
    CustomerRef ref;
    if (auto e = m_convert->order(r, order, ref)) { reject(r, *e); return core::Status::success(); }
    if (!customerKnown(ref)) m_convert->customerAttributes(r, ref);
    auto customer = resolveCustomer(ref);
    if (!customer.ok()) return customer.status();
    order.customerId = *customer;
    order.customerExternalId = ref.externalId;
    auto inserted = m_session->addOrder(order, m_plan.sourceSystem);
    if (!inserted.ok()) return inserted.status();
    if (*inserted) {
        ++m_report.rowsImported;
        ++m_report.created["orders"];
    } else {
        ++m_report.rowsDuplicate;
    }
    return core::Status::success();
}

} // namespace segdash::import
