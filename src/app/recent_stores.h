#pragma once
// Recently opened stores and the last one, kept in QSettings.
#include <QStringList>

namespace segdash::app {

/// The "Open Recent" list: newest first, at most kMax entries, no duplicates.
class RecentStores {
public:
    static constexpr int kMax = 8;

    static QStringList list();
    static void add(const QString &path);
    static void clear();
    static QString last(); // the store open when the app last closed; may be empty
    static void setLast(const QString &path);
};

} // namespace segdash::app
