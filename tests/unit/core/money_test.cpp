#include <gtest/gtest.h>

#include "core/money.h"

using segdash::core::Money;

TEST(Money, ParsesPlainDecimalsExactly) {
    EXPECT_EQ(Money::parse("2.55")->units(), 25500);
    EXPECT_EQ(Money::parse("-0.001")->units(), -10);
    EXPECT_EQ(Money::parse("17")->units(), 170000);
    EXPECT_EQ(Money::parse("+3.5")->units(), 35000);
    EXPECT_EQ(Money::parse(".5")->units(), 5000);
}

TEST(Money, RoundsTheFifthDecimalHalfAwayFromZero) {
    EXPECT_EQ(Money::parse("0.00005")->units(), 1);
    EXPECT_EQ(Money::parse("-0.00005")->units(), -1);
    EXPECT_EQ(Money::parse("0.00004999")->units(), 0);
}

TEST(Money, RejectsWhatIsNotADecimal) {
    EXPECT_FALSE(Money::parse(""));
    EXPECT_FALSE(Money::parse("-"));
    EXPECT_FALSE(Money::parse("1.2.3"));
    EXPECT_FALSE(Money::parse("1,5"));
    EXPECT_FALSE(Money::parse("abc"));
    EXPECT_FALSE(Money::parse("99999999999999999999"));
}

TEST(Money, PrintsWithRequestedDecimals) {
    EXPECT_EQ(Money::fromUnits(97477479340).toString(2), "9747747.93");
    EXPECT_EQ(Money::fromUnits(-25).toString(2), "0.00"); // no negative zero
    EXPECT_EQ(Money::fromUnits(-50).toString(2), "-0.01");
    EXPECT_EQ(Money::fromUnits(12345).toString(4), "1.2345");
    EXPECT_EQ(Money::fromUnits(15000).toString(0), "2");
}

TEST(Money, SumsExactlyWhereDoublesDrift) {
    Money sum;
    for (int i = 0; i < 1000000; ++i) sum += *Money::parse("0.1");
    EXPECT_EQ(sum.units(), 1000000LL * 1000);
    EXPECT_EQ(Money::parse("2.55")->times(6).toString(2), "15.30");
}
