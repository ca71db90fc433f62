// The rule language: a tokenizer and a recursive-descent parser, plus the canonical text.
//   expr := or ; or := and ('OR' and)* ; and := not ('AND' not)* ;
//   not := 'NOT' not | '(' expr ')' | comparison ;
//   comparison := field op value | field 'IN' '(' value (',' value)* ')'
#include <cctype>
#include <charconv>
#include <cmath>
#include <sstream>

#include "segment/rules.h"

namespace segdash::segment {
namespace {

struct FieldName {
    const char *name;
    RuleField field;
};
constexpr FieldName kFields[] = {
    {"country", RuleField::Country}, {"industry", RuleField::Industry}, {"channel", RuleField::Channel},
    {"sales_rep", RuleField::SalesRep}, {"company_size", RuleField::CompanySize}, {"age_band", RuleField::AgeBand},
    {"recency_days", RuleField::RecencyDays}, {"frequency", RuleField::Frequency}, {"monetary", RuleField::Monetary},
    {"aov", RuleField::Aov}, {"avg_quarterly_order_value", RuleField::AvgQuarterlyOrderValue},
    {"tenure_days", RuleField::TenureDays}, {"margin", RuleField::Margin},
    {"orders_last_90_days", RuleField::OrdersLast90Days},
};

enum class Tok { End, Word, Number, Text, Op, LParen, RParen, Comma };

struct Token {
    Tok kind = Tok::End;
    std::string text; // word (as written), text contents, operator or number spelling
    double number = 0;
    std::size_t pos = 0; // 1-based
};

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto &ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return out;
}

std::string describe(const Token &t) {
    switch (t.kind) {
    case Tok::End: return "the end of the expression";
    case Tok::Text: return "the text '" + t.text + "'";
    default: return "'" + t.text + "'";
    }
}

core::Status errorAt(std::size_t pos, const std::string &what) {
    return core::Status::error("position " + std::to_string(pos) + ": " + what);
}

// Splits the whole expression into tokens first, so the parser only looks ahead by one.
class Lexer {
public:
    explicit Lexer(std::string_view s) : m_s(s) {}

    core::Result<std::vector<Token>> run() {
        std::vector<Token> out;
        while (true) {
            while (m_i < m_s.size() && std::isspace(static_cast<unsigned char>(m_s[m_i]))) ++m_i;
            Token t;
            t.pos = m_i + 1;
            if (m_i >= m_s.size()) break;
            if (auto s = next(t); !s.ok()) return s;
            out.push_back(std::move(t));
        }
        Token end;
        end.pos = m_s.size() + 1;
        out.push_back(end);
        return out;
    }

private:
    core::Status next(Token &t) {
        const char ch = m_s[m_i];
        if (std::isalpha(static_cast<unsigned char>(ch)) || ch == '_') return word(t);
        if (std::isdigit(static_cast<unsigned char>(ch)) || ch == '-' || ch == '.') return number(t);
        if (ch == '\'' || ch == '"') return quoted(t, ch);
        if (ch == '(' || ch == ')' || ch == ',') {
            t.kind = ch == '(' ? Tok::LParen : ch == ')' ? Tok::RParen : Tok::Comma;
            t.text = std::string(1, ch);
            ++m_i;
            return core::Status::success();
        }
        static constexpr const char *kOps[] = {"==", "!=", "<>", "<=", ">=", "=", "<", ">"};
        for (const char *op : kOps)
            if (m_s.substr(m_i).starts_with(op)) {
                t.kind = Tok::Op;
                t.text = op;
                m_i += t.text.size();
                return core::Status::success();
            }
        return errorAt(t.pos, std::string("unexpected character '") + ch + "'");
    }
    core::Status word(Token &t) {
        const std::size_t start = m_i;
        while (m_i < m_s.size() && (std::isalnum(static_cast<unsigned char>(m_s[m_i])) || m_s[m_i] == '_')) ++m_i;
        t.kind = Tok::Word;
        t.text = std::string(m_s.substr(start, m_i - start));
        return core::Status::success();
    }
    core::Status number(Token &t) {
        const std::size_t start = m_i;
        if (m_s[m_i] == '-') ++m_i;
        while (m_i < m_s.size() && (std::isdigit(static_cast<unsigned char>(m_s[m_i])) || m_s[m_i] == '.')) ++m_i;
        t.kind = Tok::Number;
        t.text = std::string(m_s.substr(start, m_i - start));
        const char *first = t.text.data();
        const char *last = first + t.text.size();
        const auto [end, ec] = std::from_chars(first, last, t.number);
        if (ec != std::errc() || end != last || t.text.find_first_of("0123456789") == std::string::npos ||
            t.text.find('e') != std::string::npos)
            return errorAt(t.pos, "'" + t.text + "' is not a number (use digits with a dot for decimals)");
        return core::Status::success();
    }
    core::Status quoted(Token &t, char quote) {
        const std::size_t end = m_s.find(quote, m_i + 1);
        if (end == std::string_view::npos) return errorAt(t.pos, std::string("text is not closed: expected ") + quote);
        t.kind = Tok::Text;
        t.text = std::string(m_s.substr(m_i + 1, end - m_i - 1));
        m_i = end + 1;
        return core::Status::success();
    }

