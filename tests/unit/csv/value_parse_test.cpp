#include <gtest/gtest.h>

#include "import/value_parse.h"

namespace segdash::import {
namespace {

struct AmountCase {
    const char *text;
    NumberFormat format;
    std::optional<std::int64_t> units; // nullopt = must be rejected
    const char *currency = "";
};

TEST(ValueParse, AmountsTable) {
    const std::vector<AmountCase> cases = {
        {"1.240.294,00", {',', '.'}, 12402940000},
        {"1 234,50", {',', ' '}, 12345000},
        {"1\u00A0234,50", {',', ' '}, 12345000},
        {"1\u202F000\u00A0000,25", {',', ' '}, 10000002500},
        {"1,234.50", {'.', ','}, 12345000},
        {"1'234.50", {'.', '\''}, 12345000},
        {"1234,5", {',', '\0'}, 12345000},
        {"1234,5", {',', '.'}, 12345000}, // grouping is optional
        {"0,0001", {',', '\0'}, 1},
        {",5", {',', '\0'}, 5000},
        {"  42  ", {'.', '\0'}, 420000},
        {"-7", {'.', '\0'}, -70000},
        {"+7", {'.', '\0'}, 70000},
        {"7-", {'.', '\0'}, -70000},
        {"(12.50)", {'.', '\0'}, -125000},
        {"922337203685.4775", {'.', '\0'}, 9223372036854775}, // beyond double's exact range
        {"€ 12,50", {',', '\0'}, 125000, "EUR"},
        {"(€ 12,50)", {',', '\0'}, -125000, "EUR"},
        {"-€12.50", {'.', '\0'}, -125000, "EUR"},
        {"12.50 PLN", {'.', '\0'}, 125000, "PLN"},
        {"$1,234.50", {'.', ','}, 12345000, "USD"},
        {"-12 zł", {',', '\0'}, -120000, "PLN"},
        {"£3", {'.', '\0'}, 30000, "GBP"},
        {"100 ₴", {'.', '\0'}, 1000000, "UAH"},
        {"1,2,3", {',', '\0'}, std::nullopt},
        {"12abc", {'.', '\0'}, std::nullopt},
        {"abc", {'.', '\0'}, std::nullopt},
        {"", {'.', '\0'}, std::nullopt},
        {"-", {'.', '\0'}, std::nullopt},
        {"12.", {'.', '\0'}, std::nullopt},
        {"12,34", {'.', ','}, std::nullopt},   // a group needs three digits
        {"1234,567", {'.', ','}, std::nullopt}, // the first group has at most three
        {"1.5", {',', '.'}, std::nullopt},
        {"1 234", {'.', '\0'}, std::nullopt},
        {"--5", {'.', '\0'}, std::nullopt},
        {"€12 USD", {'.', '\0'}, std::nullopt},
        {"1,5", {',', ','}, std::nullopt},      // decimal equal to thousands
        {"99999999999999999999", {'.', '\0'}, std::nullopt}, // overflows Money
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.text);
        const auto a = parseAmount(c.text, c.format);
        ASSERT_EQ(a.has_value(), c.units.has_value());
        if (!a) continue;
        EXPECT_EQ(a->value.units(), *c.units);
        EXPECT_EQ(a->currency, c.currency);
    }
}

TEST(ValueParse, NumberAsDouble) {
    EXPECT_DOUBLE_EQ(*parseNumber("1 234,50", {',', ' '}), 1234.5);
    EXPECT_DOUBLE_EQ(*parseNumber("-0.25", {'.', '\0'}), -0.25);
    EXPECT_FALSE(parseNumber("1.2.3", {'.', '\0'}));
}

TEST(ValueParse, CurrencyCodes) {
    EXPECT_EQ(currencyCode("€"), "EUR");
    EXPECT_EQ(currencyCode("zł"), "PLN");
    EXPECT_EQ(currencyCode("usd"), "USD");
    EXPECT_EQ(currencyCode("₴"), "UAH");
    EXPECT_EQ(currencyCode(" GBP "), "GBP");
    EXPECT_EQ(currencyCode("xyz"), "");
}

core::Timestamp at(const char *iso) { return *core::Timestamp::parseIso(iso); }

TEST(ValueParse, DatesInEveryOrder) {
    EXPECT_EQ(parseDateTime("2010-12-01 08:26:00", {DateOrder::YMD}), at("2010-12-01 08:26:00"));
    EXPECT_EQ(parseDateTime("2023-12-01T17:05", {DateOrder::YMD}), at("2023-12-01 17:05:00"));
    EXPECT_EQ(parseDateTime("2024/01/31", {DateOrder::DMY}), at("2024-01-31")); // 4-digit year first is never ambiguous
    EXPECT_EQ(parseDateTime("31.01.2024", {DateOrder::DMY}), at("2024-01-31"));
    EXPECT_EQ(parseDateTime("1.2.2024", {DateOrder::DMY}), at("2024-02-01"));
    EXPECT_FALSE(parseDateTime("31.01.2024", {DateOrder::MDY}));
    EXPECT_FALSE(parseDateTime("31.01.2024", {DateOrder::YMD}));
    EXPECT_EQ(parseDateTime("01/31/2024", {DateOrder::MDY}), at("2024-01-31"));
    EXPECT_FALSE(parseDateTime("01/31/2024", {DateOrder::DMY}));
    EXPECT_EQ(parseDateTime("1/2/24 3:45 PM", {DateOrder::MDY}), at("2024-01-02 15:45:00"));
    EXPECT_EQ(parseDateTime("1/2/99 12:00 AM", {DateOrder::MDY}), at("1999-01-02 00:00:00"));
    EXPECT_EQ(parseDateTime("29.02.2024 23:59:59", {DateOrder::DMY}), at("2024-02-29 23:59:59"));
}

TEST(ValueParse, BadDatesAreRejected) {
    for (const char *bad : {"2024-02-30", "2023-02-29", "31/04/2024", "2024-01-01 24:00", "2024-01-01 10:60",
                            "2024-01", "01.02-2024", "20240101", "yesterday", "", "2024-01-01 8:00 XM",
                            "13/13/2024", "1.2.345"}) {
        SCOPED_TRACE(bad);
        EXPECT_FALSE(parseDateTime(bad, {DateOrder::DMY}));
        EXPECT_FALSE(parseDateTime(bad, {DateOrder::MDY}));
    }
}

TEST(ValueParse, ExcelSerialDays) {
    const DateFormat excel{DateOrder::ExcelSerial};
    EXPECT_EQ(parseDateTime("1", excel), at("1900-01-01"));
    EXPECT_EQ(parseDateTime("59", excel), at("1900-02-28"));
    EXPECT_FALSE(parseDateTime("60", excel)); // Excel's 1900-02-29 never existed
    EXPECT_EQ(parseDateTime("61", excel), at("1900-03-01"));
    EXPECT_EQ(parseDateTime("45292", excel), at("2024-01-01"));
    EXPECT_EQ(parseDateTime("45292.5", excel), at("2024-01-01 12:00:00"));
    EXPECT_EQ(parseDateTime("45292,75", excel), at("2024-01-01 18:00:00"));
    EXPECT_FALSE(parseDateTime("0", excel));
    EXPECT_FALSE(parseDateTime("-5", excel));
    EXPECT_FALSE(parseDateTime("12x", excel));
    EXPECT_FALSE(parseDateTime("nan", excel));
}

TEST(ValueParse, DateOrderNames) {
    EXPECT_EQ(toString(DateOrder::YMD), "YMD");
    EXPECT_EQ(toString(DateOrder::DMY), "DMY");
    EXPECT_EQ(toString(DateOrder::MDY), "MDY");
    EXPECT_EQ(toString(DateOrder::ExcelSerial), "excel");
}

} // namespace
} // namespace segdash::import
