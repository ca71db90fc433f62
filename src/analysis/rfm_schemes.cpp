#include "analysis/rfm_schemes.h"

#include <algorithm>

namespace segdash::analysis {
namespace {

bool isBuiltin(const std::string &name) {
    const auto names = segment::builtinSchemeNames();
    return std::find(names.begin(), names.end(), name) != names.end();
}

} // namespace

core::Result<segment::SegmentScheme> resolveRfmScheme(store::Store &store, const std::string &name) {
    if (isBuiltin(name)) return segment::builtinScheme(name);
    auto schemes = store.listSchemes();
    if (!schemes.ok()) return schemes.status();
    for (const auto &s : *schemes) {
        if (s.name != name) continue;
        if (s.kind != kRfmSchemeKind)
            return core::Status::error("'" + name + "' is a " + s.kind + " scheme, not an RFM segment table");
        auto parsed = segment::parseScheme(s.definition);
        if (!parsed.ok()) return core::Status::error("stored scheme '" + name + "': " + parsed.message());
        return parsed;
    }
    return core::Status::error("no RFM scheme named '" + name +
                               "' (built in: rfm-10, rfm-11; stored: see 'segdash schemes --list')");
}

core::Result<segment::SegmentScheme> saveRfmScheme(store::Store &store, const std::string &name,
                                                   const std::string &text) {
    if (name.empty()) return core::Status::error("a scheme needs a name");
    if (isBuiltin(name)) return core::Status::error("'" + name + "' is the name of a built-in scheme");
    auto parsed = segment::parseScheme(text);
    if (!parsed.ok()) return parsed.status();
    auto schemes = store.listSchemes();
    if (!schemes.ok()) return schemes.status();
    for (const auto &s : *schemes)
        if (s.name == name && s.kind != kRfmSchemeKind)
            return core::Status::error("a scheme named '" + name + "' of kind " + s.kind + " exists; choose another name");
    if (auto saved = store.saveScheme({name, kRfmSchemeKind, segment::serializeScheme(*parsed), {}}); !saved.ok())
        return saved;
    return parsed;
}

core::Result<std::vector<std::string>> storedRfmSchemes(store::Store &store) {
    auto schemes = store.listSchemes();
    if (!schemes.ok()) return schemes.status();
    std::vector<std::string> names;
    for (const auto &s : *schemes)
        if (s.kind == kRfmSchemeKind) names.push_back(s.name);
    return names;
}

} // namespace segdash::analysis
