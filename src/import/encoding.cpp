#include "import/encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>

#include <cctype>
#include <cstring>
#include <vector>

namespace segdash::import {
namespace {

constexpr char kReplacement[] = "\xEF\xBF\xBD";

std::string squeeze(std::string_view name) {
    std::string s;
    for (const char c : name)
        if (c != '-' && c != '_' && c != ' ') s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Length of the well-formed UTF-8 sequence at p (1..4), 0 if invalid, -1 if cut by the end.
int sequenceLength(const unsigned char *p, std::size_t avail) {
    const unsigned char c = p[0];
    int len = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c == 0xE0) { len = 3; lo = 0xA0; }
    else if (c >= 0xE1 && c <= 0xEC) len = 3;
    else if (c == 0xED) { len = 3; hi = 0x9F; } // no surrogates
    else if (c >= 0xEE && c <= 0xEF) len = 3;
    else if (c == 0xF0) { len = 4; lo = 0x90; }
    else if (c >= 0xF1 && c <= 0xF3) len = 4;
    else if (c == 0xF4) { len = 4; hi = 0x8F; }
    else return 0;
    for (int k = 1; k < len; ++k) {
        if (static_cast<std::size_t>(k) >= avail) return -1;
        const unsigned char lim_lo = k == 1 ? lo : 0x80, lim_hi = k == 1 ? hi : 0xBF;
        if (p[k] < lim_lo || p[k] > lim_hi) return 0;
    }
    return len;
}

// UTF-8 input: validate, copy runs of good bytes, replace bad ones, carry cut sequences.
class Utf8Decoder final : public Decoder {
public:
    Utf8Decoder() : Decoder("UTF-8") {}
    void decode(std::string_view bytes, bool last, std::string &out) override {
        if (!m_carry.empty()) {
            // Complete the sequence cut at the previous chunk's end, one byte at a time.
            std::size_t used = 0;
            while (used < bytes.size()) {
                m_carry += bytes[used++];
                const int n = sequenceLength(reinterpret_cast<const unsigned char *>(m_carry.data()), m_carry.size());
                if (n > 0) { emit(m_carry, out); m_carry.clear(); break; }
                if (n == 0) {
                    // Same result as an uncut stream: the lead byte is bad, the rest is reread.
                    bad(out);
                    std::string rest = m_carry.substr(1);
                    rest.append(bytes.substr(used));
                    m_carry.clear();
                    run(rest, last, out);
                    return;
                }
            }
            bytes = bytes.substr(used);
            if (!m_carry.empty()) {
                if (!last) return;
                std::string rest = m_carry.substr(1);
                m_carry.clear();
                bad(out);
                run(rest, last, out);
                return;
            }
        }
        run(bytes, last, out);
    }

private:
    void emit(std::string_view s, std::string &out) { out.append(s); m_written += static_cast<std::int64_t>(s.size()); }
    void bad(std::string &out) { noteBad(m_written); emit(kReplacement, out); }

    void run(std::string_view bytes, bool last, std::string &out) {
        const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
        const std::size_t n = bytes.size();
        std::size_t i = 0, good = 0;
        while (i < n) {
            if (i + 8 <= n) {
                std::uint64_t w;
                std::memcpy(&w, p + i, 8);
                if ((w & 0x8080808080808080ULL) == 0) { i += 8; continue; }
            }
            if (p[i] < 0x80) { ++i; continue; }
            const int len = sequenceLength(p + i, n - i);
            if (len > 0) { i += static_cast<std::size_t>(len); continue; }
            emit(bytes.substr(good, i - good), out);
            if (len < 0 && !last) { m_carry.assign(bytes.substr(i)); return; }
            bad(out);
            good = ++i;
        }
        emit(bytes.substr(good, n - good), out);
    }

