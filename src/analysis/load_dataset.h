#pragma once
// Reads a whole store into the engine's columnar Dataset (segment/dataset.h).
#include "core/progress.h"
#include "core/status.h"
#include "segment/dataset.h"
#include "store/store.h"

namespace segdash::analysis {

// Customers in store id order (dataset index = rank of the id), then orders, order
// lines, opportunities, interactions, surveys and campaigns; the dataset comes back
// finalized. Rows pointing to a customer or order the store does not hold are dropped
// (the store's foreign keys make that impossible in practice). Progress counts the
// seven tables (done = tables read, total = 7); returning false gives "cancelled".
core::Result<segment::Dataset> loadDataset(store::Store &store, const core::ProgressFn &progress = {});

} // namespace segdash::analysis
