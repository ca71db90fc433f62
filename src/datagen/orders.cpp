// Orders, their lines, returns and cancellations, and the survey answers that follow
// some sales. A customer's orders are built in a small reused buffer, sorted by time
// and written; nothing outlives the customer.
#include <algorithm>
#include <array>
#include <cmath>

#include "datagen/context.h"

namespace segdash::datagen {
namespace {

constexpr int kMaxLines = 8;

struct LineRec {
    int product;
    int quantity; // negative on returns and cancellations
    core::Money price;
};

struct OrderRec {
    std::int64_t seconds;
    std::int64_t number;
    int kind; // 0 sale, 1 return, 2 cancellation
    int channel;
    int lineCount;
    std::array<LineRec, kMaxLines> lines;
};

struct SurveyRec {
    core::Date on;
    int nps, csat; // -1 = not answered
    int comment;   // -1 none, else index into the sentiment's comment list
};

int pickProduct(Context &ctx, Rng &rng, const Person &p) {
    const int cat = rng.chance(0.7) ? p.favouriteCategories[rng.index(3)] : int(rng.index(ctx.cat.categories.size()));
    return rng.pick(ctx.cat.byCategory[cat]);
}

void makeSale(Context &ctx, Rng &rng, const Person &p, double t, OrderRec &o) {
    const GroupProfile &g = groupProfiles()[p.group];
    o.seconds = momentOf(t).seconds;
    o.number = ++ctx.nextOrderNo;
    o.kind = 0;
    o.channel = rng.chance(0.8) ? p.orderChannel : int(rng.index(ctx.voc.orderChannels.size()));
    o.lineCount = std::min(kMaxLines, 1 + rng.poisson(g.linesMean - 1.0));
    for (int i = 0; i < o.lineCount; ++i) {
        LineRec &l = o.lines[i];
        l.product = pickProduct(ctx, rng, p);
        const Product &prod = ctx.cat.products[l.product];
        const double qtyMean = 1.0 + (g.quantityMean - 1.0) * prod.bulk;
        l.quantity = 1 + rng.poisson(qtyMean - 1.0);
        const double discount = std::clamp(g.discount + rng.normal(0, 0.03), 0.0, 0.5);
        l.price = core::Money::fromUnits(prod.listPrice.scaled(1.0 - discount).units() / 100 * 100);
    }
}

// A return (one line, part of its quantity) or a cancellation (everything) of `sale`.
bool makeReversal(Context &ctx, Rng &rng, const OrderRec &sale, bool cancel, OrderRec &o) {
    o = sale;
    if (cancel) { // within hours
        o.kind = 2;
        o.seconds = sale.seconds + rng.uniformInt(1800, 6 * 3600);
        for (int i = 0; i < o.lineCount; ++i) o.lines[i].quantity = -o.lines[i].quantity;
    } else {      // one line, within a month
        o.kind = 1;
        o.seconds = sale.seconds + std::int64_t(rng.uniformInt(2, 30)) * 86400 + rng.uniformInt(-3600, 3600);
        const int i = int(rng.index(std::size_t(sale.lineCount)));
        o.lines[0] = sale.lines[i];
        o.lines[0].quantity = -rng.uniformInt(1, sale.lines[i].quantity);
        o.lineCount = 1;
    }
    return o.seconds < ctx.endSeconds();
}

// Revenue and cost are sums over the lines, so they always match them exactly.
void writeOrder(Context &ctx, const OrderRec &o, const std::string &id, const std::string &customerId) {
    core::Money revenue, cost;
    for (int i = 0; i < o.lineCount; ++i) {
        const LineRec &l = o.lines[i];
        revenue += l.price.times(l.quantity);
        cost += ctx.cat.products[l.product].unitCost.times(l.quantity);
    }
    auto &w = *ctx.orders;
    using namespace col;
    w.text(kOrderId, id);
    w.text(kOrderCust, customerId);
    w.timestamp(kOrderDate, core::Timestamp{o.seconds});
    w.money(kRevenue, revenue);
    w.money(kCost, cost);
    w.text(kCurrency, ctx.voc.currency);
    w.text(kOrderChannel, ctx.voc.orderChannels[o.channel]);
    w.text(kKind, ctx.voc.orderKinds[o.kind]);
    w.endRow();
}

void writeLines(Context &ctx, const OrderRec &o, const std::string &id) {
    auto &lw = *ctx.lines;
    using namespace col;
    for (int i = 0; i < o.lineCount; ++i) {
        const LineRec &l = o.lines[i];
        const Product &prod = ctx.cat.products[l.product];
        lw.text(kLineOrder, id);
        lw.text(kProductCode, prod.code);
        lw.text(kProductName, prod.name);
        lw.text(kCategory, ctx.cat.categories[prod.category]);
        lw.integer(kQuantity, l.quantity);
        lw.money(kUnitPrice, l.price);
        lw.money(kUnitCost, prod.unitCost);
        lw.endRow();
    }
    ctx.summary.orderLines += o.lineCount;
}

void writeSurveys(Context &ctx, const std::vector<SurveyRec> &surveys, const Person &p) {
    auto &w = *ctx.surveys;
    const auto &v = ctx.voc;
    using namespace col;
    for (const auto &s : surveys) {
        w.text(kSvCust, p.id);
        w.date(kSvDate, s.on);
        if (s.nps >= 0) w.integer(kNps, s.nps);
        if (s.csat >= 0) w.integer(kCsat, s.csat);
        if (s.comment >= 0) {
            const auto &list = s.nps >= 9 ? v.goodComments : s.nps >= 7 || s.nps < 0 ? v.neutralComments : v.badComments;
            w.text(kComment, list[std::size_t(s.comment) % list.size()]);
        }
        w.endRow();
    }
    ctx.summary.surveys += std::int64_t(surveys.size());
}

void maybeSurvey(Context &ctx, Rng &rng, const GroupProfile &g, const OrderRec &sale, std::vector<SurveyRec> &out) {
    if (!rng.chance(g.surveyRate)) return;
    const auto on = core::Date{std::int32_t(sale.seconds / 86400 + rng.uniformInt(2, 14))};
    if (on.days >= std::int32_t(ctx.dataEnd)) return;
    SurveyRec s;
    s.on = on;
    s.nps = std::clamp(int(std::lround(rng.normal(g.npsMean, 1.6))), 0, 10);
    s.csat = std::clamp(int(std::lround(1.0 + s.nps * 0.4 + rng.normal(0, 0.5))), 1, 5);
    s.comment = rng.chance(0.3) ? int(rng.index(5)) : -1;
    if (rng.chance(0.08)) s.nps = -1;
    else if (rng.chance(0.08)) s.csat = -1;
    out.push_back(s);
}

} // namespace

void writeOrders(Context &ctx, Rng &rng, const Person &p) {
    static thread_local std::vector<OrderRec> orders;
    static thread_local std::vector<SurveyRec> surveys;
    orders.clear();
    surveys.clear();
    const GroupProfile &g = groupProfiles()[p.group];
    for (double t : ctx.history.purchases) {
        orders.emplace_back();
        makeSale(ctx, rng, p, t, orders.back());
        const OrderRec &sale = orders.back();
        maybeSurvey(ctx, rng, g, sale, surveys);
        const double u = rng.uniform();
        if (u < g.cancelRate + g.returnRate) {
            OrderRec rev;
            if (makeReversal(ctx, rng, sale, u < g.cancelRate, rev)) orders.push_back(rev);
        }
    }
    std::sort(orders.begin(), orders.end(), [](const OrderRec &a, const OrderRec &b) {
        return a.seconds != b.seconds ? a.seconds < b.seconds : a.kind < b.kind;
    });
    static const char *kPrefixes[] = {"SO-", "RT-", "CN-"};
    std::string id;
    for (const auto &o : orders) {
        id = formatId(kPrefixes[o.kind], o.number, 7);
        writeOrder(ctx, o, id, p.id);
        writeLines(ctx, o, id);
        (o.kind == 0 ? ctx.summary.sales : o.kind == 1 ? ctx.summary.returns : ctx.summary.cancellations) += 1;
    }
    ctx.summary.orderRows += std::int64_t(orders.size());
    writeSurveys(ctx, surveys, p);
}

} // namespace segdash::datagen