    std::string m_carry;
};

// Where ICU wrote substitution characters, as indexes into the current UTF-16 buffer.
struct SubstitutionLog {
    const UChar *base = nullptr;
    std::vector<std::ptrdiff_t> positions;
};

void U_CALLCONV loggingCallback(const void *context, UConverterToUnicodeArgs *args, const char *units,
                                int32_t length, UConverterCallbackReason reason, UErrorCode *err) {
    if (reason <= UCNV_IRREGULAR) {
        auto *log = static_cast<SubstitutionLog *>(const_cast<void *>(context));
        log->positions.push_back(args->target - log->base);
    }
    UCNV_TO_U_CALLBACK_SUBSTITUTE(nullptr, args, units, length, reason, err);
}

// Everything else goes through ICU to UTF-16 and then to UTF-8 by hand.
class IcuDecoder final : public Decoder {
public:
    IcuDecoder(std::string name, UConverter *conv) : Decoder(std::move(name)), m_conv(conv) {
        UErrorCode err = U_ZERO_ERROR;
        ucnv_setToUCallBack(m_conv, loggingCallback, &m_log, nullptr, nullptr, &err);
    }
    ~IcuDecoder() override { ucnv_close(m_conv); }
    IcuDecoder(const IcuDecoder &) = delete;
    IcuDecoder &operator=(const IcuDecoder &) = delete;

    void decode(std::string_view bytes, bool last, std::string &out) override {
        const char *src = bytes.data();
        const char *srcEnd = src + bytes.size();
        m_utf16.resize(bytes.size() + 64);
        for (;;) {
            UChar *target = m_utf16.data();
            m_log.base = target;
            UErrorCode err = U_ZERO_ERROR;
            ucnv_toUnicode(m_conv, &target, m_utf16.data() + m_utf16.size(), &src, srcEnd, nullptr, last, &err);
            appendUtf8(m_utf16.data(), target, out);
            if (err != U_BUFFER_OVERFLOW_ERROR) break;
        }
        if (last && m_highSurrogate) { m_highSurrogate = 0; putCode(0xFFFD, out, true); }
        if (last) m_log.positions.clear();
    }

private:
    void putCode(std::uint32_t cp, std::string &out, bool bad) {
        char buf[4];
        int n = 0;
        if (cp < 0x80) buf[n++] = static_cast<char>(cp);
        else if (cp < 0x800) { buf[n++] = char(0xC0 | (cp >> 6)); buf[n++] = char(0x80 | (cp & 0x3F)); }
        else if (cp < 0x10000) {
            buf[n++] = char(0xE0 | (cp >> 12)); buf[n++] = char(0x80 | ((cp >> 6) & 0x3F));
            buf[n++] = char(0x80 | (cp & 0x3F));
        } else {
            buf[n++] = char(0xF0 | (cp >> 18)); buf[n++] = char(0x80 | ((cp >> 12) & 0x3F));
            buf[n++] = char(0x80 | ((cp >> 6) & 0x3F)); buf[n++] = char(0x80 | (cp & 0x3F));
        }
        if (bad) noteBad(m_written);
        out.append(buf, static_cast<std::size_t>(n));
        m_written += n;
    }

    void appendUtf8(const UChar *begin, const UChar *end, std::string &out) {
        // A substitution logged at the very end is written at the start of the next round.
        std::vector<std::ptrdiff_t> carried;
        std::size_t next = 0;
        for (const UChar *p = begin; p < end; ++p) {
            bool substituted = false;
            while (next < m_log.positions.size() && m_log.positions[next] <= p - begin) {
                substituted = substituted || m_log.positions[next] == p - begin;
                ++next;
            }
            putUnit(*p, out, substituted);
        }
        for (; next < m_log.positions.size(); ++next) carried.push_back(0);
        m_log.positions = std::move(carried);
    }

