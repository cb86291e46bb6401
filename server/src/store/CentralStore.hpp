#pragma once

#include "store/ReportRecords.hpp"
#include "store/StoreRecords.hpp"

#include "kc/domain/Registers.hpp"
#include "kc/domain/Roles.hpp"
#include "kc/forms/Form.hpp"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace kc::server {

struct NewUser {
    std::string username;
    std::string displayName;
    domain::Role role = domain::Role::Officer;
    std::string passwordHash;  // Argon2id, from PasswordHasher
    std::vector<std::string> provinceCodes;  // the user's scope
};

//! How much the store holds, for health checks and the seeding report.
struct StoreCounts {
    long long users = 0;
    long long provinces = 0;
    long long facilities = 0;
    long long projects = 0;
    long long forms = 0; //!< form versions published
    long long submissions = 0;
    long long attachments = 0;
};

//! A key's recent events, for a sign-in limit shared by several servers.
struct RateEvents {
    int count = 0;
    std::int64_t oldestMs = 0;
};

//! A page of a register list, in the caller's scope.
struct RegisterQuery {
    std::vector<std::string> provinces;  //!< always applied
    //! Set for collaborators: only these projects (and the facilities they benefit).
    std::optional<std::vector<std::string>> projects;
    std::string search;  //!< folded name prefix or words; empty: all
    std::string after;   //!< keyset: ids greater than this one
    int limit = 100;
};

//! One published version of a form.
struct PublishedForm {
    std::string id;
    long long version = 0;
    std::string titleVi;
    std::string definition; //!< the JSON as published
};

//! The central store behind an interface: SQLite now, another engine later.
//! Every method is thread-safe. Writes that fail change nothing.
class CentralStore {
public:
    virtual ~CentralStore() = default;

    virtual std::string engine() const = 0;
    //! Where the data lives (a file path for SQLite).
    virtual std::string location() const = 0;
    virtual int schemaVersion() = 0;
    //! True when the store answers a trivial query.
    virtual bool ping() = 0;
    virtual StoreCounts counts() = 0;

    virtual std::string metaValue(const std::string& key) = 0;
    virtual void setMetaValue(const std::string& key, const std::string& value) = 0;

    //! Runs `work` so that all its writes land together or not at all, and are durable when
    //! it returns. An engine may commit the works of concurrent callers together.
    virtual void atomically(const std::function<void()>& work) = 0;
    //! What a work will look up: which of `submissionIds` are stored, and the records of
    //! `attachmentShas`. Read for the work's whole group before any work of it runs, so its
    //! findSubmission() and findAttachment() calls for them answer from memory rather than a
    //! query each, while every server waits for the store's write lock.
    struct ReadAheadKeys {
        std::vector<std::string> submissionIds;
        std::vector<std::string> attachmentShas;
    };
    //! As atomically(), for a work that can run again from its start once its writes were
    //! rolled back (it keeps nothing of an earlier run but what it writes to the store). A
    //! group of such works runs without a savepoint each, its writes streamed to the database
    //! without waiting; only if one of them fails is the group run again, each work in a
    //! savepoint of its own, so a failure is still its own work's alone.
    virtual void atomicallyRepeatable(const std::function<void()>& work, ReadAheadKeys keys) = 0;

    virtual void upsertProvince(const domain::Province& province) = 0;
    virtual void upsertCommune(const domain::Commune& commune) = 0;
    //! Stores administrative units (new ones added, known ones updated) in one step: a
    //! commune's parent and any successor must exist, in the store or among `units`, and be
    //! of the right kind; succession may not loop. Throws std::invalid_argument naming the
    //! unit and field otherwise, and writes nothing.
    virtual void upsertUnits(const std::vector<domain::AdministrativeUnit>& units) = 0;
    //! Every unit, provinces first, by code.
    virtual std::vector<domain::AdministrativeUnit> listUnits() = 0;
    //! `provinceCodes` and every province merged into one of them, however long ago (its
    //! successor chain leads there), sorted: what a scope over those provinces covers.
    virtual std::vector<std::string> withPredecessors(const std::vector<std::string>& provinceCodes) = 0;
    //! Returns the new user's id. Throws when the username is taken.
    virtual std::string createUser(const NewUser& user) = 0;
    //! Stores a facility (id made here when empty); returns its id.
    virtual std::string createFacility(domain::Facility facility) = 0;
    //! Stores a project and its beneficiaries (id made here when empty); returns its id.
    virtual std::string createProject(domain::Project project) = 0;
    //! Rewrites a facility's fields (not its id, flags or creator); devices receive it again.
    virtual void updateFacility(const domain::Facility& facility) = 0;
    //! Rewrites a project (its beneficiaries too); devices receive it again.
    virtual void updateProject(const domain::Project& project) = 0;

