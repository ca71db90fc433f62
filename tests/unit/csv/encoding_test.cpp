#include <gtest/gtest.h>

#include "import/encoding.h"

namespace segdash::import {
namespace {

std::string decodeInChunks(const std::string &encoding, const std::string &bytes, std::size_t chunk,
                           std::vector<std::int64_t> *bad = nullptr) {
    auto decoder = Decoder::create(encoding);
    EXPECT_TRUE(decoder.ok()) << decoder.message();
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); i += chunk)
        (*decoder)->decode(std::string_view(bytes).substr(i, chunk), false, out);
    (*decoder)->decode({}, true, out);
    if (bad) bad->assign((*decoder)->badOffsets().begin(), (*decoder)->badOffsets().end());
    return out;
}

TEST(Encoding, CanonicalNames) {
    EXPECT_EQ(canonicalEncoding("utf8"), "UTF-8");
    EXPECT_EQ(canonicalEncoding("WINDOWS-1250"), "windows-1250");
    EXPECT_EQ(canonicalEncoding("cp1252"), "windows-1252");
    EXPECT_EQ(canonicalEncoding("latin2"), "ISO-8859-2");
    EXPECT_EQ(canonicalEncoding("KOI8-R"), "KOI8-R");
}

TEST(Encoding, Utf8ValidationEdgeCases) {
    EXPECT_TRUE(isValidUtf8("zażółć", false));
    EXPECT_FALSE(isValidUtf8("\xC0\xAF", false));         // overlong
    EXPECT_FALSE(isValidUtf8("\xED\xA0\x80", false));     // surrogate
    EXPECT_FALSE(isValidUtf8("\xF4\x90\x80\x80", false)); // above U+10FFFF
    EXPECT_FALSE(isValidUtf8("ab\xC5", false));           // cut at the end
    EXPECT_TRUE(isValidUtf8("ab\xC5", true));             // ... of a sample
}

TEST(Encoding, InvalidUtf8BecomesReplacementWhateverTheChunking) {
    const std::string bytes = "a\xFF" "b\xE2\x82" "c\xF0\x9F\x98\x80" "d\xE2\x82";
    const std::string expected = "a\xEF\xBF\xBD" "b\xEF\xBF\xBD\xEF\xBF\xBD" "c\xF0\x9F\x98\x80" "d\xEF\xBF\xBD\xEF\xBF\xBD";
    for (const std::size_t chunk : {1, 2, 3, 4, 100}) {
        SCOPED_TRACE(chunk);
        std::vector<std::int64_t> bad;
        EXPECT_EQ(decodeInChunks("UTF-8", bytes, chunk, &bad), expected);
        EXPECT_EQ(bad, (std::vector<std::int64_t>{1, 5, 8, 17, 20}));
    }
}

TEST(Encoding, Utf16SurrogatePairsAcrossChunks) {
    // "a😀" in UTF-16LE: 61 00, 3D D8 00 DE
    const std::string bytes("a\0\x3D\xD8\x00\xDE", 6);
    for (const std::size_t chunk : {1, 3, 6}) EXPECT_EQ(decodeInChunks("UTF-16LE", bytes, chunk), "a\xF0\x9F\x98\x80");
}

TEST(Encoding, LegacyCodePages) {
    EXPECT_EQ(decodeInChunks("windows-1250", "\xA3\xF3\x64\x9F", 1), "Łódź");
    EXPECT_EQ(decodeInChunks("windows-1252", "\x80 caf\xE9", 2), "€ café");
    EXPECT_EQ(decodeInChunks("ISO-8859-1", "\xE9", 1), "é");
}

TEST(Encoding, Boms) {
    std::size_t n = 0;
    EXPECT_EQ(detectBom("\xEF\xBB\xBFx", n), Bom::Utf8);
    EXPECT_EQ(n, 3u);
    EXPECT_EQ(detectBom("\xFF\xFEx", n), Bom::Utf16Le);
    EXPECT_EQ(detectBom("\xFE\xFFx", n), Bom::Utf16Be);
    EXPECT_EQ(detectBom("abc", n), Bom::None);
    EXPECT_EQ(n, 0u);
}

} // namespace
} // namespace segdash::import
