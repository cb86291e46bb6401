#pragma once

#include "api/ServerContext.hpp"

#include <boost/json/array.hpp>

namespace kc::server {

//! Applies a batch of submissions for `caller` and returns one receipt per item, in order
//! (docs/protocol.md, "Push"). The batch's data and receipts commit in one transaction;
//! replaying it returns the original receipts as `duplicate` and stores nothing twice.
boost::json::array pushSubmissions(ServerContext& context, const Caller& caller,
                                   const boost::json::array& items);

//! SHA-256 of an item's content (form, version, base revision and answers) with object keys
//! in a canonical order, so the same content hashes the same however it was serialized.
std::string submissionContentHash(const std::string& formId, std::int64_t formVersion,
                                  const std::optional<std::int64_t>& baseRevision,
                                  const boost::json::value& answers);

} // namespace kc::server
