#pragma once
// Streaming transcoding of raw bytes to UTF-8. A Decoder is fed chunks of any size
// (multi-byte sequences may straddle chunk boundaries) and appends valid UTF-8 to an
// output string; every invalid sequence becomes U+FFFD and its offset in the output
// stream is remembered so the reader can report it with a line and column.
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"

namespace segdash::import {

enum class Bom { None, Utf8, Utf16Le, Utf16Be };

// Which BOM `bytes` starts with; `length` gets its size in bytes.
Bom detectBom(std::string_view bytes, std::size_t &length);
const char *encodingOfBom(Bom bom); // "UTF-8", "UTF-16LE", "UTF-16BE" (None -> "")

// Canonical spelling of an encoding name: "utf8" -> "UTF-8", "CP1250" -> "windows-1250",
// "latin2" -> "ISO-8859-2"; names ICU does not know are returned as given.
std::string canonicalEncoding(std::string_view name);
bool isUtf8Name(std::string_view name);

// True when `bytes` is well-formed UTF-8; a sequence cut by the end is accepted when
// `truncated` (the bytes are a sample of a longer file).
bool isValidUtf8(std::string_view bytes, bool truncated);

/// Incremental decoder from one encoding to UTF-8. Not copyable; one per stream.
class Decoder {
public:
    // Fails with "unknown encoding 'X'" when neither the UTF-8 fast path nor ICU knows it.
    static core::Result<std::unique_ptr<Decoder>> create(const std::string &encoding);
    virtual ~Decoder() = default;

    // Appends the UTF-8 form of `bytes` to `out`. With `last`, an incomplete
    // trailing sequence is flushed as U+FFFD.
    virtual void decode(std::string_view bytes, bool last, std::string &out) = 0;

    // Output offsets (counted from the start of the stream) of replaced sequences not
    // yet collected; capped, see droppedCount().
    std::deque<std::int64_t> &badOffsets() { return m_badOffsets; }
    std::int64_t takeDropped() { const auto d = m_dropped; m_dropped = 0; return d; }
    const std::string &name() const { return m_name; }
    std::string badMessage() const;

protected:
    explicit Decoder(std::string name) : m_name(std::move(name)) {}
    void noteBad(std::int64_t offset);
    std::int64_t m_written = 0; // output bytes so far

private:
    static constexpr std::size_t kMaxPending = 4096;
    std::string m_name;
    std::deque<std::int64_t> m_badOffsets;
    std::int64_t m_dropped = 0;
};

} // namespace segdash::import
