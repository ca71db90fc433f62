#pragma once
// Streaming RFC 4180 reader: quoted fields may hold delimiters, newlines and doubled
// quotes. Input in any supported encoding is transcoded to UTF-8 on the fly; memory
// stays flat whatever the file size. Never crashes on any bytes: problems become
// warnings with a line and column, or a Status error for the fatal ones.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace segdash::import {

struct CsvDialect {
    char delimiter = ',';
    char quote = '"';           // '\0' = no quoting
    std::string encoding = "UTF-8"; // UTF-8, UTF-16LE, UTF-16BE, windows-1250, windows-1252, ISO-8859-1, ISO-8859-2, ...
};

struct CsvIssue {
    std::int64_t line = 0;      // 1-based physical line
    int column = 0;             // 1-based field number
    std::string message;
};

struct CsvRecord {
    std::vector<std::string_view> fields; // UTF-8, valid until the next call to next()
    std::int64_t line = 0;                // physical line where the record starts (1-based)
    std::int64_t index = 0;               // 0-based record number (the header is record 0)
};

class CsvReader {
public:
    // Opens a file; a leading BOM (UTF-8, UTF-16 LE/BE) is skipped and wins over
    // dialect.encoding. Fails on a missing or unreadable file or an unknown encoding.
    static core::Result<std::unique_ptr<CsvReader>> openFile(const std::string &path, const CsvDialect &dialect);
    // Reads from memory (tests, the fuzzer, previews). The bytes are copied.
    static core::Result<std::unique_ptr<CsvReader>> openBytes(std::string_view bytes, const CsvDialect &dialect);
    // As above with a chosen read-chunk size (tests use tiny chunks to cover boundaries).
    static core::Result<std::unique_ptr<CsvReader>> openBytes(std::string_view bytes, const CsvDialect &dialect,
                                                             std::size_t chunkBytes);

    static constexpr std::size_t kChunkBytes = 1 << 20;        // raw bytes read at a time
    static constexpr std::size_t kMaxRecordBytes = 32u << 20;  // longer records are split (issue)
    static constexpr std::size_t kMaxIssues = 1000;            // stored; all are counted
    virtual ~CsvReader() = default;

    // Next record; false at the end of input. Malformed input (a stray quote inside an
    // unquoted field, text after a closing quote, an unterminated quote at end of file,
    // bytes invalid in the encoding) is read leniently and noted in issues().
    virtual bool next(CsvRecord &record) = 0;
    virtual const std::vector<CsvIssue> &issues() const = 0; // capped; see issueCount()
    virtual std::int64_t issueCount() const = 0;
    virtual std::int64_t bytesConsumed() const = 0;          // of the raw input, for progress
    virtual std::int64_t totalBytes() const = 0;             // raw size, 0 if unknown
    virtual std::size_t bufferCapacity() const = 0;          // internal buffer bytes (stays bounded)
};

} // namespace segdash::import