    //! Publishes a checked form version. Returns false when that very version is already
    //! published with the same definition; throws when it is published with another one
    //! (a published version never changes: publish a new version instead).
    virtual bool publishForm(const forms::Form& form) = 0;
    //! The newest published version of every form, by id.
    virtual std::vector<PublishedForm> latestForms() = 0;
    //! One published version, as committed; nullopt when it was never published.
    virtual std::optional<PublishedForm> findForm(const std::string& id, long long version) = 0;

    // --- users, tokens, enrollment codes ---
    //! As committed (not inside an open atomically()), like findTokenHolder(), through which
    //! every request authenticates: neither may wait for a commit to reach the disk.
    virtual std::optional<UserRecord> findUser(const std::string& id) = 0;
    virtual std::optional<UserRecord> findUserByName(const std::string& username) = 0;
    virtual std::vector<UserRecord> listUsers() = 0;
    virtual void setPassword(const std::string& userId, const std::string& passwordHash) = 0;
    virtual void setUserDisabled(const std::string& userId, bool disabled) = 0;
    virtual void storeToken(const TokenRecord& token) = 0;
    //! As committed, like findUser().
    virtual std::optional<TokenRecord> findToken(const std::string& hash) = 0;
    //! The token, its user and the provinces the user's scope covers (withPredecessors() of
    //! theirs), as committed, in one query: what authenticating a request reads.
    virtual std::optional<TokenHolder> findTokenHolder(const std::string& hash) = 0;
    //! Returns false when there was no such live token.
    virtual bool revokeToken(const std::string& hash, const std::string& at) = 0;
    //! A user's tokens neither revoked nor expired at `now`, newest first (for "where am I
    //! signed in"; the hashes are never shown).
    virtual std::vector<TokenRecord> liveTokens(const std::string& userId, const std::string& now) = 0;
    //! Revokes every live token of a user; returns how many.
    virtual int revokeUserTokens(const std::string& userId, const std::string& at) = 0;
    virtual void storeEnrollmentCode(const EnrollmentRecord& code) = 0;
    //! Marks an unused code that has not expired by `now` as used and returns it, in one
    //! step, so a code works once even when two devices race; nullopt otherwise.
    virtual std::optional<EnrollmentRecord> redeemEnrollmentCode(const std::string& hash,
                                                                 const std::string& now) = 0;

    // --- registers ---
    //! A province's name; nullopt for an unknown province code.
    virtual std::optional<std::string> provinceName(const std::string& provinceCode) = 0;
    //! Every province the store knows, by code.
    virtual std::vector<domain::Province> listProvinces() = 0;
    //! The province a commune belongs to; nullopt for an unknown commune.
    virtual std::optional<std::string> communeProvince(const std::string& communeCode) = 0;
    virtual std::optional<domain::Facility> findFacility(const std::string& id) = 0;
    virtual std::optional<domain::Project> findProject(const std::string& id) = 0;
    //! As committed, read without waiting for a writer: what validation and authentication
    //! read, also from threads working for a transaction that is still open.
    virtual std::optional<domain::Facility> findCommittedFacility(const std::string& id) = 0;
    virtual std::optional<domain::Project> findCommittedProject(const std::string& id) = 0;
    virtual std::vector<domain::Facility> listFacilities(const RegisterQuery& query) = 0;
    virtual std::vector<domain::Project> listProjects(const RegisterQuery& query) = 0;
    //! Facilities with the same folded name in the same commune, or within `metres`.
    virtual std::vector<DuplicateCandidate> likelyDuplicates(const domain::Facility& facility,
                                                             double metres) = 0;
    //! Stores a facility registered from the field by `createdBy`; when `duplicates` is not
    //! empty it is flagged for a reviewer with them. Returns its id.
    virtual std::string registerFacility(domain::Facility facility, const std::string& createdBy,
                                         const std::vector<DuplicateCandidate>& duplicates) = 0;
    //! Facilities in `provinces` flagged as likely duplicates, oldest first, at most `limit`.
    virtual std::vector<FlaggedFacility> flaggedFacilities(const std::vector<std::string>& provinces, int limit) = 0;
    //! A reviewer's decision that a flagged facility is not a duplicate: it stays, unflagged.
    virtual void keepFacilityApart(const std::string& id) = 0;
    //! A reviewer's decision that `duplicateId` is `keptId`: the submissions, project
    //! beneficiaries and report rows that named the duplicate name the kept one, the
    //! duplicate leaves the register's lists and the devices' (a tombstone in the feed), and
    //! stays behind the scenes, merged, for the answers recorded with its id.
    virtual void mergeFacility(const std::string& duplicateId, const std::string& keptId) = 0;
    //! The facility a merged one became part of; nullopt when it was not merged.
    virtual std::optional<std::string> mergedInto(const std::string& id) = 0;
    virtual std::optional<AssignmentRecord> findAssignment(const std::string& id) = 0;
    //! The assignments of a project, oldest first.
    virtual std::vector<AssignmentRecord> projectAssignments(const std::string& projectId) = 0;
    //! Assigns a collaborator to a project; throws when it already is.
    virtual void createAssignment(const AssignmentRecord& assignment,
                                  const std::string& createdBy) = 0;
    //! Deletes an assignment and leaves a tombstone in the feed.
    virtual void deleteAssignment(const std::string& id) = 0;

