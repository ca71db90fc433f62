#pragma once
// Runs a list of planned imports on a worker thread, one after another, with its
// own store connection (SQLite: one connection per thread).
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <atomic>
#include <optional>
#include <vector>

#include "import/import_job.h"

namespace segdash::app {

struct ImportJob {
    QString path;
    import::ImportPlan plan;
    import::ImportOptions options;
};

struct ImportOutcome {
    QString path;
    std::optional<import::ImportReport> report; // set when the import ran to the end
    QString error;                              // otherwise why not
    bool cancelled = false;
};

/// Owns the background work of the import wizard. Signals are emitted from the
/// worker thread and reach GUI-thread receivers queued; finished() comes on the GUI
/// thread once every job is done or cancelled. Destruction cancels and waits.
class ImportRunner : public QObject {
    Q_OBJECT
public:
    explicit ImportRunner(QObject *parent = nullptr);
    ~ImportRunner() override;

    void start(const QString &storePath, std::vector<ImportJob> jobs);
    void cancel() { m_cancel = true; }
    bool isRunning() const { return m_watcher.isRunning(); }
    void wait() { m_watcher.waitForFinished(); }
    const std::vector<ImportOutcome> &outcomes() const { return m_outcomes; }
    // After finished(): what the segment-membership recording did ("" when nothing was stored).
    const QString &membershipNote() const { return m_membershipNote; }

signals:
    void jobStarted(int job, const QString &path);
    void progress(int job, qint64 done, qint64 total);
    void finished();

private:
    std::vector<ImportOutcome> work(const std::string &storePath, const std::vector<ImportJob> &jobs);
    ImportOutcome runOne(int index, store::Store *store, const ImportJob &job);

    QFutureWatcher<std::vector<ImportOutcome>> m_watcher;
    std::vector<ImportOutcome> m_outcomes;
    std::atomic<bool> m_cancel{false};
    QString m_membershipNote; // written by the worker before finished(), read after it
};

} // namespace segdash::app
