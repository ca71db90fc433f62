#pragma once
// Calendar dates and timestamps as plain integers: Date counts days since
// 1970-01-01, Timestamp counts seconds since 1970-01-01T00:00:00. Times in CRM
// exports carry no zone, so they are kept as written (naive local time).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace segdash::core {

struct Date {
    std::int32_t days = 0;

    static std::optional<Date> fromYmd(int year, int month, int day); // nullopt if invalid
    static std::optional<Date> parseIso(std::string_view text);       // "YYYY-MM-DD"
    int year() const;
    int month() const;
    int day() const;
    std::string toIso() const;
    Date addDays(int n) const { return Date{days + n}; }
    Date endOfMonth() const;
    auto operator<=>(const Date &) const = default;
};

struct Timestamp {
    std::int64_t seconds = 0;

    static Timestamp fromDate(Date d, int hour = 0, int minute = 0, int second = 0);
    // "YYYY-MM-DD", "YYYY-MM-DD HH:MM[:SS]" or "YYYY-MM-DDTHH:MM[:SS]".
    static std::optional<Timestamp> parseIso(std::string_view text);
    Date date() const;
    int secondOfDay() const;
    std::string toIso() const; // "YYYY-MM-DD HH:MM:SS"
    auto operator<=>(const Timestamp &) const = default;
};

bool isLeapYear(int year);
int daysInMonth(int year, int month);

} // namespace segdash::core
