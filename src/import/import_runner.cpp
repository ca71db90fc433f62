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

// Stops early (returning "") when the import is cancelled, so cancel stays quick on big files.
std::string sha256Of(const std::string &path, const std::atomic<bool> &stop) {
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly)) return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray chunk(1 << 20, Qt::Uninitialized);
    for (qint64 n; (n = file.read(chunk.data(), chunk.size())) > 0;) {
        if (stop) return {};
        hash.addData(QByteArrayView(chunk.constData(), n));
    }
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

ImportRunner::~ImportRunner() { stopProducer(); }

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
    m_hash = std::async(std::launch::async, [path, this] { return sha256Of(path, m_abandoned); });
    auto session = m_store.beginImport();
    if (!session.ok()) return session.status();
    m_session = std::move(*session);
    m_convert = std::make_unique<RowConverter>(m_plan, m_defaultCurrency, m_cancellationPrefix, m_readerCleaning);
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
    m_producer = std::thread([this] { produce(); });
    const core::Status written = consume();
    stopProducer();
    if (!written.ok()) {
        m_abandoned = true; // no need to finish hashing
        m_session->rollback();
        return written;
    }
    for (const auto &[rule, n] : m_readerCleaning) m_report.cleaning[rule] += n;
    return finish();
}

void ImportRunner::stopProducer() {
    m_stop = true;
    m_queue.close();
    if (m_producer.joinable()) m_producer.join();
}

void ImportRunner::produce() {
    constexpr std::size_t kBatchRows = 1024;
    CsvRecord record;
    bool header = m_plan.detection.hasHeader.value;
    auto batch = m_queue.fresh();
    batch->size = 0;
    while (!m_stop && m_reader->next(record)) {
        if (header) { header = false; continue; }
        if (blankRecord(record)) continue;
        if (batch->items.size() <= batch->size) batch->items.resize(batch->size + 1);
        convertRow(record, batch->items[batch->size++]);
        if (batch->size == kBatchRows) {
            batch->bytesConsumed = m_reader->bytesConsumed();
            if (!m_queue.push(std::move(batch))) return;
            batch = m_queue.fresh();
            batch->size = 0;
        }
    }
    batch->bytesConsumed = m_reader->bytesConsumed();
    if (batch->size > 0) m_queue.push(std::move(batch));
    m_queue.close(); // the consumer drains what is queued, then sees the end
}

core::Status ImportRunner::consume() {
    while (auto batch = m_queue.pop()) {
        for (std::size_t i = 0; i < batch->size; ++i) {
            ++m_report.rowsRead;
            if (auto s = applyRow(batch->items[i]); !s.ok()) return s; // store errors are fatal
        }
        const std::int64_t bytes = batch->bytesConsumed;
        m_queue.recycle(std::move(batch));
        if (m_report.rowsRead - m_lastProgressRows >= 4096) {
            m_lastProgressRows = m_report.rowsRead;
            if (!core::reportProgress(m_progress, bytes, m_reader->totalBytes()))
                return core::Status::error(m_fileName + ": import cancelled; the store is unchanged");
        }
    }
    return flushPendingOrder();
}

void ImportRunner::convertRow(const CsvRecord &r, RowItem &item) {
    item.line = r.line;
    item.error.reset();
    if (r.fields.size() < m_columns) {
        item.error = RowError{0, "expected " + std::to_string(m_columns) + " fields, found " + std::to_string(r.fields.size())};
        return;
    }
    for (std::size_t i = m_columns; i < r.fields.size(); ++i) {
        if (!r.fields[i].empty()) {
            item.error = RowError{int(i) + 1, "expected " + std::to_string(m_columns) + " fields, found " +
                                                  std::to_string(r.fields.size())};
            return;
        }
    }
    RowConverter &c = *m_convert;
    switch (m_plan.kind) {
    case RecordKind::Customers: item.error = c.customer(r, item.customer); break;
    case RecordKind::Orders: item.error = c.order(r, item.order, item.ref); break;
    case RecordKind::OrderLines: item.error = c.orderLine(r, item.orderLine, item.order, item.ref); break;
    case RecordKind::Opportunities: item.error = c.opportunity(r, item.opportunity); break;
    case RecordKind::Interactions: item.error = c.interaction(r, item.interaction); break;
    case RecordKind::Surveys: item.error = c.survey(r, item.survey); break;
    case RecordKind::Campaigns: item.error = c.campaign(r, item.campaign); break;
    }
    // The attributes of a customer named on an order row are read here, off the writing
    // thread; the writer uses them only for customers new to the store.
    const bool carriesCustomer = m_plan.kind == RecordKind::Orders ||
                                 (m_plan.kind == RecordKind::OrderLines && c.linesCarryOrders());
    if (!item.error && carriesCustomer && (!item.ref.externalId.empty() || !item.ref.email.empty()))
        c.customerAttributes(r, item.ref);
}

