#pragma once

#include "api/ServerContext.hpp"

#include <boost/json/array.hpp>

namespace kc::server {

//! Applies a batch of submissions for `caller` and returns one receipt per item, in order
//! (docs/protocol.md, "Push"). The batch's data and receipts commit in one transaction;
//! replaying it returns the original receipts as `duplicate` and stores nothing twice.
//! A short batch is validated before that transaction opens; a long one by a helper thread
//! beside the one storing it, which validates too whenever the next item is not ready.
boost::json::array pushSubmissions(ServerContext& context, const Caller& caller,
                                   const boost::json::array& items);

} // namespace kc::server
