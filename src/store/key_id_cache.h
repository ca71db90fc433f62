#pragma once
// KeyIdCache: byte-string key -> id, in two flat arrays (12-byte slots with a hash
// tag, and an arena of the key bytes). About 30 bytes a key where
// std::unordered_map<std::string, Id> takes about 72: the import session keeps a
// million customer keys within its memory budget.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/records.h"

namespace segdash::store {

class KeyIdCache {
public:
    std::optional<core::Id> find(std::string_view key) const;
    // Keys longer than 255 bytes and ids past 32 bits are not cached (callers fall back).
    void insert(std::string_view key, core::Id id);
    std::size_t size() const { return m_count; }
    void clear();

private:
    struct Slot {
        std::uint32_t tag = 0;      // high hash bits, to skip most arena reads
        std::uint32_t offset = kEmpty;
        std::uint32_t id = 0;
    };
    static constexpr std::uint32_t kEmpty = 0xFFFFFFFFu;

    std::string_view keyAt(std::uint32_t offset) const;
    void place(std::size_t hash, std::uint32_t offset, std::uint32_t id);
    void grow();

    std::vector<Slot> m_slots; // size is a power of two
    std::string m_arena;       // [length byte][key bytes] ...
    std::size_t m_count = 0;
};

} // namespace segdash::store
