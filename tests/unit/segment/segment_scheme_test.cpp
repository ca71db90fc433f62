// Named segment rules: first match wins, Others, the rfm-11 grid partition, text form.
#include <gtest/gtest.h>

#include <set>

#include "segment/segment_scheme.h"

using namespace segdash::segment;

TEST(SegmentRfm10, FirstMatchWins) {
    auto s = builtinScheme("rfm-10");
    ASSERT_TRUE(s);
    EXPECT_EQ(classify(*s, 5, 5, 5), "Champions");
    // 4/3/3 matches Potential Loyalist (3-5/3-5/2-5) and Loyal Customers (2-4 each): first wins.
    EXPECT_EQ(classify(*s, 4, 3, 3), "Potential Loyalist");
    // 2/3/5 matches Can't Lose Them (1-2/3-4/4-5) before At Risk (1-2/2-5/4-5).
    EXPECT_EQ(classify(*s, 2, 3, 5), "Can't Lose Them");
    EXPECT_EQ(classify(*s, 2, 5, 5), "At Risk");
    // 3/2/1: Promising needs M 3-5, so About To Sleep (2-3/1-3/1-4).
    EXPECT_EQ(classify(*s, 3, 2, 1), "About To Sleep");
    EXPECT_EQ(classify(*s, 1, 1, 1), "Lost");
    // 5/5/1: no rule covers it.
    EXPECT_EQ(classify(*s, 5, 5, 1), kOthersSegment);
}

TEST(SegmentRfm11, EveryCellOfTheGridHasExactlyOneName) {
    auto s = builtinScheme("rfm-11");
    ASSERT_TRUE(s);
    ASSERT_EQ(s->axes, SchemeAxes::RecencyVsFmMean);
    std::set<std::string> used;
    for (int r = 1; r <= 5; ++r) {
        for (int twice = 2; twice <= 10; ++twice) { // (F+M)/2 = 1, 1.5, ..., 5
            const double fm = twice / 2.0;
            int matches = 0;
            for (const auto &rule : s->rules)
                matches += rule.recency.contains(r) && rule.fmMean.contains(fm);
            EXPECT_EQ(matches, 1) << "R=" << r << " FM=" << fm;
            used.insert(classify(*s, r, twice / 2, twice - twice / 2));
        }
    }
    EXPECT_EQ(used.size(), 11u);
    EXPECT_EQ(used.count(kOthersSegment), 0u);
}

TEST(SegmentRfm11, CellsMatchTheDocumentedGrid) {
    auto s = builtinScheme("rfm-11");
    ASSERT_TRUE(s);
    EXPECT_EQ(classify(*s, 5, 5, 4), "Champions");       // FM 4.5
    EXPECT_EQ(classify(*s, 5, 1, 2), "Recent Customers"); // FM 1.5
    EXPECT_EQ(classify(*s, 4, 1, 1), "Promising");
    EXPECT_EQ(classify(*s, 4, 3, 4), "Potential Loyalist"); // FM 3.5
    EXPECT_EQ(classify(*s, 3, 4, 3), "Loyal Customers");    // FM 3.5
    EXPECT_EQ(classify(*s, 3, 3, 2), "Need Attention");     // FM 2.5
    EXPECT_EQ(classify(*s, 3, 1, 3), "About To Sleep");     // FM 2
    EXPECT_EQ(classify(*s, 2, 2, 1), "Hibernating");        // FM 1.5
    EXPECT_EQ(classify(*s, 2, 3, 4), "At Risk");            // FM 3.5
    EXPECT_EQ(classify(*s, 1, 5, 3), "Can't Lose Them");    // FM 4
    EXPECT_EQ(classify(*s, 1, 1, 1), "Lost");
}

TEST(SegmentAssign, CountsAndOthers) {
    auto s = builtinScheme("rfm-10");
    ASSERT_TRUE(s);
    std::vector<RfmScore> scores{{1, 5, 5, 5, 555}, {2, 5, 5, 1, 551}, {3, 1, 1, 1, 111}, {4, 5, 5, 5, 555}};
    auto a = assignSegments(*s, scores);
    ASSERT_TRUE(a);
    ASSERT_EQ(a->segmentNames.size(), 11u);
    EXPECT_EQ(a->segmentNames.back(), kOthersSegment);
    EXPECT_EQ(a->segmentOfCustomer, (std::vector<int>{0, 10, 9, 0}));
    EXPECT_EQ(a->counts[0], 2);
    EXPECT_EQ(a->counts[10], 1);
}

TEST(SegmentText, RoundTripOfBothBuiltins) {
    for (const auto &name : builtinSchemeNames()) {
        auto s = builtinScheme(name);
        ASSERT_TRUE(s);
        const auto text = serializeScheme(*s);
        auto back = parseScheme(text);
        ASSERT_TRUE(back) << back.message();
        EXPECT_EQ(back->name, name);
        EXPECT_EQ(back->axes, s->axes);
        ASSERT_EQ(back->rules.size(), s->rules.size());
        EXPECT_EQ(serializeScheme(*back), text);
    }
    auto s = builtinScheme("rfm-10");
    EXPECT_NE(serializeScheme(*s).find("Champions;5-5;5-5;5-5\n"), std::string::npos);
    auto g = builtinScheme("rfm-11");
    EXPECT_NE(serializeScheme(*g).find("Loyal Customers;3-3;3.5-5\n"), std::string::npos);
}

TEST(SegmentText, ParsesCommentsAndRejectsBadLines) {
    auto ok = parseScheme("# mine\nscheme=custom\n\nVIP;4-5;4-5;4-5\nRest;1-5;1-5;1-5\n");
    ASSERT_TRUE(ok) << ok.message();
    EXPECT_EQ(ok->rules.size(), 2u);
    EXPECT_EQ(classify(*ok, 4, 4, 5), "VIP");
    EXPECT_EQ(classify(*ok, 3, 4, 5), "Rest");
    auto bad = parseScheme("VIP;4-x;4-5;4-5\n");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.message(), "line 1: ranges must look like 3-5 (low-high)");
    EXPECT_FALSE(parseScheme("VIP;4-5;4-5\n"));           // three fields with r-f-m axes
    EXPECT_FALSE(parseScheme("VIP;5-4;1-5;1-5\n"));       // low above high
    EXPECT_FALSE(parseScheme("# nothing\n"));
    EXPECT_FALSE(builtinScheme("rfm-12"));
}
