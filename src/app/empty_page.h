#pragma once
// Shown when no store is open: New store / Open store.
#include <QWidget>
#include <memory>

namespace Ui {
class EmptyPage;
}

namespace segdash::app {

/// The empty state; its buttons only emit signals, the main window acts on them.
class EmptyPage : public QWidget {
    Q_OBJECT
public:
    explicit EmptyPage(QWidget *parent = nullptr);
    ~EmptyPage() override;

signals:
    void newStoreRequested();
    void openStoreRequested();

private:
    std::unique_ptr<Ui::EmptyPage> m_ui;
};

} // namespace segdash::app