    std::string_view m_s;
    std::size_t m_i = 0;
};

class Parser {
public:
    explicit Parser(std::vector<Token> tokens) : m_t(std::move(tokens)) {}

    core::Result<RuleExpr> parse() {
        auto e = orExpr();
        if (!e.ok()) return e;
        if (peek().kind != Tok::End)
            return errorAt(peek().pos, "expected AND, OR or the end of the expression, found " + describe(peek()));
        return e;
    }

private:
    const Token &peek() const { return m_t[m_i]; }
    bool keyword(const char *kw) const { return peek().kind == Tok::Word && lower(peek().text) == kw; }

    // One level of AND / OR: children joined by the keyword, flattened into one node.
    template <typename Next>
    core::Result<RuleExpr> chain(const char *kw, RuleExpr::Kind kind, Next next) {
        auto first = next();
        if (!first.ok() || !keyword(kw)) return first;
        RuleExpr node;
        node.kind = kind;
        node.children.push_back(std::move(*first));
        while (keyword(kw)) {
            ++m_i;
            auto more = next();
            if (!more.ok()) return more;
            node.children.push_back(std::move(*more));
        }
        return node;
    }
    core::Result<RuleExpr> orExpr() {
        return chain("or", RuleExpr::Kind::Or, [this] { return andExpr(); });
    }
    core::Result<RuleExpr> andExpr() {
        return chain("and", RuleExpr::Kind::And, [this] { return notExpr(); });
    }
    core::Result<RuleExpr> notExpr() {
        if (keyword("not")) {
            ++m_i;
            auto inner = notExpr();
            if (!inner.ok()) return inner;
            RuleExpr node;
            node.kind = RuleExpr::Kind::Not;
            node.children.push_back(std::move(*inner));
            return node;
        }
        if (peek().kind == Tok::LParen) {
            ++m_i;
            auto inner = orExpr();
            if (!inner.ok()) return inner;
            if (peek().kind != Tok::RParen) return errorAt(peek().pos, "expected ')', found " + describe(peek()));
            ++m_i;
            return inner;
        }
        return comparison();
    }

    core::Result<RuleExpr> comparison() {
        const Token &f = peek();
        RuleExpr node;
        bool known = false;
        if (f.kind == Tok::Word)
            for (const auto &k : kFields)
                if (lower(f.text) == k.name) node.field = k.field, known = true;
        if (!known) return errorAt(f.pos, "expected a field (e.g. country, recency_days) or '(' or NOT, found " + describe(f));
        ++m_i;
        if (keyword("in")) return inList(std::move(node));
        const Token &op = peek();
        if (op.kind != Tok::Op)
            return errorAt(op.pos, "expected an operator (=, !=, <, <=, >, >=, IN) after " + f.text + ", found " + describe(op));
        const std::string o = op.text;
        node.op = (o == "=" || o == "==") ? RuleOp::Eq : (o == "!=" || o == "<>") ? RuleOp::Ne
                : o == "<" ? RuleOp::Lt : o == "<=" ? RuleOp::Le : o == ">" ? RuleOp::Gt : RuleOp::Ge;
        if (isTextField(node.field) && node.op != RuleOp::Eq && node.op != RuleOp::Ne)
            return errorAt(op.pos, std::string(fieldName(node.field)) + " is a text field: expected =, != or IN");
        ++m_i;
        auto v = value(node.field);
        if (!v.ok()) return v.status();
        node.values.push_back(std::move(*v));
        return node;
    }

    core::Result<RuleExpr> inList(RuleExpr node) {
        node.op = RuleOp::In;
        ++m_i;
        if (peek().kind != Tok::LParen) return errorAt(peek().pos, "expected '(' after IN, found " + describe(peek()));
        do {
            ++m_i;
            auto v = value(node.field);
            if (!v.ok()) return v.status();
            node.values.push_back(std::move(*v));
        } while (peek().kind == Tok::Comma);
        if (peek().kind != Tok::RParen) return errorAt(peek().pos, "expected ',' or ')', found " + describe(peek()));
        ++m_i;
        return node;
    }

