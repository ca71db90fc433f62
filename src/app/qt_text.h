#pragma once
// Small conversions between the libraries' plain C++ values and what the widgets
// show: UTF-8 strings, locale-formatted counts, money, dates and durations.
#include <QString>
#include <cstdint>
#include <string>

#include "core/date.h"
#include "core/money.h"

namespace segdash::app {

inline QString qs(const std::string &text) { return QString::fromStdString(text); }
inline std::string ss(const QString &text) { return text.toStdString(); }

QString formatCount(std::int64_t value);            // "12,345" in the current locale
QString formatMoney(core::Money value);             // two decimals, locale separators
QString formatDate(core::Timestamp value);          // short locale date
QString formatDateTime(core::Timestamp value);      // short locale date and time
QString formatSeconds(double seconds);              // "0.42 s", "2 min 5 s"
QString describeChar(char c);                       // ";" / "Tab" / "none"

} // namespace segdash::app
