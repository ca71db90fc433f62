#include "import/profile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <algorithm>
#include <set>
#include <cstdlib>

namespace segdash::import {
namespace {

std::string keyOf(const QString &header) { return headerKey(header.trimmed().toLower().toStdString()); }

core::Result<Profile> parseProfile(const QByteArray &bytes, const QString &origin) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (doc.isNull() || !doc.isObject())
        return core::Status::error("profile " + origin.toStdString() + ": " + error.errorString().toStdString());
    const QJsonObject o = doc.object();
    Profile p;
    p.name = o.value("name").toString().toStdString();
    p.label = o.value("label").toString(QString::fromStdString(p.name)).toStdString();
    p.source = o.value("source").toString("csv").toStdString();
    if (o.contains("kind")) {
        p.kind = recordKindFromString(o.value("kind").toString().toStdString());
        if (!p.kind) return core::Status::error("profile " + origin.toStdString() + ": unknown kind");
    }
    const QJsonObject cols = o.value("columns").toObject();
    for (auto it = cols.begin(); it != cols.end(); ++it) p.columns[keyOf(it.key())] = it.value().toString().toStdString();
    for (const auto &s : o.value("signature").toArray()) p.signature.push_back(keyOf(s.toString()));
    p.cancellationPrefix = o.value("cancellation_prefix").toString().toStdString();
    p.currency = o.value("currency").toString().toStdString();
    p.recipe = o.value("recipe").toBool(false);
    if (p.name.empty()) return core::Status::error("profile " + origin.toStdString() + " has no name");
    return p;
}

std::string headersFingerprint(const std::vector<std::string> &headers) {
    QCryptographicHash hash(QCryptographicHash::Sha1);
    for (const auto &h : headers) {
        hash.addData(QByteArray::fromStdString(keyOf(QString::fromStdString(h))));
        hash.addData(QByteArrayView("\x1f", 1));
    }
    return hash.result().toHex().left(16).toStdString();
}

void loadRecipes(std::vector<Profile> &out) {
    const QDir dir(QString::fromStdString(recipesDir()));
    for (const QString &f : dir.entryList({"*.json"}, QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(f));
        if (!file.open(QIODevice::ReadOnly)) continue;
        auto p = parseProfile(file.readAll(), f);
        if (p.ok() && p->recipe) out.push_back(std::move(*p)); // a broken recipe is skipped, not fatal
    }
}

} // namespace

core::Result<std::vector<Profile>> loadProfiles() {
    std::vector<Profile> profiles;
    loadRecipes(profiles);
    const QDir dir(":/profiles");
    for (const QString &f : dir.entryList({"*.json"}, QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(f));
        if (!file.open(QIODevice::ReadOnly)) return core::Status::error("cannot read built-in profile " + f.toStdString());
        auto p = parseProfile(file.readAll(), f);
        if (!p.ok()) return p.status();
        profiles.push_back(std::move(*p));
    }
    if (!findProfile(profiles, "generic")) return core::Status::error("the built-in profile 'generic' is missing");
    return profiles;
}

const Profile *findProfile(const std::vector<Profile> &profiles, const std::string &name) {
    for (const auto &p : profiles)
        if (p.name == name) return &p;
    return nullptr;
}

ProfileMatch matchProfile(const std::vector<Profile> &profiles, const std::vector<std::string> &headers) {
    const std::string recipeName = "recipe-" + headersFingerprint(headers);
    if (const Profile *r = findProfile(profiles, recipeName)) return {r, 1.0};
    std::vector<std::string> keys;
    for (const auto &h : headers) keys.push_back(keyOf(QString::fromStdString(h)));
    auto scoreOf = [&](const Profile &p) {
        const auto known = std::count_if(keys.begin(), keys.end(), [&](const std::string &k) { return p.columns.count(k) > 0; });
        return keys.empty() ? 0.0 : double(known) / double(keys.size());
    };
    const Profile *generic = findProfile(profiles, "generic");
    ProfileMatch best{generic, generic ? scoreOf(*generic) : 0};
    for (const auto &p : profiles) {
        if (p.recipe || p.signature.empty()) continue;
        const bool signatureOk = std::all_of(p.signature.begin(), p.signature.end(), [&](const std::string &s) {
            return std::find(keys.begin(), keys.end(), s) != keys.end();
        });
        if (!signatureOk) continue;
        // A vendor profile wins ties with the generic one (it knows the source system),
        // but not a file the generic synonyms read better.
        const double score = scoreOf(p);
        if (score > best.score || (score == best.score && best.profile == generic)) best = {&p, score};
    }
    return best;
}