    core::Result<RuleValue> value(RuleField field) {
        const Token &t = peek();
        RuleValue v;
        if (isTextField(field)) {
            if (t.kind != Tok::Text)
                return errorAt(t.pos, std::string(fieldName(field)) + " is a text field: expected a quoted text, found " +
                                          describe(t));
            v.isText = true;
            v.text = t.text;
        } else {
            if (t.kind != Tok::Number)
                return errorAt(t.pos, std::string(fieldName(field)) + " is a number field: expected a number, found " +
                                          describe(t));
            v.number = t.number;
        }
        ++m_i;
        return v;
    }

    std::vector<Token> m_t;
    std::size_t m_i = 0;
};

std::string numberText(double v) {
    std::ostringstream out;
    out.precision(17);
    out << v;
    return out.str();
}

std::string valueText(const RuleValue &v) {
    if (!v.isText) return numberText(v.number);
    const char quote = v.text.find('\'') == std::string::npos ? '\'' : '"';
    return quote + v.text + quote;
}

// Parentheses only where a child binds more loosely than its parent.
std::string childText(const RuleExpr &child, RuleExpr::Kind parent) {
    const std::string s = serialize(child);
    const bool wrap = (child.kind == RuleExpr::Kind::Or && parent != RuleExpr::Kind::Or) ||
                      (child.kind == RuleExpr::Kind::And && parent == RuleExpr::Kind::Not);
    return wrap ? "(" + s + ")" : s;
}

} // namespace

bool isTextField(RuleField field) { return static_cast<int>(field) <= static_cast<int>(RuleField::AgeBand); }

const char *fieldName(RuleField field) {
    for (const auto &k : kFields)
        if (k.field == field) return k.name;
    return "?";
}

core::Result<RuleExpr> parseRuleExpression(std::string_view text) {
    auto tokens = Lexer(text).run();
    if (!tokens.ok()) return tokens.status();
    return Parser(std::move(*tokens)).parse();
}

core::Result<RuleScheme> parseRuleScheme(const std::string &text) {
    RuleScheme scheme;
    std::istringstream in(text);
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const auto first = line.find_first_not_of(" \t");
        if (first == std::string::npos || line[first] == '#') continue;
        const std::string where = "line " + std::to_string(number) + ": ";
        const auto colon = line.find(':');
        if (colon == std::string::npos) return core::Status::error(where + "expected 'Name: expression'");
        std::string name = line.substr(first, colon - first);
        while (!name.empty() && std::isspace(static_cast<unsigned char>(name.back()))) name.pop_back();
        if (name.empty()) return core::Status::error(where + "the segment name before ':' is empty");
        // Positions are reported within the whole line, not just the expression.
        auto expr = parseRuleExpression(std::string(colon + 1, ' ') + line.substr(colon + 1));
        if (!expr.ok()) return core::Status::error(where + expr.message());
        scheme.rules.push_back({std::move(name), std::move(*expr)});
    }
    if (scheme.rules.empty()) return core::Status::error("no rules: expected lines of 'Name: expression'");
    return scheme;
}

std::string serialize(const RuleExpr &expr) {
    using K = RuleExpr::Kind;
    if (expr.kind == K::Not) return "NOT " + childText(expr.children.front(), K::Not);
    if (expr.kind == K::And || expr.kind == K::Or) {
        std::string out;
        for (const auto &c : expr.children) {
            if (!out.empty()) out += expr.kind == K::And ? " AND " : " OR ";
            out += childText(c, expr.kind);
        }
        return out;
    }
    std::string out = fieldName(expr.field);
    if (expr.op == RuleOp::In) {
        out += " IN (";
        for (std::size_t i = 0; i < expr.values.size(); ++i) out += (i ? ", " : "") + valueText(expr.values[i]);
        return out + ")";
    }
    static constexpr const char *kOpText[] = {" = ", " != ", " < ", " <= ", " > ", " >= "};
    return out + kOpText[static_cast<int>(expr.op)] + valueText(expr.values.front());
}

std::string serialize(const RuleScheme &scheme) {
    std::string out;
    for (const auto &r : scheme.rules) out += r.name + ": " + serialize(r.expr) + "\n";
    return out;
}

} // namespace segdash::segment
