#include "import/csv_reader.h"

#include <array>
#include <cstdio>
#include <cstring>
#include <utility>

#include "import/encoding.h"

namespace segdash::import {
namespace {

class ByteSource {
public:
    virtual ~ByteSource() = default;
    virtual std::size_t read(char *dst, std::size_t n) = 0;
    virtual std::int64_t total() const = 0;
};

class FileSource final : public ByteSource {
public:
    FileSource(std::FILE *f, std::int64_t size) : m_file(f), m_size(size) {}
    ~FileSource() override { std::fclose(m_file); }
    FileSource(const FileSource &) = delete;
    FileSource &operator=(const FileSource &) = delete;
    std::size_t read(char *dst, std::size_t n) override { return std::fread(dst, 1, n, m_file); }
    std::int64_t total() const override { return m_size; }

private:
    std::FILE *m_file;
    std::int64_t m_size;
};

class MemorySource final : public ByteSource {
public:
    explicit MemorySource(std::string_view bytes) : m_data(bytes) {}
    std::size_t read(char *dst, std::size_t n) override {
        n = std::min(n, m_data.size() - m_pos);
        std::memcpy(dst, m_data.data() + m_pos, n);
        m_pos += n;
        return n;
    }
    std::int64_t total() const override { return static_cast<std::int64_t>(m_data.size()); }

private:
    std::string m_data;
    std::size_t m_pos = 0;
};

inline unsigned char uc(char c) { return static_cast<unsigned char>(c); }

// The state machine keeps everything as offsets into m_buf so that it can stop at any
// byte when a chunk ends and resume after the buffer has been compacted and refilled.
class StreamReader final : public CsvReader {
public:
    StreamReader(std::unique_ptr<ByteSource> src, const CsvDialect &dialect, std::size_t chunk)
        : m_src(std::move(src)), m_delim(dialect.delimiter), m_quote(dialect.quote), m_chunk(chunk) {
        m_plain.fill(false);
        m_inQuote.fill(false);
        for (const char c : {m_delim, '\n', '\r'}) m_plain[uc(c)] = true;
        if (m_quote) m_plain[uc(m_quote)] = true;
        for (const char c : {m_quote, '\n', '\r'}) m_inQuote[uc(c)] = true;
    }

    core::Status start(const std::string &encoding) {
        // The first read is at least 4 bytes so that a BOM is never cut.
        std::string head(std::max<std::size_t>(m_chunk, 4), '\0');
        std::size_t n = 0;
        while (n < 4) {
            const std::size_t got = m_src->read(head.data() + n, head.size() - n);
            if (got == 0) break;
            n += got;
        }
        head.resize(n);
        m_consumed = static_cast<std::int64_t>(n);
        std::size_t bomLength = 0;
        const Bom bom = detectBom(head, bomLength);
        auto decoder = Decoder::create(bom == Bom::None ? encoding : std::string(encodingOfBom(bom)));
        if (!decoder) return decoder.status();
        m_dec = std::move(decoder.value());
        m_raw.resize(m_chunk);
        m_dec->decode(std::string_view(head).substr(bomLength), false, m_buf);
        return core::Status::success();
    }

    bool next(CsvRecord &record) override {
        for (;;) {
            bool done = parse();
            if (!done && m_eof) {
                if (!m_inRecord) return false;
                if (m_state == St::Quoted)
                    addIssue(m_fieldLine, column(), "quoted field not closed at end of file");
                finishField();
                done = true;
            } else if (!done && m_inRecord && m_buf.size() - m_recStart > kMaxRecordBytes) {
                addIssue(m_recLine, column(), "record longer than 32 MiB split here");
                finishField();
                done = true;
            }
            if (done) {
                attributeDecodeIssues();
                const bool blank = m_spans.size() == 1 && m_spans[0].second == 0 && !m_anyQuoted;
                if (!blank) { emit(record); resetRecord(); return true; }
                resetRecord();
                continue;
            }
            refill();
        }
    }

