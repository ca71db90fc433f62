#include "app/import_runner.h"

#include "analysis/timeline_source.h"
#include "import/profile.h"

#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

#include "app/qt_text.h"

namespace segdash::app {

ImportRunner::ImportRunner(QObject *parent) : QObject(parent) {
    connect(&m_watcher, &QFutureWatcher<std::vector<ImportOutcome>>::finished, this, [this] {
        m_outcomes = m_watcher.result();
        emit finished();
    });
}

ImportRunner::~ImportRunner() {
    m_cancel = true;
    m_watcher.waitForFinished();
}

void ImportRunner::start(const QString &storePath, std::vector<ImportJob> jobs) {
    if (isRunning()) return;
    m_cancel = false;
    m_membershipNote.clear();
    m_outcomes.clear();
    m_watcher.setFuture(QtConcurrent::run([this, path = ss(storePath), jobs = std::move(jobs)] {
        return work(path, jobs);
    }));
}

std::vector<ImportOutcome> ImportRunner::work(const std::string &storePath, const std::vector<ImportJob> &jobs) {
    std::vector<ImportOutcome> outcomes;
    auto store = store::openStore(storePath, store::OpenMode::OpenExisting);
    for (int i = 0; i < static_cast<int>(jobs.size()); ++i) {
        const auto &job = jobs[static_cast<std::size_t>(i)];
        if (!store) {
            outcomes.push_back({job.path, std::nullopt, qs(store.message()), false});
        } else if (m_cancel) {
            outcomes.push_back({job.path, std::nullopt, tr("Cancelled before it started"), true});
        } else {
            emit jobStarted(i, job.path);
            outcomes.push_back(runOne(i, store->get(), job));
        }
    }
    // As after `segdash import`: record the RFM membership and every stored rule scheme,
    // so segment history and moves cover imports made in the app too.
    const bool stored = std::any_of(outcomes.begin(), outcomes.end(), [](const ImportOutcome &o) {
        return o.report && !o.report->alreadyImported && !o.report->dryRun && o.report->rowsImported > 0;
    });
    if (store && stored) {
        auto recorded = analysis::recordImportMembership(**store);
        m_membershipNote = !recorded.ok() ? tr("Segment membership not recorded: %1").arg(qs(recorded.message()))
                           : *recorded    ? tr("Segment membership (%1) recorded as of %2")
                                                .arg(qs((*recorded)->scheme), qs((*recorded)->asOf.toIso()))
                                          : QString();
    }
    return outcomes;
}

ImportOutcome ImportRunner::runOne(int index, store::Store *store, const ImportJob &job) {
    QElapsedTimer throttle;
    throttle.start();
    bool sentAny = false; // the first update goes out at once so the bar moves early
    // A 200k-row file reports progress far more often than a bar can show it: send at
    // most ~20 updates a second so the GUI thread's queue stays short.
    auto progressFn = [this, index, &throttle, &sentAny](std::int64_t done, std::int64_t total) {
        if (m_cancel) return false;
        if (!sentAny || throttle.elapsed() >= 50 || done == total) {
            sentAny = true;
            throttle.restart();
            emit progress(index, done, total);
        }
        return true;
    };
    auto report = import::runImport(*store, job.plan, job.options, progressFn);
    ImportOutcome outcome{job.path, std::nullopt, {}, false};
    if (report) {
        // A mapping the user changed by hand is remembered for files with the same headers.
        if (!job.options.mapOverrides.empty() && !report->alreadyImported && !job.options.dryRun) {
            std::vector<std::string> headers;
            for (const auto &c : job.plan.detection.columns) headers.push_back(c.header);
            import::saveRecipe(headers, job.plan.mapping, job.plan.kind, job.plan.sourceSystem);
        }
        outcome.report = std::move(report.value());
    } else {
        outcome.cancelled = m_cancel.load();
        outcome.error = outcome.cancelled ? tr("Cancelled: nothing was imported from this file")
                                          : qs(report.message());
    }
    return outcome;
}

} // namespace segdash::app
