#include "app/summary_page.h"

#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

#include "app/imports_model.h"
#include "app/qt_text.h"
#include "store/store.h"

namespace segdash::app {

SummaryPage::SummaryPage(QWidget *parent) : QWidget(parent), m_imports(new ImportsModel(this)) {
    setObjectName(QStringLiteral("summaryPage"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("<b>What the store holds</b>"), this));
    auto *tiles = new QGridLayout;
    const std::pair<const char *, QString> kTiles[] = {
        {"customers", tr("Customers")},         {"orders", tr("Orders")},
        {"net_revenue", tr("Net revenue")},     {"order_lines", tr("Order lines")},
        {"opportunities", tr("Opportunities")}, {"interactions", tr("Interactions")},
        {"surveys", tr("Survey responses")},    {"campaigns", tr("Campaigns")}};
    int n = 0;
    for (const auto &[key, caption] : kTiles) addTile(tiles, n++, QString::fromLatin1(key), caption);
    for (int column = 0; column < 4; ++column) tiles->setColumnStretch(column, 1);
    layout->addLayout(tiles);
    m_error = new QLabel(this);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();
    layout->addWidget(m_error);
    buildImportsTable(layout);
    m_confirm = [](QWidget *parent, const QString &question) {
        return QMessageBox::question(parent, tr("Undo last import"), question) == QMessageBox::Yes;
    };
}

void SummaryPage::buildImportsTable(QVBoxLayout *layout) {
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("<b>Imports</b>"), this));
    bar->addStretch();
    auto *import = new QPushButton(tr("&Import files…"), this);
    connect(import, &QPushButton::clicked, this, &SummaryPage::importRequested);
    bar->addWidget(import);
    m_undo = new QPushButton(tr("&Undo last import"), this);
    m_undo->setObjectName(QStringLiteral("undoButton"));
    connect(m_undo, &QPushButton::clicked, this, &SummaryPage::undoLastImport);
    bar->addWidget(m_undo);
    layout->addSpacing(8);
    layout->addLayout(bar);

    m_table = new QTableView(this);
    m_table->setModel(m_imports);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_table->horizontalHeader()->setSectionResizeMode(ImportsModel::File, QHeaderView::Stretch);
    layout->addWidget(m_table, 1);
}

// A tile: the figure large, its caption small, and a detail line under it.
void SummaryPage::addTile(QGridLayout *grid, int index, const QString &key, const QString &caption) {
    auto *tile = new QFrame(this);
    tile->setObjectName(QStringLiteral("tile_") + key);
    tile->setStyleSheet(QStringLiteral("QFrame#tile_%1 { background: palette(base); border: 1px solid palette(mid);"
                                       " border-radius: 4px; }").arg(key));
    auto *box = new QVBoxLayout(tile);
    auto *title = new QLabel(caption, tile);
    title->setStyleSheet(QStringLiteral("color: palette(dark);"));
    auto *value = new QLabel(tile);
    value->setObjectName(QStringLiteral("value_") + key);
    QFont big = value->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    value->setFont(big);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *detail = new QLabel(tile);
    detail->setObjectName(QStringLiteral("value_") + key + QStringLiteral("_detail"));
    detail->setStyleSheet(QStringLiteral("color: palette(dark);"));
    detail->setWordWrap(true);
    box->addWidget(title);
    box->addWidget(value);
    box->addWidget(detail);
    grid->addWidget(tile, index / 4, index % 4);
    m_values[key] = value;
    m_values[key + QStringLiteral("_detail")] = detail;
}

QString SummaryPage::value(const QString &key) const {
    const auto it = m_values.find(key);
    return it == m_values.end() ? QString() : it->second->text();
}

void SummaryPage::setStore(store::Store *store) {
    m_store = store;
    refresh();
}

void SummaryPage::showError(const QString &message) {
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void SummaryPage::refresh() {
    for (auto &[key, label] : m_values) label->clear();
    m_imports->setImports({});
    m_undo->setEnabled(false);
    if (!m_store) return;
    auto summary = m_store->summary();
    if (!summary) return showError(tr("Cannot read the store: %1").arg(qs(summary.message())));
    showError({});
    const auto &s = *summary;
    m_values[QStringLiteral("customers")]->setText(formatCount(s.customers));
    m_values[QStringLiteral("orders")]->setText(formatCount(s.orders));
    m_values[QStringLiteral("orders_detail")]->setText(tr("%1 sales · %2 returns and cancellations · %3 anonymous")
                                                           .arg(formatCount(s.saleOrders), formatCount(s.returnOrders),
                                                                formatCount(s.anonymousOrders)));
    m_values[QStringLiteral("customers_detail")]->setText(tr("%1 imports").arg(formatCount(s.imports)));
    m_values[QStringLiteral("order_lines")]->setText(formatCount(s.orderLines));
    m_values[QStringLiteral("opportunities")]->setText(formatCount(s.opportunities));
    m_values[QStringLiteral("interactions")]->setText(formatCount(s.interactions));
    m_values[QStringLiteral("surveys")]->setText(formatCount(s.surveys));
    m_values[QStringLiteral("campaigns")]->setText(formatCount(s.campaigns));
    m_values[QStringLiteral("net_revenue")]->setText(formatMoney(s.netRevenue));
    m_values[QStringLiteral("net_revenue_detail")]->setText(
        s.firstOrder && s.lastOrder ? tr("orders %1 – %2").arg(formatDate(*s.firstOrder), formatDate(*s.lastOrder))
                                    : tr("no orders yet"));
    auto imports = m_store->imports();
    if (!imports) return showError(tr("Cannot read the imports: %1").arg(qs(imports.message())));
    bool undoable = false;
    for (const auto &record : *imports) undoable = undoable || !record.undone;
    m_imports->setImports(std::move(imports.value()));
    m_table->resizeColumnsToContents();
    m_undo->setEnabled(undoable);
}

void SummaryPage::undoLastImport() {
    if (!m_store) return;
    const auto &imports = m_imports->imports();
    const auto last = std::find_if(imports.begin(), imports.end(), [](const auto &r) { return !r.undone; });
    if (last == imports.end()) return;
    const QString question = tr("Remove everything imported from %1 (%2 rows) and restore what it changed?")
                                 .arg(qs(last->fileName), formatCount(last->rowsImported));
    if (!m_confirm(this, question)) return;
    auto undone = m_store->undoLastImport();
    if (!undone) QMessageBox::warning(this, tr("Undo last import"), qs(undone.message()));
    refresh();
    emit storeModified();
}

} // namespace segdash::app
