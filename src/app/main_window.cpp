#include "app/main_window.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>

#include "app/empty_page.h"
#include "app/import_wizard.h"
#include "app/qt_text.h"
#include "app/recent_stores.h"
#include "app/summary_page.h"

namespace segdash::app {

static const QString kStoreFilter = QObject::tr("SegDash stores (*.sqlite *.segdash *.db);;All files (*)");

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_stack(new QStackedWidget(this)), m_empty(new EmptyPage(this)),
      m_summary(new SummaryPage(this)) {
    setObjectName(QStringLiteral("mainWindow"));
    setCentralWidget(m_stack);
    setAcceptDrops(true);
    addPage(QStringLiteral("empty"), m_empty);
    addPage(QStringLiteral("summary"), m_summary);
    connect(m_empty, &EmptyPage::newStoreRequested, this, &MainWindow::chooseNewStore);
    connect(m_empty, &EmptyPage::openStoreRequested, this, &MainWindow::chooseStoreToOpen);
    connect(m_summary, &SummaryPage::importRequested, this, &MainWindow::chooseImportFiles);
    connect(m_summary, &SummaryPage::storeModified, this, &MainWindow::storeChanged);
    buildMenus();
    m_location = new QLabel(this);
    statusBar()->addPermanentWidget(m_location);
    resize(1200, 800);
    updateTitle();
}

MainWindow::~MainWindow() = default;

void MainWindow::addPage(const QString &name, QWidget *page) {
    m_stack->addWidget(page);
    m_pages[name] = page;
}

void MainWindow::buildMenus() {
    auto *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New store…"), QKeySequence::New, this, &MainWindow::chooseNewStore);
    file->addAction(tr("&Open store…"), QKeySequence::Open, this, &MainWindow::chooseStoreToOpen);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    file->addSeparator();
    m_importAction = file->addAction(tr("&Import…"), QKeySequence(tr("Ctrl+I")), this, &MainWindow::chooseImportFiles);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
}

void MainWindow::fillRecentMenu() {
    m_recentMenu->clear();
    for (const auto &path : RecentStores::list())
        m_recentMenu->addAction(QFileInfo(path).fileName() + QStringLiteral("  (") + path + QLatin1Char(')'), this,
                                [this, path] { openInteractively(path, store::OpenMode::OpenExisting); });
    if (m_recentMenu->isEmpty()) m_recentMenu->addAction(tr("(none)"))->setEnabled(false);
    else {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("Clear list"), this, [] { RecentStores::clear(); });
    }
}

core::Status MainWindow::openStore(const QString &path, store::OpenMode mode) {
    auto opened = store::openStore(ss(path), mode);
    if (!opened) return opened.status();
    m_summary->setStore(nullptr); // the page must not hold the old store past its end
    m_store = std::move(opened.value());
    m_path = QFileInfo(path).absoluteFilePath();
    m_summary->setStore(m_store.get());
    if (m_persistent) {
        RecentStores::add(m_path);
        RecentStores::setLast(m_path);
    }
    showPage(QStringLiteral("summary"));
    updateTitle();
    emit storeChanged();
    return core::Status::success();
}

void MainWindow::closeStore() {
    m_summary->setStore(nullptr);
    m_store.reset();
    m_path.clear();
    showPage(QStringLiteral("empty"));
    updateTitle();
    emit storeChanged();
}

bool MainWindow::showPage(const QString &name) {
    const auto it = m_pages.find(name);
    if (it == m_pages.end()) return false;
    // Every page but the empty state needs a store.
    m_stack->setCurrentWidget(m_store ? it->second : m_empty);
    return true;
}

QString MainWindow::currentPageName() const {
    for (const auto &[name, page] : m_pages)
        if (page == m_stack->currentWidget()) return name;
    return {};
}

void MainWindow::updateTitle() {
    m_importAction->setEnabled(m_store != nullptr);
    setWindowFilePath(m_path);
    m_location->setText(m_path);
    setWindowTitle(m_store ? tr("%1 — SegDash").arg(QFileInfo(m_path).fileName()) : tr("SegDash"));
}

void MainWindow::openInteractively(const QString &path, store::OpenMode mode) {
    const auto status = openStore(path, mode);
    if (!status) QMessageBox::warning(this, tr("Open store"), tr("Cannot open %1:\n%2").arg(path, qs(status.message())));
}

void MainWindow::chooseNewStore() {
    QString path = QFileDialog::getSaveFileName(this, tr("New store"), QStringLiteral("customers.sqlite"), kStoreFilter);
    if (path.isEmpty()) return;
    if (QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".sqlite");
    if (QFileInfo::exists(path)) {
        // The save dialog already asked about overwriting: start from a clean file.
        if (m_path == QFileInfo(path).absoluteFilePath()) closeStore();
        QFile::remove(path);
    }
    openInteractively(path, store::OpenMode::CreateIfMissing);
}

void MainWindow::chooseStoreToOpen() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open store"), {}, kStoreFilter);
    if (!path.isEmpty()) openInteractively(path, store::OpenMode::OpenExisting);
}

void MainWindow::chooseImportFiles() {
    if (!m_store) return;
    const auto files = QFileDialog::getOpenFileNames(this, tr("Import files"), {},
                                                     tr("CSV files (*.csv *.txt *.tsv);;All files (*)"));
    if (!files.isEmpty()) startImport(files);
}

ImportWizard *MainWindow::startImport(const QStringList &files) {
    if (!m_store) return nullptr;
    auto *wizard = new ImportWizard(m_path, files, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &ImportWizard::importsFinished, this, [this] {
        m_summary->refresh();
        emit storeChanged();
    });
    wizard->open();
    return wizard;
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event) {
    if (m_store && event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event) {
    QStringList files;
    for (const auto &url : event->mimeData()->urls())
        if (url.isLocalFile()) files << url.toLocalFile();
    if (files.isEmpty() || !m_store) return;
    event->acceptProposedAction();
    startImport(files);
}

void MainWindow::restoreWindowState() {
    const QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
}

void MainWindow::closeEvent(QCloseEvent *event) {
    if (m_persistent) {
        QSettings settings;
        settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
        RecentStores::setLast(m_path);
    }
    QMainWindow::closeEvent(event);
}

} // namespace segdash::app
