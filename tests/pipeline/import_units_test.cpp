// Cleaning rules, country names, header keys and profile matching.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "import/cleaning.h"
#include "import/country.h"
#include "import/field_mapping.h"
#include "import/profile.h"

using namespace segdash::import;

TEST(Cleaning, WhitespaceIsTrimmedAndFoldedAndCounted) {
    std::string out;
    EXPECT_TRUE(normaliseWhitespace("  WHITE  HANGING\tHEART ", out));
    EXPECT_EQ(out, "WHITE HANGING HEART");
    EXPECT_FALSE(normaliseWhitespace("already clean", out));
    EXPECT_TRUE(normaliseWhitespace("1\xC2\xA0" "234", out)); // NBSP
    EXPECT_EQ(out, "1 234");
    EXPECT_TRUE(normaliseWhitespace("   ", out));
    EXPECT_EQ(out, "");
}

TEST(Cleaning, EmailsAreLowerCasedAndValidated) {
    EXPECT_EQ(normaliseEmail("  Anna.Kowalska@Acme.PL "), "anna.kowalska@acme.pl");
    EXPECT_EQ(normaliseEmail("not an address"), "");
    EXPECT_EQ(normaliseEmail("a b@c.d"), "");
}

TEST(Cleaning, FloatWrittenIdsLoseTheirDecimals) {
    std::string id = "17850.0";
    EXPECT_TRUE(normaliseNumericId(id));
    EXPECT_EQ(id, "17850");
    std::string other = "17850.5";
    EXPECT_FALSE(normaliseNumericId(other));
    std::string code = "A1.0";
    EXPECT_FALSE(normaliseNumericId(code));
}

TEST(Country, ManySpellingsMapToIso) {
    EXPECT_EQ(countryCode("Polska"), "PL");
    EXPECT_EQ(countryCode("Poland"), "PL");
    EXPECT_EQ(countryCode("pl "), "PL");
    EXPECT_EQ(countryCode("POL"), "PL");
    EXPECT_EQ(countryCode("EIRE"), "IE");
    EXPECT_EQ(countryCode("United Kingdom"), "GB");
    EXPECT_EQ(countryCode("U.K."), "GB");
    EXPECT_EQ(countryCode("Deutschland"), "DE");
    EXPECT_EQ(countryCode("RSA"), "ZA");
    EXPECT_EQ(countryCode("USA"), "US");
    EXPECT_EQ(countryCode("Україна"), "UA");
    EXPECT_EQ(countryCode("Czech Republic"), "CZ");
    EXPECT_FALSE(countryCode("European Community"));
    EXPECT_FALSE(countryCode("Unspecified"));
    EXPECT_FALSE(countryCode(""));
}

TEST(HeaderKey, FoldsCaseAndPunctuation) {
    EXPECT_EQ(headerKey(" Customer ID "), "customer_id");
    EXPECT_EQ(headerKey("Person - ID"), "person_id");
    EXPECT_EQ(headerKey("(Do Not Modify) Account"), "do_not_modify_account");
    EXPECT_EQ(headerKey("customer-id"), "customer_id");
}

TEST(Profiles, BuiltInsLoadAndVendorHeadersWin) {
    auto profiles = loadProfiles();
    ASSERT_TRUE(profiles.ok()) << profiles.message();
    EXPECT_GE(profiles->size(), 16u);
    const auto retail = matchProfile(*profiles, {"InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate",
                                                 "UnitPrice", "CustomerID", "Country"});
    ASSERT_TRUE(retail.profile);
    EXPECT_EQ(retail.profile->name, "online-retail");
    EXPECT_DOUBLE_EQ(retail.score, 1.0);
    const auto unknown = matchProfile(*profiles, {"foo", "bar"});
    EXPECT_EQ(unknown.profile->name, "generic");
    const auto generic = matchProfile(*profiles, {"order_id", "customer_id", "order_date", "revenue"});
    EXPECT_EQ(generic.profile->name, "generic");
    const FieldMapping m = mapHeaders(*generic.profile, {"order_id", "customer_id", "order_date", "revenue"});
    EXPECT_EQ(guessKind(m), RecordKind::Orders);
}

TEST(Profiles, RecipesAreSavedAndPreferred) {
    const auto dir = std::filesystem::temp_directory_path() / "segdash-recipes-test";
    std::filesystem::remove_all(dir);
    setenv("SEGDASH_RECIPES_DIR", dir.c_str(), 1);
    const std::vector<std::string> headers{"Kundennummer", "Umsatz", "Datum", "Beleg"};
    FieldMapping m;
    m.targets = {"customer_id", "revenue", "order_date", "order_id"};
    ASSERT_TRUE(saveRecipe(headers, m, RecordKind::Orders, "erp").ok());
    auto profiles = loadProfiles();
    ASSERT_TRUE(profiles.ok());
    const auto match = matchProfile(*profiles, headers);
    ASSERT_TRUE(match.profile);
    EXPECT_TRUE(match.profile->recipe);
    EXPECT_EQ(match.profile->kind, RecordKind::Orders);
    EXPECT_EQ(mapHeaders(*match.profile, headers).targets, m.targets);
    unsetenv("SEGDASH_RECIPES_DIR");
    std::filesystem::remove_all(dir);
}

TEST(Profiles, UnknownHeadersGetAGuessFromADistinctiveWord) {
    const std::vector<std::string> headers{"Customer E-mail Address", "Unit Price (EUR)", "Ship-to Country",
                                           "Favourite colour", "Secondary e-mail"};
    FieldMapping m;
    m.targets.resize(headers.size());
    const auto guessed = guessUnknownHeaders(headers, m);
    EXPECT_EQ(m.targets[0], "email");
    EXPECT_EQ(m.targets[1], "unit_price");
    EXPECT_EQ(m.targets[2], "country");
    EXPECT_EQ(m.targets[3], "");  // no hint: left for the user
    EXPECT_EQ(m.targets[4], "");  // e-mail is taken by the first column already
    EXPECT_EQ(guessed.size(), 3u);
}
