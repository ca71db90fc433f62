#include "import/country.h"

#include <QLocale>
#include <QString>
#include <mutex>
#include <unordered_map>

namespace segdash::import {
namespace {

// Spellings Qt's territory table does not know: old names, abbreviations, the ones
// real exports use (EIRE and RSA come from the UCI Online Retail file).
constexpr std::pair<const char *, const char *> kAliases[] = {
    {"eire", "IE"}, {"republic of ireland", "IE"}, {"uk", "GB"}, {"u k", "GB"}, {"great britain", "GB"},
    {"britain", "GB"}, {"england", "GB"}, {"scotland", "GB"}, {"wales", "GB"}, {"northern ireland", "GB"},
    {"usa", "US"}, {"u s a", "US"}, {"u s", "US"}, {"united states of america", "US"}, {"america", "US"},
    {"rsa", "ZA"}, {"czech republic", "CZ"}, {"holland", "NL"}, {"the netherlands", "NL"},
    {"russian federation", "RU"}, {"south korea", "KR"}, {"korea", "KR"}, {"uae", "AE"},
    {"polska", "PL"}, {"niemcy", "DE"}, {"deutschland", "DE"}, {"francja", "FR"}, {"wielka brytania", "GB"},
    {"czechy", "CZ"}, {"ukraina", "UA"}, {"україна", "UA"}, {"hiszpania", "ES"}, {"włochy", "IT"},
    {"holandia", "NL"}, {"szwecja", "SE"}, {"litwa", "LT"}, {"słowacja", "SK"}, {"stany zjednoczone", "US"},
    {"österreich", "AT"}, {"schweiz", "CH"}, {"españa", "ES"}, {"italia", "IT"}, {"nederland", "NL"},
    {"sverige", "SE"}, {"norge", "NO"}, {"danmark", "DK"}, {"suomi", "FI"}, {"česko", "CZ"},
    // ISO 3166-1 alpha-3 codes of the countries exports name most often.
    {"pol", "PL"}, {"deu", "DE"}, {"gbr", "GB"}, {"usa", "US"}, {"fra", "FR"}, {"esp", "ES"}, {"ita", "IT"}, {"nld", "NL"}, {"bel", "BE"}, {"cze", "CZ"}, {"ukr", "UA"}, {"swe", "SE"}, {"nor", "NO"}, {"dnk", "DK"}, {"fin", "FI"}, {"aut", "AT"}, {"che", "CH"}, {"irl", "IE"}, {"prt", "PT"}, {"ltu", "LT"}, {"lva", "LV"}, {"est", "EE"}, {"svk", "SK"}, {"hun", "HU"}, {"rou", "RO"}, {"bgr", "BG"}, {"grc", "GR"}, {"can", "CA"}, {"aus", "AU"}, {"jpn", "JP"}, {"chn", "CN"}, {"bra", "BR"}, {"isr", "IL"}, {"cyp", "CY"}, {"mlt", "MT"}, {"isl", "IS"}, {"sgp", "SG"}, {"zaf", "ZA"}, {"are", "AE"}, {"sau", "SA"}, {"bhr", "BH"}, {"lbn", "LB"}, {"hkg", "HK"},
    {"ivory coast", "CI"}, {"turkey", "TR"}, {"vatican", "VA"}, {"macedonia", "MK"}, {"burma", "MM"},
};

// Lower case; dots, commas and runs of spaces/hyphens folded to one space.
std::string fold(std::string_view text) {
    const QString lower = QString::fromUtf8(text.data(), qsizetype(text.size())).toLower();
    QString out;
    bool space = false;
    for (QChar c : lower) {
        if (c.isLetterOrNumber()) {
            if (space && !out.isEmpty()) out += ' ';
            space = false;
            out += c;
        } else {
            space = true;
        }
    }
    return out.toStdString();
}

const std::unordered_map<std::string, std::string> &table() {
    static std::unordered_map<std::string, std::string> map;
    static std::once_flag once;
    std::call_once(once, [] {
        for (const QLocale &locale : QLocale::matchingLocales(QLocale::AnyLanguage, QLocale::AnyScript,
                                                              QLocale::AnyTerritory)) {
            const QLocale::Territory t = locale.territory();
            const QString code = QLocale::territoryToCode(t);
            if (code.size() != 2) continue;
            map.emplace(fold(code.toStdString()), code.toStdString());
            map.emplace(fold(QLocale::territoryToString(t).toStdString()), code.toStdString());
            map.emplace(fold(locale.nativeTerritoryName().toStdString()), code.toStdString());
        }
        for (const auto &[alias, code] : kAliases) map[fold(alias)] = code;
    });
    return map;
}

} // namespace

std::optional<std::string> countryCode(std::string_view text) {
    const std::string key = fold(text);
    if (key.empty()) return std::nullopt;
    const auto &map = table();
    if (const auto it = map.find(key); it != map.end()) return it->second;
    return std::nullopt;
}

} // namespace segdash::import