    const std::vector<CsvIssue> &issues() const override { return m_issues; }
    std::int64_t issueCount() const override { return m_issueCount; }
    std::int64_t bytesConsumed() const override { return m_consumed; }
    std::int64_t totalBytes() const override { return m_src->total(); }
    std::size_t bufferCapacity() const override { return m_buf.capacity() + m_raw.capacity(); }

private:
    enum class St : unsigned char { FieldStart, Unquoted, Quoted, AfterQuote };

    int column() const { return static_cast<int>(m_spans.size()) + 1; }
    void push(std::size_t start, std::size_t length) { m_spans.emplace_back(start, length); }

    // Consumes "\n", "\r\n" or a lone "\r"; false when a "\r" ends the buffer before EOF.
    bool consumeNewline(const char *b, std::size_t &p, std::size_t end) {
        if (b[p] == '\r') {
            if (p + 1 == end && !m_eof) return false;
            p += (p + 1 < end && b[p + 1] == '\n') ? 2 : 1;
        } else {
            ++p;
        }
        ++m_line;
        return true;
    }

    void beginField(char *b, std::size_t &p) {
        if (!m_inRecord) { m_inRecord = true; m_recStart = p; m_recLine = m_line; }
        m_fieldIssue = false;
        if (m_quote && b[p] == m_quote) {
            m_anyQuoted = true;
            m_fieldLine = m_line;
            m_fieldStart = m_write = ++p;
            m_state = St::Quoted;
        } else {
            m_fieldStart = p;
            m_state = St::Unquoted;
        }
    }

    enum class Step { Field, NeedMore, RecordEnd };

    // Returns true when a record ended; false when the buffer ran out (state saved).
    bool parse() {
        char *b = m_buf.data();
        const std::size_t end = m_buf.size();
        std::size_t p = m_pos;
        Step step = Step::Field;
        while (step == Step::Field) {
            switch (m_state) {
            case St::FieldStart:
                if (p == end) step = Step::NeedMore;
                else beginField(b, p);
                break;
            case St::Unquoted: step = parseUnquoted(b, p, end); break;
            case St::Quoted: step = parseQuoted(b, p, end) ? Step::Field : Step::NeedMore; break;
            case St::AfterQuote: step = parseAfterQuote(b, p, end); break;
            }
        }
        m_pos = p;
        return step == Step::RecordEnd;
    }

    Step endRecord(const char *b, std::size_t &p, std::size_t end, std::size_t fieldLength) {
        if (!consumeNewline(b, p, end)) return Step::NeedMore;
        push(m_fieldStart, fieldLength);
        m_state = St::FieldStart;
        return Step::RecordEnd;
    }

    // The hot loop: a table lookup per byte until a delimiter, line break or quote.
    Step parseUnquoted(const char *b, std::size_t &p, std::size_t end) {
        for (;;) {
            while (p < end && !m_plain[uc(b[p])]) ++p;
            if (p == end) return Step::NeedMore;
            const char c = b[p];
            if (c == m_delim) {
                push(m_fieldStart, p - m_fieldStart);
                ++p;
                m_state = St::FieldStart;
                return Step::Field;
            }
            if (c == '\n' || c == '\r') return endRecord(b, p, end, p - m_fieldStart);
            if (!m_fieldIssue) addIssue(m_line, column(), "stray quote in unquoted field");
            m_fieldIssue = true;
            ++p;
        }
    }

    // After a closing quote: text up to the delimiter is kept (lenient) and noted.
    Step parseAfterQuote(char *b, std::size_t &p, std::size_t end) {
        for (;;) {
            if (p == end) return Step::NeedMore;
            const char c = b[p];
            if (c == m_delim) {
                push(m_fieldStart, m_write - m_fieldStart);
                ++p;
                m_state = St::FieldStart;
                return Step::Field;
            }
            if (c == '\n' || c == '\r') return endRecord(b, p, end, m_write - m_fieldStart);
            if (!m_fieldIssue) addIssue(m_line, column(), "text after closing quote");
            m_fieldIssue = true;
            b[m_write++] = c;
            ++p;
        }
    }

