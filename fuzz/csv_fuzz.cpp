// libFuzzer target for segdash_csv: sniffs the bytes, reads them with the detected and
// a few fixed dialects, and checks that tiny read chunks give the same records as big
// ones (the chunk-boundary logic is where a streaming reader goes wrong).
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "import/detect.h"

using namespace segdash::import;

namespace {

struct Outcome {
    std::vector<std::string> cells; // fields joined with a separator per record
    std::vector<std::int64_t> lines;
    std::int64_t issues = 0;
    bool operator==(const Outcome &) const = default;
};

Outcome readAll(std::string_view bytes, const CsvDialect &dialect, std::size_t chunk, bool parseValues) {
    Outcome out;
    auto reader = CsvReader::openBytes(bytes, dialect, chunk);
    if (!reader) return out;
    CsvRecord rec;
    while ((*reader)->next(rec)) {
        std::string joined;
        for (const auto field : rec.fields) {
            joined.append(field);
            joined += '\x1F';
            if (parseValues && out.lines.size() < 20) {
                (void)parseAmount(field, {',', '.'});
                (void)parseNumber(field, {'.', ' '});
                (void)currencyCode(field);
                for (const auto order : {DateOrder::YMD, DateOrder::DMY, DateOrder::MDY, DateOrder::ExcelSerial})
                    (void)parseDateTime(field, {order});
            }
        }
        out.cells.push_back(std::move(joined));
        out.lines.push_back(rec.line);
    }
    out.issues = (*reader)->issueCount();
    return out;
}

void checkDialect(std::string_view bytes, const CsvDialect &dialect, std::size_t smallChunk) {
    const Outcome big = readAll(bytes, dialect, 1 << 16, true);
    const Outcome small = readAll(bytes, dialect, smallChunk, false);
    if (!(big == small)) std::abort(); // chunking must never change what is read
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char *>(data), size);
    const std::size_t smallChunk = size > 0 ? 1 + data[0] % 7 : 1;
    DetectOptions options;
    options.sampleBytes = 1 << 16;
    if (auto detection = detectBytes(bytes, options)) checkDialect(bytes, detection->dialect(), smallChunk);
    checkDialect(bytes, CsvDialect{',', '"', "UTF-8"}, smallChunk);
    checkDialect(bytes, CsvDialect{';', '"', "windows-1250"}, smallChunk);
    checkDialect(bytes, CsvDialect{'\t', '\0', "UTF-16LE"}, smallChunk);
    checkDialect(bytes, CsvDialect{'|', '\'', "UTF-8"}, smallChunk);
    return 0;
}