core::Status ImportRunner::applyRow(RowItem &item) {
    if (item.error) {
        reject(item.line, *item.error);
        return core::Status::success();
    }
    switch (m_plan.kind) {
    case RecordKind::Customers: return importCustomer(item);
    case RecordKind::Orders: return importOrder(item);
    case RecordKind::OrderLines: return importOrderLine(item);
    default: return importOther(item);
    }
}

void ImportRunner::reject(std::int64_t line, const RowError &e) {
    ++m_report.rowsRejected;
    if (m_report.rejected.size() >= kMaxListedRejects) return;
    RejectedRow row{m_fileName, line, e.column, {}, e.reason};
    if (e.column > 0 && static_cast<std::size_t>(e.column) <= m_plan.detection.columns.size())
        row.columnName = m_plan.detection.columns[static_cast<std::size_t>(e.column - 1)].header;
    m_report.rejected.push_back(std::move(row));
}

std::optional<core::Id> ImportRunner::customerByExternalId(const std::string &externalId) {
    if (const auto it = m_aliases.find(externalId); it != m_aliases.end()) return it->second;
    return m_session->findCustomer(m_plan.sourceSystem, externalId);
}

void ImportRunner::touch(core::Id id) {
    if (id < 0) return;
    if (static_cast<std::size_t>(id) >= m_touched.size()) m_touched.resize(static_cast<std::size_t>(id) * 2 + 1024, false);
    m_touched[static_cast<std::size_t>(id)] = true;
}

// The customer an order or line row names: by external id, else by e-mail; created from
// the row's attributes when the store has no such customer; 0 for anonymous revenue.
core::Result<core::Id> ImportRunner::resolveCustomer(const CustomerRef &ref) {
    std::optional<core::Id> id;
    if (!ref.externalId.empty()) id = m_session->findCustomer(m_plan.sourceSystem, ref.externalId);
    else if (!ref.email.empty()) id = m_session->findCustomerByEmail(ref.email);
    else {
        ++m_report.cleaning[kRuleAnonymous];
        return core::Id{0};
    }
    if (id) return *id;
    core::Customer c = ref.attributes;
    c.sourceSystem = m_plan.sourceSystem;
    auto created = m_session->upsertCustomer(c);
    if (!created.ok()) return created.status();
    ++m_report.created["customers"];
    return *created;
}

core::Status ImportRunner::importCustomer(RowItem &item) {
    core::Customer &c = item.customer;
    c.sourceSystem = m_plan.sourceSystem;
    std::optional<core::Id> existing;
    if (!c.externalId.empty()) {
        existing = customerByExternalId(c.externalId);
        if (existing && touched(*existing)) ++m_report.cleaning[kRuleDuplicateId];
    }
    const std::string aliasId = c.externalId;
    if (!existing && !c.email.empty()) {
        existing = m_session->findCustomerByEmail(c.email); // sees this import's own rows too
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
    if (!aliasId.empty() && c.externalId.empty()) m_aliases[aliasId] = *id; // merged by e-mail
    touch(*id);
    if (!ncKey.empty()) m_nameCompanyIds.emplace(ncKey, *id);
    return core::Status::success();
}

core::Status ImportRunner::importOrder(RowItem &item) {
    core::Order &order = item.order;
    const CustomerRef &ref = item.ref;
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
