#include "core/date.h"

#include <chrono>
#include <cstdio>

namespace segdash::core {
namespace {

std::chrono::year_month_day ymdOf(Date d) {
    return std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{d.days}}};
}

bool readInt(std::string_view s, std::size_t pos, std::size_t len, int &out) {
    if (pos + len > s.size()) return false;
    int v = 0;
    for (std::size_t i = pos; i < pos + len; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = v * 10 + (s[i] - '0');
    }
    out = v;
    return true;
}

} // namespace

bool isLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int daysInMonth(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    return month == 2 && isLeapYear(year) ? 29 : kDays[month - 1];
}

std::optional<Date> Date::fromYmd(int year, int month, int day) {
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
        return std::nullopt;
    const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{unsigned(month)},
                                          std::chrono::day{unsigned(day)}};
    return Date{static_cast<std::int32_t>(std::chrono::sys_days{ymd}.time_since_epoch().count())};
}

std::optional<Date> Date::parseIso(std::string_view text) {
    int y = 0, m = 0, d = 0;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    if (!readInt(text, 0, 4, y) || !readInt(text, 5, 2, m) || !readInt(text, 8, 2, d)) return std::nullopt;
    return fromYmd(y, m, d);
}

int Date::year() const { return int(ymdOf(*this).year()); }
int Date::month() const { return int(unsigned(ymdOf(*this).month())); }
int Date::day() const { return int(unsigned(ymdOf(*this).day())); }

std::string Date::toIso() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year(), month(), day());
    return buf;
}

Date Date::endOfMonth() const {
    const int y = year(), m = month();
    return *fromYmd(y, m, daysInMonth(y, m));
}

Timestamp Timestamp::fromDate(Date d, int hour, int minute, int second) {
    return Timestamp{std::int64_t(d.days) * 86400 + hour * 3600 + minute * 60 + second};
}

std::optional<Timestamp> Timestamp::parseIso(std::string_view text) {
    const auto date = Date::parseIso(text.substr(0, 10));
    if (!date) return std::nullopt;
    if (text.size() == 10) return fromDate(*date);
    int h = 0, mi = 0, s = 0;
    if (text.size() < 16 || (text[10] != ' ' && text[10] != 'T') || text[13] != ':') return std::nullopt;
    if (!readInt(text, 11, 2, h) || !readInt(text, 14, 2, mi)) return std::nullopt;
    if (text.size() == 19) {
        if (text[16] != ':' || !readInt(text, 17, 2, s)) return std::nullopt;
    } else if (text.size() != 16) {
        return std::nullopt;
    }
    if (h > 23 || mi > 59 || s > 59) return std::nullopt;
    return fromDate(*date, h, mi, s);
}

Date Timestamp::date() const {
    std::int64_t d = seconds / 86400;
    if (seconds % 86400 < 0) --d;
    return Date{static_cast<std::int32_t>(d)};
}

int Timestamp::secondOfDay() const {
    const std::int64_t r = seconds % 86400;
    return static_cast<int>(r < 0 ? r + 86400 : r);
}

std::string Timestamp::toIso() const {
    const int sod = secondOfDay();
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s %02d:%02d:%02d", date().toIso().c_str(), sod / 3600, sod / 60 % 60, sod % 60);
    return buf;
}

} // namespace segdash::core