    // --- change feed ---
    //! Changes after `since` that `scope` may see, oldest first, at most `limit`.
    virtual std::vector<ChangeRecord> changesSince(const FeedScope& scope, std::int64_t since,
                                                   int limit) = 0;

    // --- submissions ---
    virtual std::optional<std::string> findReceipt(const std::string& submissionId,
                                                   const std::string& contentHash) = 0;
    virtual void storeReceipt(const std::string& submissionId, const std::string& contentHash,
                              const std::string& receipt) = 0;
    virtual std::optional<SubmissionHead> findSubmission(const std::string& id) = 0;
    //! Stores a new submission with its first revision.
    virtual void insertSubmission(const SubmissionHead& head, const SubmissionRevision& first) = 0;
    virtual void addRevision(const std::string& submissionId,
                             const SubmissionRevision& revision) = 0;
    //! Writes a head's state, revision, conflict flag and review fields, and tells the
    //! submitter's devices through the feed.
    virtual void updateSubmission(const SubmissionHead& head) = 0;
    virtual std::vector<SubmissionRevision> revisions(const std::string& submissionId) = 0;
    //! The highest revision number stored for a submission (conflicts included), 0 for none.
    virtual std::int64_t lastRevision(const std::string& submissionId) = 0;
    virtual std::vector<SubmissionHead> listSubmissions(const SubmissionFilter& filter) = 0;
    //! The submissions of `filter` counted by state, as committed (its state, keyset and limit
    //! are not applied).
    virtual SubmissionCounts countSubmissions(const SubmissionFilter& filter) = 0;
    //! One page of a form's submissions in `provinces` for an export: up to `limit` heads
    //! with ids after `afterId` ("" for the first page), in id order (UUIDv7: oldest
    //! first), each with its current answers. Pages let an export stream without holding
    //! the store, or every row, for its whole length.
    virtual std::vector<CurrentSubmission> currentSubmissions(const std::string& formId,
                                                              const std::vector<std::string>& provinces,
                                                              const std::string& afterId, int limit) = 0;

    // --- programme reports ---
    //! The register's projects in `scope`, grouped; the stalled and cancelled ones listed.
    virtual ProjectFigures projectFigures(const ReportScope& scope) = 0;
    //! Approved submissions in `scope` (each at its approved revision), grouped.
    virtual std::vector<ApprovedGroup> approvedFigures(const ReportScope& scope,
                                                       FigureSource source) = 0;
    //! Distinct facilities whose typical products in `scope` were approved, by level.
    virtual ProductFacilities productFacilities(const ReportScope& scope, FigureSource source) = 0;

    // --- attachments ---
    virtual std::optional<AttachmentRecord> findAttachment(const std::string& sha256) = 0;
    virtual std::optional<UploadRecord> findUpload(const std::string& sha256,
                                                   const std::string& userId) = 0;
    virtual void saveUpload(const UploadRecord& upload) = 0;
    virtual void deleteUpload(const std::string& sha256, const std::string& userId) = 0;
    //! Records a verified attachment and forgets the upload that made it.
    virtual void completeAttachment(const AttachmentRecord& attachment) = 0;
    //! Whether a submission in one of `provinces` uses the attachment.
    virtual bool attachmentUsedIn(const std::string& sha256, const std::vector<std::string>& provinces) = 0;
    //! Bytes a user's attachments and unfinished uploads take.
    virtual std::int64_t bytesUsedBy(const std::string& userId) = 0;

    // --- audit ---
    virtual void appendAudit(const AuditEntry& entry) = 0;
    virtual std::vector<AuditEntry> listAudit(const AuditFilter& filter) = 0;

    // --- sign-in limits, kept in the store when several servers share it ---
    //! Whether several servers may share this store at once (PostgreSQL): then what must hold
    //! across them (sign-in limits) is kept in the store, not in one process's memory.
    virtual bool sharedByServers() const { return false; }
    //! How many events `key` has at or after `sinceMs` (milliseconds since 1970), and the
    //! oldest of them (0 for none).
    virtual RateEvents rateEvents(const std::string& key, std::int64_t sinceMs) = 0;
    //! Records an event of `key` at `atMs` and forgets the key's events before `forgetBeforeMs`.
    virtual void recordRateEvent(const std::string& key, std::int64_t atMs, std::int64_t forgetBeforeMs) = 0;
    virtual void clearRateEvents(const std::string& key) = 0;

    // --- operations ---
    //! Bytes the store takes on disk (for /metrics).
    virtual std::int64_t sizeOnDisk() = 0;
    //! The engine's own figures for /metrics, in Prometheus's text format ("" for none).
    virtual std::string metricsText() { return {}; }
    //! A consistent copy of the whole store at `destination`, taken while it serves.
    virtual void backup(const std::filesystem::path& destination) = 0;
};

} // namespace kc::server
