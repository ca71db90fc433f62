#include "datagen/vocabulary.h"

#include <cstring>

namespace segdash::datagen {

const Vocabulary &englishVocabulary();
const Vocabulary &polishVocabulary();

const Vocabulary &vocabulary(Dialect dialect) {
    return dialect == Dialect::Polish ? polishVocabulary() : englishVocabulary();
}

std::string femaleSurname(std::string_view surname, Dialect dialect) {
    std::string s(surname);
    if (dialect != Dialect::Polish || s.size() < 3) return s;
    if (s.ends_with("ski") || s.ends_with("cki") || s.ends_with("dzki")) s.back() = 'a';
    return s;
}

namespace {

// UTF-8 two-byte letters folded to ASCII (Polish, German, French, Czech basics).
struct Fold {
    const char *utf8;
    char ascii;
};
constexpr Fold kFolds[] = {
    {"ą", 'a'}, {"ć", 'c'}, {"ę", 'e'}, {"ł", 'l'}, {"ń", 'n'}, {"ó", 'o'}, {"ś", 's'}, {"ź", 'z'}, {"ż", 'z'},
    {"Ą", 'a'}, {"Ć", 'c'}, {"Ę", 'e'}, {"Ł", 'l'}, {"Ń", 'n'}, {"Ó", 'o'}, {"Ś", 's'}, {"Ź", 'z'}, {"Ż", 'z'},
    {"ä", 'a'}, {"ö", 'o'}, {"ü", 'u'}, {"ß", 's'}, {"é", 'e'}, {"è", 'e'}, {"Î", 'i'}, {"ñ", 'n'},
    {"ý", 'y'}, {"á", 'a'}, {"í", 'i'}, {"č", 'c'}, {"š", 's'}, {"ř", 'r'}};

} // namespace

std::string asciiSlug(std::string_view text, char sep) {
    std::string out;
    bool pendingSep = false;
    for (std::size_t i = 0; i < text.size();) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        char a = 0;
        std::size_t len = 1;
        if (c >= 0x80) {
            len = (c >= 0xF0) ? 4 : (c >= 0xE0) ? 3 : 2;
            for (const auto &f : kFolds)
                if (text.substr(i, std::strlen(f.utf8)) == f.utf8) { a = f.ascii; break; }
        } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            a = char(c);
        } else if (c >= 'A' && c <= 'Z') {
            a = char(c - 'A' + 'a');
        }
        i += len;
        if (!a) {
            pendingSep = !out.empty();
            continue;
        }
        if (pendingSep && sep) out.push_back(sep);
        pendingSep = false;
        out.push_back(a);
    }
    return out;
}

} // namespace segdash::datagen