    void putUnit(std::uint32_t u, std::string &out, bool substituted) {
        if (m_highSurrogate) {
            const std::uint32_t hi = m_highSurrogate;
            m_highSurrogate = 0;
            if (u >= 0xDC00 && u <= 0xDFFF) { putCode(0x10000 + ((hi - 0xD800) << 10) + (u - 0xDC00), out, false); return; }
            putCode(0xFFFD, out, true);
        }
        if (u >= 0xD800 && u <= 0xDBFF) m_highSurrogate = u;
        else if (u >= 0xDC00 && u <= 0xDFFF) putCode(0xFFFD, out, true);
        else if (u < 0x80) { out += static_cast<char>(u); ++m_written; }
        else putCode(u, out, substituted);
    }

    UConverter *m_conv;
    std::vector<UChar> m_utf16;
    SubstitutionLog m_log;
    std::uint32_t m_highSurrogate = 0;
};

} // namespace

Bom detectBom(std::string_view b, std::size_t &length) {
    length = 0;
    if (b.size() >= 3 && b.substr(0, 3) == "\xEF\xBB\xBF") { length = 3; return Bom::Utf8; }
    if (b.size() >= 2 && b.substr(0, 2) == "\xFF\xFE") { length = 2; return Bom::Utf16Le; }
    if (b.size() >= 2 && b.substr(0, 2) == "\xFE\xFF") { length = 2; return Bom::Utf16Be; }
    return Bom::None;
}

const char *encodingOfBom(Bom bom) {
    switch (bom) {
    case Bom::Utf8: return "UTF-8";
    case Bom::Utf16Le: return "UTF-16LE";
    case Bom::Utf16Be: return "UTF-16BE";
    case Bom::None: break;
    }
    return "";
}

std::string canonicalEncoding(std::string_view name) {
    const std::string s = squeeze(name);
    if (s == "utf8") return "UTF-8";
    if (s == "utf16le") return "UTF-16LE";
    if (s == "utf16be") return "UTF-16BE";
    if (s == "cp1250" || s == "windows1250" || s == "win1250") return "windows-1250";
    if (s == "cp1252" || s == "windows1252" || s == "win1252") return "windows-1252";
    if (s == "iso88591" || s == "latin1") return "ISO-8859-1";
    if (s == "iso88592" || s == "latin2") return "ISO-8859-2";
    if (s == "ascii" || s == "usascii") return "UTF-8"; // ASCII is a subset of UTF-8
    return std::string(name);
}

bool isUtf8Name(std::string_view name) { return canonicalEncoding(name) == "UTF-8"; }

bool isValidUtf8(std::string_view bytes, bool truncated) {
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    const std::size_t n = bytes.size();
    for (std::size_t i = 0; i < n;) {
        if (p[i] < 0x80) { ++i; continue; }
        const int len = sequenceLength(p + i, n - i);
        if (len < 0) return truncated;
        if (len == 0) return false;
        i += static_cast<std::size_t>(len);
    }
    return true;
}

core::Result<std::unique_ptr<Decoder>> Decoder::create(const std::string &encoding) {
    const std::string canonical = canonicalEncoding(encoding);
    if (canonical == "UTF-8") return std::unique_ptr<Decoder>(std::make_unique<Utf8Decoder>());
    UErrorCode err = U_ZERO_ERROR;
    UConverter *conv = canonical.empty() ? nullptr : ucnv_open(canonical.c_str(), &err);
    if (!conv || U_FAILURE(err)) {
        if (conv) ucnv_close(conv);
        return core::Status::error("unknown encoding '" + encoding + "'");
    }
    return std::unique_ptr<Decoder>(std::make_unique<IcuDecoder>(canonical, conv));
}

std::string Decoder::badMessage() const {
    return m_name == "UTF-8" ? "invalid UTF-8 replaced with U+FFFD"
                             : "bytes not valid in " + m_name + " replaced with U+FFFD";
}

void Decoder::noteBad(std::int64_t offset) {
    if (m_badOffsets.size() < kMaxPending) m_badOffsets.push_back(offset);
    else ++m_dropped;
}

} // namespace segdash::import
