#include "app/import_setup.h"

#include "import/profile.h"

#include <QDir>
#include <QFileInfo>
#include <algorithm>

#include "app/qt_text.h"

namespace segdash::app {

ImportSetup::ImportSetup(QObject *parent) : QObject(parent) {}

void ImportSetup::setFiles(const QStringList &paths) {
    m_files.clear();
    for (const auto &path : paths) {
        ImportFile file;
        file.path = path;
        m_files.push_back(std::move(file));
    }
    for (std::size_t i = 0; i < m_files.size(); ++i) replan(i);
    m_current = m_files.empty() ? -1 : 0;
    emit filesChanged();
    emit currentChanged(m_current);
}

void ImportSetup::setCurrentIndex(int index) {
    if (index == m_current || index < 0 || index >= fileCount()) return;
    m_current = index;
    emit currentChanged(index);
}

const ImportFile *ImportSetup::current() const {
    return m_current >= 0 ? &m_files[static_cast<std::size_t>(m_current)] : nullptr;
}

ImportFile *ImportSetup::currentMutable() {
    return m_current >= 0 ? &m_files[static_cast<std::size_t>(m_current)] : nullptr;
}

void ImportSetup::replan(std::size_t index) {
    auto &file = m_files[index];
    auto plan = import::planImport(ss(file.path), file.options);
    if (plan) {
        file.plan = std::move(plan.value());
        file.error.clear();
    } else {
        file.plan.reset();
        file.error = qs(plan.message());
    }
}

void ImportSetup::setDetectOptions(const import::DetectOptions &options) {
    auto *file = currentMutable();
    if (!file) return;
    file->options.detect = options;
    replan(static_cast<std::size_t>(m_current));
    emit planChanged(m_current);
}

void ImportSetup::setKind(std::optional<import::RecordKind> kind) {
    auto *file = currentMutable();
    if (!file || file->options.kind == kind) return;
    file->options.kind = kind;
    file->options.mapOverrides.clear(); // field names belong to the old kind
    replan(static_cast<std::size_t>(m_current));
    emit planChanged(m_current);
}

void ImportSetup::setProfile(const std::string &profile) {
    auto *file = currentMutable();
    if (!file || file->options.profile == profile) return;
    file->options.profile = profile;
    file->options.mapOverrides.clear();
    replan(static_cast<std::size_t>(m_current));
    emit planChanged(m_current);
}

void ImportSetup::setTarget(int column, const std::string &field) {
    auto *file = currentMutable();
    if (!file || !file->plan || column < 0) return;
    auto &targets = file->plan->mapping.targets;
    const auto &columns = file->plan->detection.columns;
    if (static_cast<std::size_t>(column) >= columns.size()) return;
    if (targets.size() < columns.size()) targets.resize(columns.size());
    // One column per field: a field taken by another column moves to this one.
    if (!field.empty())
        for (auto &t : targets)
            if (t == field) t.clear();
    targets[static_cast<std::size_t>(column)] = field;
    // Overrides survive a re-plan (e.g. after changing the delimiter).
    file->options.mapOverrides.clear();
    for (std::size_t i = 0; i < columns.size(); ++i) file->options.mapOverrides[columns[i].header] = targets[i];
    emit mappingChanged(m_current);
}

QStringList ImportSetup::missingRequired(int index) const {
    const auto &file = this->file(index);
    QStringList missing;
    if (!file.plan) return missing;
    for (const auto &name : file.plan->mapping.missingRequired(file.plan->kind)) {
        const auto *def = import::findField(file.plan->kind, name);
        missing << (def && def->label ? QString::fromUtf8(def->label) : qs(name));
    }
    return missing;
}

bool ImportSetup::allPlanned() const {
    return !m_files.empty() && std::all_of(m_files.begin(), m_files.end(), [](const auto &f) { return f.plan; });
}

bool ImportSetup::allMapped() const {
    if (!allPlanned()) return false;
    for (int i = 0; i < fileCount(); ++i)
        if (!missingRequired(i).isEmpty()) return false;
    return true;
}

std::vector<int> ImportSetup::importOrder() const {
    std::vector<int> order;
    for (int i = 0; i < fileCount(); ++i)
        if (m_files[static_cast<std::size_t>(i)].plan) order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [this](int a, int b) {
        return file(a).plan->kind < file(b).plan->kind; // RecordKind lists parents first
    });
    return order;
}

QStringList ImportSetup::availableProfiles() {
    QStringList names;
    if (const auto profiles = import::loadProfiles(); profiles.ok())
        for (const auto &p : *profiles)
            if (!p.recipe) names << QString::fromStdString(p.name);
    names.sort();
    return names;
}

} // namespace segdash::app
