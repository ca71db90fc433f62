#include <gtest/gtest.h>

#include "core/date.h"

using segdash::core::Date;
using segdash::core::Timestamp;

TEST(Date, RoundTripsCivilDates) {
    const auto d = Date::fromYmd(2011, 12, 9);
    ASSERT_TRUE(d);
    EXPECT_EQ(d->toIso(), "2011-12-09");
    EXPECT_EQ(Date::fromYmd(1970, 1, 1)->days, 0);
    EXPECT_EQ(Date::fromYmd(2000, 3, 1)->days - Date::fromYmd(2000, 2, 28)->days, 2); // leap year
    EXPECT_EQ(Date::fromYmd(1900, 3, 1)->days - Date::fromYmd(1900, 2, 28)->days, 1); // not leap
}

TEST(Date, RejectsImpossibleDates) {
    EXPECT_FALSE(Date::fromYmd(2023, 2, 29));
    EXPECT_FALSE(Date::fromYmd(2023, 13, 1));
    EXPECT_FALSE(Date::parseIso("2023-04-31"));
    EXPECT_FALSE(Date::parseIso("2023/04/01"));
}

TEST(Date, EndOfMonth) {
    EXPECT_EQ(Date::parseIso("2024-02-10")->endOfMonth().toIso(), "2024-02-29");
    EXPECT_EQ(Date::parseIso("2023-12-31")->endOfMonth().toIso(), "2023-12-31");
}

TEST(Timestamp, ParsesAndPrintsIso) {
    const auto t = Timestamp::parseIso("2010-12-01 08:26:00");
    ASSERT_TRUE(t);
    EXPECT_EQ(t->toIso(), "2010-12-01 08:26:00");
    EXPECT_EQ(t->date().toIso(), "2010-12-01");
    EXPECT_EQ(Timestamp::parseIso("2010-12-01T08:26")->secondOfDay(), 8 * 3600 + 26 * 60);
    EXPECT_FALSE(Timestamp::parseIso("2010-12-01 25:00"));
    EXPECT_EQ(Timestamp::parseIso("1969-12-31 23:00:00")->date().toIso(), "1969-12-31");
}
