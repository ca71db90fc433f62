#include "app/qt_text.h"

#include <QDateTime>
#include <QLocale>
#include <QTimeZone>
#include <cmath>

namespace segdash::app {

QString formatCount(std::int64_t value) { return QLocale().toString(static_cast<qlonglong>(value)); }

QString formatMoney(core::Money value) { return QLocale().toString(value.toDouble(), 'f', 2); }

static QDateTime toDateTime(core::Timestamp value) {
    // Store timestamps are naive wall-clock times: show them as written, no zone shift.
    return QDateTime::fromSecsSinceEpoch(value.seconds, QTimeZone::utc());
}

QString formatDate(core::Timestamp value) {
    return QLocale().toString(toDateTime(value).date(), QLocale::ShortFormat);
}

QString formatDateTime(core::Timestamp value) {
    return QLocale().toString(toDateTime(value), QLocale::ShortFormat);
}

QString formatSeconds(double seconds) {
    if (seconds < 60) return QStringLiteral("%1 s").arg(QLocale().toString(seconds, 'f', 2));
    const auto total = static_cast<long long>(std::llround(seconds));
    return QStringLiteral("%1 min %2 s").arg(total / 60).arg(total % 60);
}

QString describeChar(char c) {
    switch (c) {
    case '\0': return QObject::tr("none");
    case '\t': return QObject::tr("Tab");
    case ' ': return QObject::tr("Space");
    default: return QString(QChar::fromLatin1(c));
    }
}

} // namespace segdash::app
