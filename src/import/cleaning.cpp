#include "import/cleaning.h"

#include <cctype>

namespace segdash::import {
namespace {

// Length of the white-space character at s[i] (ASCII space/tab/CR/LF, UTF-8 NBSP
// U+00A0, NNBSP U+202F, thin space U+2009), or 0.
std::size_t spaceAt(std::string_view s, std::size_t i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f') return 1;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
        const unsigned char d = static_cast<unsigned char>(s[i + 2]);
        if (d == 0xAF || d == 0x89) return 3;
    }
    return 0;
}

// Clean already: no space at either end, no white space but single ASCII spaces, and
// no byte that could start NBSP/NNBSP/thin space. Most fields are, so they are copied whole.
bool alreadyClean(std::string_view in) {
    if (in.empty()) return true;
    if (in.front() == ' ' || in.back() == ' ') return false;
    char previous = 0;
    for (const char ch : in) {
        const unsigned char c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c == 0xC2 || c == 0xE2 || (c == ' ' && previous == ' ')) return false;
        previous = ch;
    }
    return true;
}

} // namespace

bool normaliseWhitespace(std::string_view in, std::string &out) {
    if (alreadyClean(in)) {
        out.assign(in.data(), in.size());
        return false;
    }
    out.clear();
    bool pending = false;
    bool changed = false;
    for (std::size_t i = 0; i < in.size();) {
        if (const std::size_t n = spaceAt(in, i)) {
            if (pending || out.empty() || n > 1 || in[i] != ' ') changed = true;
            pending = !out.empty();
            i += n;
            continue;
        }
        if (pending) out += ' ';
        pending = false;
        out += in[i++];
    }
    if (pending) changed = true; // trailing white space dropped
    return changed;
}

std::string normaliseEmail(std::string_view in) {
    std::string out;
    normaliseWhitespace(in, out);
    if (out.find('@') == std::string::npos || out.find(' ') != std::string::npos) return {};
    for (char &c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool normaliseNumericId(std::string &id) {
    const auto dot = id.find('.');
    if (dot == std::string::npos || dot == 0) return false;
    for (std::size_t i = 0; i < dot; ++i)
        if (!std::isdigit(static_cast<unsigned char>(id[i]))) return false;
    for (std::size_t i = dot + 1; i < id.size(); ++i)
        if (id[i] != '0') return false;
    id.resize(dot);
    return true;
}

std::string nameCompanyKey(std::string_view name, std::string_view company) {
    std::string a, b;
    normaliseWhitespace(name, a);
    normaliseWhitespace(company, b);
    std::string key = a + '\x1f' + b;
    for (char &c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return key;
}

} // namespace segdash::import