    // Inside quotes: copies content down over doubled quotes; false if input ran out.
    bool parseQuoted(char *b, std::size_t &p, std::size_t end) {
        for (;;) {
            std::size_t q = p;
            while (q < end && !m_inQuote[uc(b[q])]) ++q;
            if (m_write != p) std::memmove(b + m_write, b + p, q - p);
            m_write += q - p;
            p = q;
            if (p == end) return false;
            if (b[p] == m_quote) {
                if (p + 1 == end && !m_eof) return false;
                if (p + 1 < end && b[p + 1] == m_quote) { b[m_write++] = m_quote; p += 2; continue; }
                ++p;
                m_state = St::AfterQuote;
                return true;
            }
            const std::size_t start = p;
            if (!consumeNewline(b, p, end)) return false;
            for (std::size_t k = start; k < p; ++k) b[m_write++] = b[k];
        }
    }

    // Closes the open field at EOF or at a forced split.
    void finishField() {
        if (m_state == St::Unquoted) push(m_fieldStart, m_pos - m_fieldStart);
        else if (m_state == St::Quoted || m_state == St::AfterQuote) push(m_fieldStart, m_write - m_fieldStart);
        else push(m_pos, 0);
        m_state = St::FieldStart;
    }

    void emit(CsvRecord &record) {
        const char *b = m_buf.data();
        record.fields.resize(m_spans.size());
        for (std::size_t i = 0; i < m_spans.size(); ++i)
            record.fields[i] = std::string_view(b + m_spans[i].first, m_spans[i].second);
        record.line = m_recLine;
        record.index = m_index++;
    }

    void resetRecord() {
        m_spans.clear();
        m_inRecord = false;
        m_anyQuoted = false;
        m_state = St::FieldStart;
    }

    void refill() {
        const std::size_t keep = m_inRecord ? m_recStart : m_pos;
        if (keep > 0) {
            m_buf.erase(0, keep);
            m_bufBase += static_cast<std::int64_t>(keep);
            m_pos -= keep;
            if (m_inRecord) {
                m_recStart -= keep;
                m_fieldStart -= keep;
                m_write -= keep; // may wrap when stale; it is reset before its next use
                for (auto &span : m_spans) span.first -= keep;
            }
        }
        const std::size_t n = m_src->read(m_raw.data(), m_chunk);
        m_consumed += static_cast<std::int64_t>(n);
        if (n == 0) {
            m_dec->decode({}, true, m_buf);
            m_eof = true;
            return;
        }
        m_dec->decode(std::string_view(m_raw.data(), n), false, m_buf);
    }

    void attributeDecodeIssues() {
        auto &bad = m_dec->badOffsets();
        m_issueCount += m_dec->takeDropped();
        const std::int64_t endGlobal = m_bufBase + static_cast<std::int64_t>(m_pos);
        while (!bad.empty() && bad.front() < endGlobal) {
            const std::int64_t local = bad.front() - m_bufBase;
            bad.pop_front();
            std::int64_t line = m_recLine;
            int col = 1;
            if (local >= static_cast<std::int64_t>(m_recStart)) {
                for (auto k = static_cast<std::int64_t>(m_recStart); k < local; ++k) {
                    const char c = m_buf[static_cast<std::size_t>(k)];
                    if (c == '\n' || (c == '\r' && (k + 1 >= local || m_buf[static_cast<std::size_t>(k + 1)] != '\n'))) ++line;
                }
                for (std::size_t i = 0; i < m_spans.size(); ++i)
                    if (static_cast<std::int64_t>(m_spans[i].first) <= local + 1) col = static_cast<int>(i) + 1;
            }
            addIssue(line, col, m_dec->badMessage());
        }
    }

