#include "core/records.h"

#include <array>
#include <utility>

namespace segdash::core {
namespace {

constexpr std::array<std::pair<OrderKind, const char *>, 3> kOrderKinds{{
    {OrderKind::Sale, "sale"}, {OrderKind::Return, "return"}, {OrderKind::Cancellation, "cancellation"}}};

constexpr std::array<std::pair<InteractionKind, const char *>, 7> kInteractionKinds{{
    {InteractionKind::EmailSent, "email_sent"}, {InteractionKind::EmailOpen, "email_open"},
    {InteractionKind::EmailClick, "email_click"}, {InteractionKind::WebVisit, "web_visit"},
    {InteractionKind::Social, "social"}, {InteractionKind::Call, "call"}, {InteractionKind::Meeting, "meeting"}}};

template <typename Table, typename Kind>
const char *nameOf(const Table &table, Kind kind) {
    for (const auto &[k, name] : table)
        if (k == kind) return name;
    return "";
}

template <typename Kind, typename Table>
std::optional<Kind> kindOf(const Table &table, const std::string &text) {
    for (const auto &[k, name] : table)
        if (text == name) return k;
    return std::nullopt;
}

} // namespace

const char *toString(OrderKind kind) { return nameOf(kOrderKinds, kind); }
std::optional<OrderKind> orderKindFromString(const std::string &text) { return kindOf<OrderKind>(kOrderKinds, text); }
const char *toString(InteractionKind kind) { return nameOf(kInteractionKinds, kind); }
std::optional<InteractionKind> interactionKindFromString(const std::string &text) {
    return kindOf<InteractionKind>(kInteractionKinds, text);
}

} // namespace segdash::core
