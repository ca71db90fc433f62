// The rule language: precedence, NOT, parentheses, IN, keywords in any case, errors with
// positions, the scheme text form and the canonical text.
#include <gtest/gtest.h>

#include "segment/rules.h"

using namespace segdash::segment;
using K = RuleExpr::Kind;

namespace {

RuleExpr parseOk(const std::string &text) {
    auto e = parseRuleExpression(text);
    EXPECT_TRUE(e.ok()) << text << ": " << e.message();
    return e.ok() ? *e : RuleExpr{};
}

std::string errorOf(const std::string &text) {
    auto e = parseRuleExpression(text);
    EXPECT_FALSE(e.ok()) << text;
    return e.message();
}

TEST(RulesParse, SingleComparison) {
    const auto e = parseOk("frequency >= 3");
    EXPECT_EQ(e.kind, K::Compare);
    EXPECT_EQ(e.field, RuleField::Frequency);
    EXPECT_EQ(e.op, RuleOp::Ge);
    ASSERT_EQ(e.values.size(), 1u);
    EXPECT_DOUBLE_EQ(e.values[0].number, 3);
}

TEST(RulesParse, AllOperatorsAndDecimals) {
    EXPECT_EQ(parseOk("aov = 1").op, RuleOp::Eq);
    EXPECT_EQ(parseOk("aov == 1").op, RuleOp::Eq);
    EXPECT_EQ(parseOk("aov != 1").op, RuleOp::Ne);
    EXPECT_EQ(parseOk("aov < 1").op, RuleOp::Lt);
    EXPECT_EQ(parseOk("aov <= 1").op, RuleOp::Le);
    EXPECT_EQ(parseOk("aov > 1").op, RuleOp::Gt);
    EXPECT_DOUBLE_EQ(parseOk("margin>-12.75").values[0].number, -12.75);
}

TEST(RulesParse, AndBindsTighterThanOr) {
    // a OR b AND c == a OR (b AND c)
    const auto e = parseOk("country = 'PL' OR frequency > 1 AND monetary > 5");
    ASSERT_EQ(e.kind, K::Or);
    ASSERT_EQ(e.children.size(), 2u);
    EXPECT_EQ(e.children[0].kind, K::Compare);
    EXPECT_EQ(e.children[1].kind, K::And);
    EXPECT_EQ(serialize(e), "country = 'PL' OR frequency > 1 AND monetary > 5");
}

TEST(RulesParse, ParenthesesOverridePrecedence) {
    const auto e = parseOk("(country = 'PL' OR frequency > 1) AND monetary > 5");
    ASSERT_EQ(e.kind, K::And);
    EXPECT_EQ(e.children[0].kind, K::Or);
    EXPECT_EQ(serialize(e), "(country = 'PL' OR frequency > 1) AND monetary > 5");
}

TEST(RulesParse, NotBindsTighterThanAnd) {
    const auto e = parseOk("not country = 'PL' and frequency > 1");
    ASSERT_EQ(e.kind, K::And);
    EXPECT_EQ(e.children[0].kind, K::Not);
    const auto n = parseOk("NOT (country = 'PL' AND frequency > 1)");
    ASSERT_EQ(n.kind, K::Not);
    EXPECT_EQ(n.children[0].kind, K::And);
    EXPECT_EQ(serialize(n), "NOT (country = 'PL' AND frequency > 1)");
    EXPECT_EQ(parseOk("NOT NOT aov > 1").children[0].kind, K::Not);
}

TEST(RulesParse, ChainsAreFlat) {
    const auto e = parseOk("aov > 1 OR aov > 2 Or aov > 3");
    ASSERT_EQ(e.kind, K::Or);
    EXPECT_EQ(e.children.size(), 3u);
}

TEST(RulesParse, InListWithBothQuotes) {
    const auto e = parseOk("Country in ('PL', \"DE\",'it')");
    EXPECT_EQ(e.op, RuleOp::In);
    ASSERT_EQ(e.values.size(), 3u);
    EXPECT_EQ(e.values[1].text, "DE");
    EXPECT_EQ(serialize(e), "country IN ('PL', 'DE', 'it')");
    EXPECT_EQ(parseOk("frequency IN (1, 2)").values[1].number, 2);
}

TEST(RulesParse, ErrorsNamePositionAndExpectation) {
    EXPECT_EQ(errorOf("frequency >"), "position 12: frequency is a number field: expected a number, found the end of the expression");
    EXPECT_EQ(errorOf("colour = 'red'"), "position 1: expected a field (e.g. country, recency_days) or '(' or NOT, found 'colour'");
    EXPECT_EQ(errorOf("country > 'PL'"), "position 9: country is a text field: expected =, != or IN");
    EXPECT_EQ(errorOf("country = PL"), "position 11: country is a text field: expected a quoted text, found 'PL'");
    EXPECT_EQ(errorOf("aov = 'x'"), "position 7: aov is a number field: expected a number, found the text 'x'");
    EXPECT_EQ(errorOf("(aov > 1"), "position 9: expected ')', found the end of the expression");
    EXPECT_EQ(errorOf("aov > 1 aov > 2"), "position 9: expected AND, OR or the end of the expression, found 'aov'");
    EXPECT_EQ(errorOf("aov 5"), "position 5: expected an operator (=, !=, <, <=, >, >=, IN) after aov, found '5'");
    EXPECT_EQ(errorOf("country IN 'PL'"), "position 12: expected '(' after IN, found the text 'PL'");
    EXPECT_EQ(errorOf("country IN ('PL' 'DE')"), "position 18: expected ',' or ')', found the text 'DE'");
    EXPECT_EQ(errorOf("country = 'PL"), "position 11: text is not closed: expected '");
    EXPECT_EQ(errorOf("aov > 1.2.3"), "position 7: '1.2.3' is not a number (use digits with a dot for decimals)");
    EXPECT_EQ(errorOf("aov > 1 ; x"), "position 9: unexpected character ';'");
    EXPECT_EQ(errorOf(""), "position 1: expected a field (e.g. country, recency_days) or '(' or NOT, found the end of the expression");
}

TEST(RulesParse, SchemeLinesCommentsAndErrors) {
    const std::string text = "# premium first\n\nPremium: avg_quarterly_order_value > 10000\r\n"
                             "  Retail PL : industry = 'retail' AND country = 'PL'\n";
    auto s = parseRuleScheme(text);
    ASSERT_TRUE(s.ok()) << s.message();
    ASSERT_EQ(s->rules.size(), 2u);
    EXPECT_EQ(s->rules[0].name, "Premium");
    EXPECT_EQ(s->rules[1].name, "Retail PL");
    EXPECT_EQ(serialize(*s), "Premium: avg_quarterly_order_value > 10000\n"
                             "Retail PL: industry = 'retail' AND country = 'PL'\n");
    // Positions count from the start of the line.
    EXPECT_EQ(parseRuleScheme("A: aov > 1\nB: aov >").message(),
              "line 2: position 9: aov is a number field: expected a number, found the end of the expression");
    EXPECT_EQ(parseRuleScheme("A aov > 1").message(), "line 1: expected 'Name: expression'");
    EXPECT_EQ(parseRuleScheme(" : aov > 1").message(), "line 1: the segment name before ':' is empty");
    EXPECT_EQ(parseRuleScheme("# only a comment\n").message(), "no rules: expected lines of 'Name: expression'");
}

TEST(RulesParse, SerializeRoundTrips) {
    const std::string text = "A: NOT (aov > 1.5 OR country IN ('PL', \"O'Neil\")) AND tenure_days <= 30\n"
                             "B: recency_days > 180 OR orders_last_90_days = 0\n";
    auto s = parseRuleScheme(text);
    ASSERT_TRUE(s.ok()) << s.message();
    const std::string once = serialize(*s);
    EXPECT_EQ(once, text);
    auto again = parseRuleScheme(once);
    ASSERT_TRUE(again.ok()) << again.message();
    EXPECT_EQ(serialize(*again), once);
}

} // namespace
