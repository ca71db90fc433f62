#pragma once
// What the import wizard edits: the chosen files, per file the options (overrides,
// kind, profile, mapping) and the plan planImport() made from them.
#include <QObject>
#include <QStringList>
#include <optional>
#include <vector>

#include "import/import_job.h"

namespace segdash::app {

struct ImportFile {
    QString path;
    import::ImportOptions options;
    std::optional<import::ImportPlan> plan; // unset when planning failed
    QString error;                          // why planning failed
};

/// The wizard's model: files and their plans. Every edit of detection settings,
/// kind or profile re-plans that file; mapping edits change the plan in place.
class ImportSetup : public QObject {
    Q_OBJECT
public:
    explicit ImportSetup(QObject *parent = nullptr);

    void setFiles(const QStringList &paths);
    int fileCount() const { return static_cast<int>(m_files.size()); }
    const ImportFile &file(int index) const { return m_files.at(static_cast<std::size_t>(index)); }
    int currentIndex() const { return m_current; }
    void setCurrentIndex(int index);
    const ImportFile *current() const;

    // Edits of the current file.
    void setDetectOptions(const import::DetectOptions &options);
    void setKind(std::optional<import::RecordKind> kind);
    void setProfile(const std::string &profile);
    void setTarget(int column, const std::string &field); // "" = ignore the column

    QStringList missingRequired(int index) const;
    bool allPlanned() const;
    bool allMapped() const;
    // File indices in import order: customers before orders before order lines, ...
    std::vector<int> importOrder() const;

    static QStringList availableProfiles(); // profile names bundled with segdash_import

signals:
    void filesChanged();
    void currentChanged(int index);
    void planChanged(int index);
    void mappingChanged(int index);

private:
    void replan(std::size_t index);
    ImportFile *currentMutable();

    std::vector<ImportFile> m_files;
    int m_current = -1;
};

} // namespace segdash::app
