#pragma once

#include "auth/Caller.hpp"
#include "ops/Metrics.hpp"
#include "store/CentralStore.hpp"
#include "sync/FormCache.hpp"

#include <boost/json/array.hpp>

namespace kc::server {

//! What a push needs, and nothing of the api layer.
struct PushRooms {
    CentralStore& store;
    FormCache& forms;
    Metrics& metrics;
};

//! Applies a batch of submissions for `caller` and returns one receipt per item, in order
//! (docs/protocol.md, "Push"). The batch's data and receipts commit in one transaction;
//! replaying it returns the original receipts as `duplicate` and stores nothing twice.
//! A short batch is validated before that transaction opens; a long one by a helper thread
//! beside the one storing it, which validates too whenever the next item is not ready.
boost::json::array pushSubmissions(PushRooms rooms, const Caller& caller, boost::json::array items);

} // namespace kc::server
