#pragma once

#include "kc/domain/Registers.hpp"
#include "kc/domain/Roles.hpp"
#include "kc/protocol/SubmissionHead.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

// Plain records the central store hands to the services above it. No SQL, no JSON
// values: a second engine fills the same structs. The submission head is the protocol's.
namespace kc::server {

struct UserRecord {
    std::string id;
    std::string username;
    std::string displayName;
    domain::Role role = domain::Role::Officer;
    std::string passwordHash;
    bool disabled = false;
    std::vector<std::string> provinces;  //!< the user's scope
    std::vector<std::string> projects;   //!< projects assigned to the user
};

struct TokenRecord {
    std::string hash;  //!< SHA-256 hex of the token
    std::string userId;
    std::string device;
    std::string createdAt;
    std::string expiresAt;
    std::optional<std::string> revokedAt;
};

//! A token with its holder, read together (every request asks for them): the user, if the
//! account still exists, and the provinces the user's scope covers, merged units included.
struct TokenHolder {
    TokenRecord token;
    std::optional<UserRecord> user;
    std::vector<std::string> coveredProvinces;
};

struct EnrollmentRecord {
    std::string hash;
    std::string userId;
    std::string device;
    std::string createdBy;
    std::string createdAt;
    std::string expiresAt;
    std::optional<std::string> usedAt;
};

//! One row of the change feed, ready to send.
struct ChangeRecord {
    std::int64_t seq = 0;
    std::string kind;  //!< form, facility, project, assignment, submission
    std::string recordId;
    bool deleted = false;
    std::string payload;  //!< JSON text; empty for a tombstone
};

//! Who may see a change: the puller's scope, as the feed filter needs it.
struct FeedScope {
    std::string userId;
    domain::Role role = domain::Role::Officer;
    std::vector<std::string> provinces;
};

//! A submission's head: its newest accepted revision and review state.
using protocol::SubmissionHead;

//! A submission with the answers of its current revision (JSON text).
struct CurrentSubmission {
    SubmissionHead head;
    std::string answers;
};

struct SubmissionRevision {
    std::int64_t revision = 0;
    std::optional<std::int64_t> baseRevision;
    std::int64_t formVersion = 0;
    std::string contentHash;
    std::string answers;  //!< JSON text
    std::optional<std::string> capturedAt;
    bool conflict = false;
    std::string receivedAt;
    std::vector<std::string> attachments;  //!< SHA-256 of the photos and signatures it uses
};

//! Filters of the review list; empty fields do not filter.
struct SubmissionFilter {
    std::vector<std::string> provinces;  //!< the caller's scope (always applied)
    std::optional<std::string> ownerId;  //!< set for officers and collaborators: their own only
    std::optional<std::string> formId;
    std::optional<protocol::SubmissionState> state;
    std::optional<std::string> province;
    std::optional<std::string> officer;  //!< a username
    std::optional<std::string> receivedFrom;  //!< RFC 3339, inclusive
    std::optional<std::string> receivedTo;    //!< RFC 3339, exclusive
    std::optional<bool> conflict;
    //! Words a person typed: the facility's name (without diacritics), the project's code or
    //! the officer's username contains them.
    std::optional<std::string> search;
    protocol::SubmissionOrder order = protocol::SubmissionOrder::Newest;
    //! Keyset: the page starts after the submission with this id (and, in the "changed"
    //! order, this updated_at) in the list's order.
    std::optional<std::string> before;
    std::optional<std::string> beforeChangedAt;
    int limit = 50;
};

//! How many submissions a filter holds in each state ("submitted", …), and how many of them
//! are flagged as conflicts.
struct SubmissionCounts {
    std::map<std::string, std::int64_t> byState;
    std::int64_t conflicts = 0;
};

struct AttachmentRecord {
    std::string sha256;
    std::int64_t size = 0;
    std::string contentType;
    std::string uploadedBy;
    std::string completedAt;
    std::string origin;  //!< {"taken_at", "location"} as JSON, "" when not known
};

struct UploadRecord {
    std::string sha256;
    std::string userId;
    std::int64_t size = 0;
    std::string contentType;
    std::int64_t received = 0;
    std::string origin;  //!< as AttachmentRecord's
};

struct AuditEntry {
    std::int64_t id = 0;
    std::string at;
    std::string actorId;
    std::string action;
    std::string record;
    std::optional<std::string> before;  //!< JSON
    std::optional<std::string> after;   //!< JSON
};

struct AuditFilter {
    std::optional<std::string> actorId;
    std::optional<std::string> record;
    std::optional<std::int64_t> after;  //!< keyset: entries with a higher id
    int limit = 100;
    //! Only entries about records in these provinces: a submission's province, a user's
    //! provinces, an assignment's project's province, the units an update changed. Unset
    //! (the operator's own tools) means every entry.
    std::optional<std::vector<std::string>> provinces;
};

//! A facility likely to be the same as one being registered.
struct DuplicateCandidate {
    std::string id;
    std::string name;
    std::string reason;  //!< same_name_same_commune or nearby
    std::optional<double> distanceMetres;
};

//! A facility flagged for a reviewer: what it is, and the facilities it may duplicate as
//! noted when it was registered (a JSON list of {"id", "name", "reason", "distance_m"}).
struct FlaggedFacility {
    domain::Facility facility;
    std::string possibleDuplicates;
};

struct AssignmentRecord {
    std::string id;
    std::string projectId;
    std::string userId;
    std::string provinceCode;
};

} // namespace kc::server
