#pragma once
// Progress reporting for long synchronous work. The callback gets (done, total)
// (total may be 0 when unknown) and returns false to ask the work to stop.
#include <cstdint>
#include <functional>

namespace segdash::core {

using ProgressFn = std::function<bool(std::int64_t done, std::int64_t total)>;

inline bool reportProgress(const ProgressFn &fn, std::int64_t done, std::int64_t total) {
    return !fn || fn(done, total);
}

} // namespace segdash::core
