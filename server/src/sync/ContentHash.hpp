#pragma once

#include <boost/json/value.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace kc::server {

//! SHA-256 of an item's content (form, version, base revision and answers) with object keys
//! in a canonical order, so the same content hashes the same however it was serialized.
std::string submissionContentHash(const std::string& formId, std::int64_t formVersion,
                                  const std::optional<std::int64_t>& baseRevision,
                                  const boost::json::value& answers);
//! The same over answers held as an object (the validated answers as stored).
std::string submissionContentHash(const std::string& formId, std::int64_t formVersion,
                                  const std::optional<std::int64_t>& baseRevision,
                                  const boost::json::object& answers);

} // namespace kc::server
