#pragma once
// Reads a fixture's .expect file: "key=value" lines, '#' comments; keys may repeat.
#include <fstream>
#include <map>
#include <string>
#include <vector>

namespace segdash::fixtures {

struct Expectations {
    std::multimap<std::string, std::string> values;

    bool has(const std::string &key) const { return values.count(key) > 0; }
    std::string get(const std::string &key) const {
        const auto it = values.find(key);
        return it == values.end() ? std::string() : it->second;
    }
    std::vector<std::string> all(const std::string &key) const {
        std::vector<std::string> out;
        for (auto [it, end] = values.equal_range(key); it != end; ++it) out.push_back(it->second);
        return out;
    }
};

inline Expectations readExpectations(const std::string &path) {
    Expectations e;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        const auto eq = line.find('=');
        if (eq != std::string::npos) e.values.emplace(line.substr(0, eq), line.substr(eq + 1));
    }
    return e;
}

} // namespace segdash::fixtures
