#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "csv_test_util.h"
#include "import/detect.h"

namespace segdash::import {
namespace {

namespace fs = std::filesystem;

// A generated ~50 MB file streams through with a buffer that never grows past a few chunks.
TEST(CsvReaderBig, FiftyMegabytesWithFlatMemory) {
    const fs::path path = fs::temp_directory_path() / ("segdash_csv_big_" + std::to_string(::getpid()) + ".csv");
    constexpr std::int64_t kRows = 600000;
    {
        std::ofstream out(path, std::ios::binary);
        out << "id,name,amount,when\n";
        std::string line;
        for (std::int64_t i = 1; i <= kRows; ++i) {
            line = std::to_string(i) + ",\"Customer " + std::to_string(i) + ", \"\"VIP\"\"\nsecond line\"," +
                   std::to_string(i % 1000) + ".25,2024-01-01 10:00:00,padding-padding-padding\n";
            out << line;
        }
    }
    ASSERT_GT(fs::file_size(path), 50'000'000u);
    auto reader = CsvReader::openFile(path.string(), CsvDialect{});
    ASSERT_TRUE(reader.ok()) << reader.message();
    CsvRecord rec;
    std::int64_t count = 0;
    std::size_t maxCapacity = 0;
    std::string lastName;
    while ((*reader)->next(rec)) {
        ++count;
        if (count % 4096 == 0) maxCapacity = std::max(maxCapacity, (*reader)->bufferCapacity());
        if (count == kRows + 1) lastName = std::string(rec.fields[1]);
    }
    fs::remove(path);
    EXPECT_EQ(count, kRows + 1);
    EXPECT_EQ(rec.line, 2 * kRows);
    EXPECT_EQ(lastName, "Customer 600000, \"VIP\"\nsecond line");
    EXPECT_EQ((*reader)->issueCount(), 0);
    EXPECT_LE(maxCapacity, 4 * CsvReader::kChunkBytes);
}

// An unterminated quote must not swallow a whole large file into memory.
TEST(CsvReaderBig, RunawayQuoteIsSplitAtTheRecordCap) {
    std::string bytes = "a,\"";
    bytes.append(CsvReader::kMaxRecordBytes + 2 * CsvReader::kChunkBytes, 'z');
    auto reader = CsvReader::openBytes(bytes, CsvDialect{});
    CsvRecord rec;
    std::size_t records = 0;
    std::size_t maxCapacity = 0;
    while ((*reader)->next(rec)) {
        ++records;
        maxCapacity = std::max(maxCapacity, (*reader)->bufferCapacity());
    }
    EXPECT_EQ(records, 2u);
    // std::string grows by doubling, so the bound is twice the record cap.
    EXPECT_LE(maxCapacity, 2 * (CsvReader::kMaxRecordBytes + 4 * CsvReader::kChunkBytes));
    ASSERT_GE((*reader)->issues().size(), 1u);
    EXPECT_NE((*reader)->issues()[0].message.find("split"), std::string::npos);
}

// The real Online Retail export (UCI), when the shared data folder is present.
TEST(CsvReaderBig, OnlineRetailFile) {
    const std::string path = SEGDASH_ONLINE_RETAIL_CSV;
    if (!fs::exists(path)) GTEST_SKIP() << "online_retail.csv not found at " << path << " (shared data absent)";
    const auto d = detectFile(path);
    ASSERT_TRUE(d.ok()) << d.message();
    EXPECT_EQ(d->encoding.value, "UTF-8");
    EXPECT_EQ(d->delimiter.value, ',');
    EXPECT_TRUE(d->hasHeader.value);
    ASSERT_EQ(d->columns.size(), 8u);
    EXPECT_EQ(d->columns[4].header, "InvoiceDate");
    EXPECT_EQ(d->columns[4].type, ColumnType::DateTime);
    EXPECT_EQ(d->columns[4].date.value.order, DateOrder::YMD);
    EXPECT_EQ(d->columns[5].header, "UnitPrice");
    EXPECT_EQ(d->columns[5].type, ColumnType::Decimal);
    EXPECT_EQ(d->columns[5].number.value.decimal, '.');

    auto reader = CsvReader::openFile(path, d->dialect());
    ASSERT_TRUE(reader.ok()) << reader.message();
    CsvRecord rec;
    std::int64_t count = 0, wrongWidth = 0;
    const auto start = std::chrono::steady_clock::now();
    while ((*reader)->next(rec)) {
        ++count;
        wrongWidth += rec.fields.size() != 8;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_EQ(count, 541910);
    EXPECT_EQ(wrongWidth, 0);
    const double mb = static_cast<double>((*reader)->totalBytes()) / 1e6;
    std::printf("[ timing ] online_retail.csv: %.1f MB in %.3f s = %.0f MB/s\n", mb, seconds, mb / seconds);
}

} // namespace
} // namespace segdash::import
