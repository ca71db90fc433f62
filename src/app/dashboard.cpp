#include "app/dashboard.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QTimer>
#include <iostream>

#include "app/main_window.h"
#include "app/qt_text.h"
#include "app/recent_stores.h"

namespace segdash::app {

QString chooseStartupStore(const AppOptions &options, const QString &lastStore, const QString &executableDir) {
    if (!options.db.empty()) return qs(options.db);
    if (!lastStore.isEmpty() && QFileInfo(lastStore).isFile()) return lastStore;
    const QString demo = QDir(executableDir).filePath(QStringLiteral("demo.sqlite"));
    if (QFileInfo(demo).isFile()) return demo;
    return {};
}

// Draws the window at a fixed size once the event loop has laid it out, saves it, quits.
static void scheduleScreenshot(MainWindow &window, const QString &path) {
    window.resize(1400, 900);
    QTimer::singleShot(300, &window, [&window, path] {
        const bool saved = window.grab().save(path, "PNG");
        if (!saved) std::cerr << "segdash: cannot write " << ss(path) << "\n";
        QCoreApplication::exit(saved ? 0 : 1);
    });
}

int runDashboard(int argc, char **argv) {
    auto parsed = parseAppOptions(argc, argv);
    if (!parsed) {
        std::cerr << "segdash: " << parsed.message() << "\n" << appOptionsHelp();
        return 2;
    }
    const AppOptions options = parsed.value();
    if (options.help) {
        std::cout << appOptionsHelp();
        return 0;
    }
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("SegDash"));
    QApplication::setApplicationName(QStringLiteral("SegDash"));
    app.setProperty("segdash.lang", qs(options.lang)); // translations come later
    const bool screenshot = !options.screenshot.empty();

    MainWindow window;
    window.setPersistent(!screenshot);
    if (!screenshot) window.restoreWindowState();
    const QString path = chooseStartupStore(options, RecentStores::last(), QCoreApplication::applicationDirPath());
    if (!path.isEmpty()) {
        const auto status = window.openStore(path, store::OpenMode::OpenExisting);
        if (!status) {
            std::cerr << "segdash: cannot open " << ss(path) << ": " << status.message() << "\n";
            if (screenshot || !options.db.empty()) {
                if (screenshot) return 1;
                QMessageBox::warning(nullptr, QObject::tr("Open store"), qs(status.message()));
            }
        }
    }
    if (!options.page.empty() && !window.showPage(qs(options.page)))
        std::cerr << "segdash: unknown page '" << options.page << "'\n";
    window.show();
    if (screenshot) scheduleScreenshot(window, qs(options.screenshot));
    return app.exec();
}

} // namespace segdash::app