FieldMapping mapHeaders(const Profile &profile, const std::vector<std::string> &headers) {
    FieldMapping m;
    for (const auto &h : headers) {
        const auto it = profile.columns.find(keyOf(QString::fromStdString(h)));
        m.targets.push_back(it == profile.columns.end() ? std::string() : it->second);
    }
    return m;
}

std::vector<std::size_t> guessUnknownHeaders(const std::vector<std::string> &headers, FieldMapping &mapping) {
    // Word sequences that point at one field wherever they stand in a header, most
    // specific first. Deliberately short: a wrong guess costs the user more than none.
    static const std::pair<const char *, const char *> kHints[] = {
        {"unit_price", "unit_price"}, {"unit_cost", "unit_cost"}, {"order_id", "order_id"},
        {"order_number", "order_id"}, {"invoice", "order_id"}, {"order_date", "order_date"},
        {"customer_id", "customer_id"}, {"client_id", "customer_id"}, {"e_mail", "email"},
        {"email", "email"}, {"phone", "phone"}, {"mobile", "phone"}, {"country", "country"},
        {"city", "city"}, {"industry", "industry"}, {"quantity", "quantity"}, {"qty", "quantity"},
        {"sku", "product_code"}, {"category", "category"}, {"revenue", "revenue"}, {"currency", "currency"},
        {"nps", "nps"}, {"csat", "csat"}, {"campaign", "campaign_id"}, {"probability", "probability"},
        {"kraj", "country"}, {"miasto", "city"}, {"telefon", "phone"}, {"ilość", "quantity"}, {"waluta", "currency"}};
    std::vector<std::size_t> guessed;
    for (std::size_t i = 0; i < headers.size() && i < mapping.targets.size(); ++i) {
        if (!mapping.targets[i].empty()) continue;
        const std::string key = "_" + keyOf(QString::fromStdString(headers[i])) + "_";
        for (const auto &[hint, field] : kHints) {
            if (key.find("_" + std::string(hint) + "_") == std::string::npos || mapping.has(field)) continue;
            mapping.targets[i] = field;
            guessed.push_back(i);
            break;
        }
    }
    return guessed;
}

RecordKind guessKind(const FieldMapping &m) {
    if (m.has("quantity") && m.has("unit_price")) return RecordKind::OrderLines;
    if (m.has("order_id") && (m.has("revenue") || m.has("order_date"))) return RecordKind::Orders;
    if (m.has("opportunity_id") || (m.has("stage") && m.has("amount"))) return RecordKind::Opportunities;
    if (m.has("nps") || m.has("csat")) return RecordKind::Surveys;
    if (m.has("campaign_id") && !m.has("customer_id")) return RecordKind::Campaigns;
    if (m.has("kind") && m.has("timestamp")) return RecordKind::Interactions;
    return RecordKind::Customers;
}

void restrictToKind(FieldMapping &mapping, RecordKind kind) {
    std::set<std::string> claimed; // a field maps from its first column only
    for (auto &target : mapping.targets) {
        std::string chosen;
        std::string_view rest = target;
        while (!rest.empty() && chosen.empty()) {
            const auto bar = rest.find('|');
            const std::string alternative(rest.substr(0, bar));
            if (findField(kind, alternative) && !claimed.count(alternative)) chosen = alternative;
            rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
        }
        if (!chosen.empty()) claimed.insert(chosen);
        target = chosen;
    }
}

std::string recipesDir() {
    if (const char *env = std::getenv("SEGDASH_RECIPES_DIR"); env && *env) return env;
    return (QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + "/segdash/recipes").toStdString();
}

core::Status saveRecipe(const std::vector<std::string> &headers, const FieldMapping &mapping, RecordKind kind,
                        const std::string &source) {
    QJsonObject cols;
    for (std::size_t i = 0; i < headers.size() && i < mapping.targets.size(); ++i)
        cols.insert(QString::fromStdString(headers[i]), QString::fromStdString(mapping.targets[i]));
    const std::string name = "recipe-" + headersFingerprint(headers);
    QJsonObject o{{"name", QString::fromStdString(name)}, {"label", "Saved mapping"}, {"recipe", true},
                  {"source", QString::fromStdString(source)}, {"kind", toString(kind)}, {"columns", cols}};
    const QString dir = QString::fromStdString(recipesDir());
    if (!QDir().mkpath(dir)) return core::Status::error("cannot create the recipes folder " + dir.toStdString());
    QFile file(dir + "/" + QString::fromStdString(name) + ".json");
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(QJsonDocument(o).toJson()) < 0)
        return core::Status::error("cannot write the recipe " + file.fileName().toStdString());
    return core::Status::success();
}

} // namespace segdash::import
