#pragma once
// The summary page: what the open store holds, and its imports with "Undo last import".
#include <QWidget>
#include <functional>
#include <map>

namespace segdash::store {
class Store;
}
class QGridLayout;
class QLabel;
class QPushButton;
class QTableView;
class QVBoxLayout;

namespace segdash::app {

class ImportsModel;

/// Shows Store::summary() and Store::imports(); refresh() re-reads both.
class SummaryPage : public QWidget {
    Q_OBJECT
public:
    // Asks the user a yes/no question; replaceable so tests need no modal dialog.
    using ConfirmFn = std::function<bool(QWidget *parent, const QString &question)>;

    explicit SummaryPage(QWidget *parent = nullptr);

    void setStore(store::Store *store); // not owned; nullptr clears the page
    void refresh();
    void setConfirm(ConfirmFn confirm) { m_confirm = std::move(confirm); }
    void undoLastImport();

    QString value(const QString &key) const; // shown text of a figure, e.g. "customers", "orders_detail"
    ImportsModel *importsModel() const { return m_imports; }
    QPushButton *undoButton() const { return m_undo; }

signals:
    void storeModified(); // after an undo
    void importRequested();

private:
    void addTile(QGridLayout *grid, int index, const QString &key, const QString &caption);
    void buildImportsTable(QVBoxLayout *layout);
    void showError(const QString &message);

    store::Store *m_store = nullptr;
    std::map<QString, QLabel *> m_values;
    ImportsModel *m_imports;
    QTableView *m_table;
    QPushButton *m_undo;
    QLabel *m_error;
    ConfirmFn m_confirm;
};

} // namespace segdash::app
