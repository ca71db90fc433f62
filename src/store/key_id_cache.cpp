#include "store/key_id_cache.h"

#include <functional>

namespace segdash::store {
namespace {

std::size_t hashOf(std::string_view key) { return std::hash<std::string_view>{}(key); }
std::uint32_t tagOf(std::size_t hash) { return static_cast<std::uint32_t>(hash >> 32) | 1u; }

} // namespace

std::string_view KeyIdCache::keyAt(std::uint32_t offset) const {
    const auto length = static_cast<unsigned char>(m_arena[offset]);
    return std::string_view(m_arena).substr(offset + 1, length);
}

std::optional<core::Id> KeyIdCache::find(std::string_view key) const {
    if (m_slots.empty()) return std::nullopt;
    const std::size_t hash = hashOf(key);
    const std::uint32_t tag = tagOf(hash);
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        const Slot &slot = m_slots[i];
        if (slot.offset == kEmpty) return std::nullopt;
        if (slot.tag == tag && keyAt(slot.offset) == key) return core::Id{slot.id};
    }
}

void KeyIdCache::place(std::size_t hash, std::uint32_t offset, std::uint32_t id) {
    const std::size_t mask = m_slots.size() - 1;
    std::size_t i = hash & mask;
    while (m_slots[i].offset != kEmpty) i = (i + 1) & mask;
    m_slots[i] = Slot{tagOf(hash), offset, id};
}

void KeyIdCache::insert(std::string_view key, core::Id id) {
    if (key.size() > 255 || id <= 0 || id > 0xFFFFFFFFLL || m_arena.size() + key.size() + 1 >= kEmpty) return;
    if (find(key)) return;
    if ((m_count + 1) * 10 > m_slots.size() * 7) grow(); // load factor <= 0.7
    const auto offset = static_cast<std::uint32_t>(m_arena.size());
    m_arena.push_back(static_cast<char>(key.size()));
    m_arena.append(key);
    place(hashOf(key), offset, static_cast<std::uint32_t>(id));
    ++m_count;
}

void KeyIdCache::grow() {
    std::vector<Slot> old = std::move(m_slots);
    m_slots.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    for (const Slot &slot : old)
        if (slot.offset != kEmpty) place(hashOf(keyAt(slot.offset)), slot.offset, slot.id);
}

void KeyIdCache::clear() {
    m_slots = {};
    m_arena = {};
    m_count = 0;
}

} // namespace segdash::store
