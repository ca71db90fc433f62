#pragma once
// The dashboard window: menus, the open store, and a stack of named pages. Pages do
// the work; the window only routes between them.
#include <QMainWindow>
#include <map>
#include <memory>

#include "core/status.h"
#include "store/store.h"

class QLabel;
class QMenu;
class QStackedWidget;

namespace segdash::app {

class EmptyPage;
class ImportWizard;
class SummaryPage;

/// Owns the GUI thread's store connection and hands it to the pages. Geometry,
/// the last store and the recent list persist in QSettings.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    core::Status openStore(const QString &path, store::OpenMode mode);
    void closeStore();
    QString storePath() const { return m_path; }
    store::Store *store() const { return m_store.get(); }

    bool showPage(const QString &name); // "summary", "empty"; false when unknown
    QString currentPageName() const;
    SummaryPage *summaryPage() const { return m_summary; }
    // Opens the import wizard (non-modal to the event loop); nullptr without a store.
    ImportWizard *startImport(const QStringList &files = {});

    void setPersistent(bool persistent) { m_persistent = persistent; } // off: no settings writes
    void restoreWindowState();

signals:
    void storeChanged();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildMenus();
    void fillRecentMenu();
    void addPage(const QString &name, QWidget *page);
    void openInteractively(const QString &path, store::OpenMode mode);
    void chooseNewStore();
    void chooseStoreToOpen();
    void chooseImportFiles();
    void updateTitle();

    std::unique_ptr<store::Store> m_store;
    QString m_path;
    QStackedWidget *m_stack;
    std::map<QString, QWidget *> m_pages;
    EmptyPage *m_empty;
    SummaryPage *m_summary;
    QMenu *m_recentMenu = nullptr;
    QAction *m_importAction = nullptr;
    QLabel *m_location = nullptr; // status bar: full path of the open store
    bool m_persistent = true;
};

} // namespace segdash::app
