#pragma once

#include "kc/protocol/Review.hpp"

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <optional>
#include <string>

// A submission without its answers: who made it, what it is about, where its review stands
// (docs/protocol.md, "Review"). The server stores and lists it; the app and the console show it.
namespace kc::protocol {

struct SubmissionHead {
    std::string id;
    std::string formId;
    std::int64_t formVersion = 0;
    std::string ownerId;
    std::string ownerName;         //!< username
    std::string ownerDisplayName;  //!< the person's full name
    std::string provinceCode;
    std::optional<std::string> projectId;
    std::optional<std::string> facilityId;
    SubmissionState state = SubmissionState::Submitted;
    std::int64_t currentRevision = 0;
    bool conflict = false;
    std::optional<std::string> reviewComment;
    std::optional<std::string> reviewFields;  //!< JSON list of field paths
    std::optional<std::string> reviewedBy;
    std::optional<std::string> reviewedAt;
    std::string receivedAt;
    std::string updatedAt;
};

//! The head as the API and the audit log show it.
boost::json::object toJson(const SubmissionHead& head);
//! Reads a head as the API sends it; throws json::JsonError naming what is wrong. An older
//! server's head without owner names reads with them empty.
SubmissionHead readSubmissionHead(const boost::json::value& value, const std::string& path = "submission");

} // namespace kc::protocol
