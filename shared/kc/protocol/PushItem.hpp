#pragma once

#include "kc/protocol/Receipt.hpp"

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <string_view>

// One submission as a device pushes it (docs/protocol.md, "Push").
namespace kc::protocol {

struct PushItem {
    std::string id;  //!< UUIDv7, made on the device
    std::string formId;
    std::int64_t formVersion = 0;
    //! The revision this one corrects; unset for a new submission.
    std::optional<std::int64_t> baseRevision;
    std::optional<std::string> capturedAt;  //!< RFC 3339
    boost::json::object answers;
};

//! The fields a client may send in an item; the server sets the rest.
inline constexpr std::string_view kPushItemFields[] = {"id", "form_id", "form_version",
                                                       "base_revision", "captured_at", "answers"};

//! An item whose own fields are wrong (as opposed to its answers): which field and why.
struct PushItemError : std::exception {
    explicit PushItemError(ItemProblem p) : problem(std::move(p)) {}
    const char* what() const noexcept override { return problem.en.c_str(); }
    ItemProblem problem;
};

boost::json::object toJson(const PushItem& item);
//! The same, moving the answers out of `item`.
boost::json::object toJson(PushItem&& item);

//! Reads an item as the server receives it, `path` naming it in errors
//! ("submissions[3]"). Throws PushItemError for a field a client may not send, an id that is
//! not a UUIDv7, a time that is not RFC 3339, or answers that are not an object, and
//! json::JsonError for a missing field or one of the wrong type.
PushItem readPushItem(const boost::json::value& item, const std::string& path);
//! The same, moving the answers out of `item` (left as it was if it throws).
PushItem readPushItem(boost::json::value&& item, const std::string& path);

} // namespace kc::protocol
