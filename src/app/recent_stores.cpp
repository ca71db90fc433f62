#include "app/recent_stores.h"

#include <QFileInfo>
#include <QSettings>

namespace segdash::app {

static const QString kRecentKey = QStringLiteral("stores/recent");
static const QString kLastKey = QStringLiteral("stores/last");

QStringList RecentStores::list() { return QSettings().value(kRecentKey).toStringList(); }

void RecentStores::add(const QString &path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList recent = list();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    while (recent.size() > kMax) recent.removeLast();
    QSettings().setValue(kRecentKey, recent);
}

void RecentStores::clear() { QSettings().remove(kRecentKey); }

QString RecentStores::last() { return QSettings().value(kLastKey).toString(); }

void RecentStores::setLast(const QString &path) {
    QSettings().setValue(kLastKey, path.isEmpty() ? QString() : QFileInfo(path).absoluteFilePath());
}

} // namespace segdash::app