    void addIssue(std::int64_t line, int col, std::string message) {
        ++m_issueCount;
        if (m_issues.size() >= kMaxIssues) return;
        if (!m_issues.empty() && m_issues.back().line == line && m_issues.back().column == col &&
            m_issues.back().message == message)
            return; // one note per field is enough
        m_issues.push_back(CsvIssue{line, col, std::move(message)});
    }

    std::unique_ptr<ByteSource> m_src;
    std::unique_ptr<Decoder> m_dec;
    const char m_delim;
    const char m_quote;
    const std::size_t m_chunk;
    std::array<bool, 256> m_plain{};
    std::array<bool, 256> m_inQuote{};

    std::string m_raw;
    std::string m_buf;        // decoded UTF-8; [m_pos, size) not parsed yet
    std::size_t m_pos = 0;
    std::int64_t m_bufBase = 0; // stream offset of m_buf[0]
    std::int64_t m_consumed = 0;
    bool m_eof = false;

    St m_state = St::FieldStart;
    bool m_inRecord = false;
    bool m_anyQuoted = false;
    bool m_fieldIssue = false;
    std::size_t m_recStart = 0;
    std::size_t m_fieldStart = 0;
    std::size_t m_write = 0;
    std::int64_t m_line = 1;
    std::int64_t m_recLine = 1;
    std::int64_t m_fieldLine = 1;
    std::int64_t m_index = 0;
    std::vector<std::pair<std::size_t, std::size_t>> m_spans;

    std::vector<CsvIssue> m_issues;
    std::int64_t m_issueCount = 0;
};

core::Status checkDialect(const CsvDialect &d) {
    if (d.delimiter == '\n' || d.delimiter == '\r') return core::Status::error("the delimiter cannot be a line break");
    if (d.quote == '\n' || d.quote == '\r') return core::Status::error("the quote cannot be a line break");
    if (d.quote && d.quote == d.delimiter) return core::Status::error("the quote and the delimiter must differ");
    return core::Status::success();
}

core::Result<std::unique_ptr<CsvReader>> openSource(std::unique_ptr<ByteSource> src, const CsvDialect &dialect,
                                                    std::size_t chunk) {
    if (auto st = checkDialect(dialect); !st) return st;
    // Small inputs get a small buffer: a 1 MiB chunk for a 100-byte preview is waste.
    const auto total = static_cast<std::size_t>(std::max<std::int64_t>(src->total(), 0));
    if (total > 0 && total < chunk) chunk = total;
    auto reader = std::make_unique<StreamReader>(std::move(src), dialect, std::max<std::size_t>(chunk, 1));
    if (auto st = reader->start(dialect.encoding); !st) return st;
    return std::unique_ptr<CsvReader>(std::move(reader));
}

} // namespace

core::Result<std::unique_ptr<CsvReader>> CsvReader::openFile(const std::string &path, const CsvDialect &dialect) {
    std::FILE *f = std::fopen(path.c_str(), "rb");
    if (!f) return core::Status::error("cannot open '" + path + "': " + std::strerror(errno));
    std::int64_t size = 0;
    if (std::fseek(f, 0, SEEK_END) == 0) {
        size = std::ftell(f);
        std::fseek(f, 0, SEEK_SET);
    }
    return openSource(std::make_unique<FileSource>(f, size < 0 ? 0 : size), dialect, kChunkBytes);
}

core::Result<std::unique_ptr<CsvReader>> CsvReader::openBytes(std::string_view bytes, const CsvDialect &dialect) {
    return openBytes(bytes, dialect, kChunkBytes);
}

core::Result<std::unique_ptr<CsvReader>> CsvReader::openBytes(std::string_view bytes, const CsvDialect &dialect,
                                                              std::size_t chunkBytes) {
    return openSource(std::make_unique<MemorySource>(bytes), dialect, chunkBytes);
}

} // namespace segdash::import
