#pragma once

#include "kc/db/Database.hpp"
#include "kc/forms/Form.hpp"
#include "kc/protocol/Receipt.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kc::app {

//! Where a submission stands on the device: the device's own states until the server holds
//! it, then the server's review states (kc/protocol/Review), except that a submitted one is
//! "sent" here.
namespace state {
inline constexpr std::string_view Draft = "draft";
inline constexpr std::string_view Queued = "queued";     //!< finalized, waiting to be sent
inline constexpr std::string_view Sending = "sending";   //!< in a push whose receipt is not held yet
inline constexpr std::string_view Sent = "sent";         //!< the server's receipt is held
inline constexpr std::string_view Approved = protocol::stateCode(protocol::SubmissionState::Approved);
inline constexpr std::string_view Returned = protocol::stateCode(protocol::SubmissionState::Returned);
inline constexpr std::string_view Rejected = protocol::stateCode(protocol::SubmissionState::Rejected);
} // namespace state

//! The device's state for a submission the server says is in `serverState`.
std::string_view localState(protocol::SubmissionState serverState);

struct LocalForm {
    std::string id;
    std::int64_t version = 0;
    boost::json::object title; //!< {"vi", "en"}
    std::shared_ptr<const forms::Form> form;
};

struct LocalSubmission {
    std::string id;
    std::string formId;
    std::int64_t formVersion = 0;
    std::string state;
    std::optional<std::int64_t> revision;
    std::optional<std::int64_t> baseRevision;
    boost::json::object answers;
    boost::json::array lostAnswers;
    std::string capturedAt;
    std::string createdAt;
    std::string updatedAt;
    bool conflict = false;
    std::optional<std::string> reviewComment;
    std::vector<std::string> reviewFields;
    std::optional<std::string> reviewedAt;
    std::optional<std::string> receipt; //!< JSON text
    std::optional<std::string> syncError;
    //! What the server says it is about ({"facility": id} / {"project": id}); for records
    //! pulled without their answers.
    boost::json::object about;
};

struct FacilityRow {
    std::string id;
    std::string name;
    std::string folded;
    std::string province;
    std::optional<std::string> commune;
    boost::json::object data;
    bool pending = false;
    bool needsReview = false;
    std::optional<std::string> syncError;
};

struct ProjectRow {
    std::string id;
    std::string code;
    std::string title;
    std::string folded;
    std::string province;
    std::int64_t year = 0;
    boost::json::object data;
};

struct AttachmentRow {
    std::string sha256;
    std::int64_t size = 0;
    std::string contentType;
    bool uploaded = false;
    boost::json::object origin; //!< when and where a photo was taken, as far as known
};

//! The keyset a list page continues after: (folded text, id) of the last row shown.
struct PageKey {
    std::string folded;
    std::string id;
};

//! What a pull page holds, applied in one transaction with its cursor.
struct PullPage {
    boost::json::array changes;
    std::string next;
};

struct PullApplied {
    int applied = 0;
    int keptLocal = 0; //!< records not overwritten because a local change is unacknowledged
    //! Submissions whose answers here are not the server's standing revision: returned ones
    //! this device never held, and ones whose standing revision changed elsewhere (a conflict
    //! settled for another device's revision, or the edit of another device of the same
    //! person). Their answers are fetched after the pull.
    std::vector<std::string> answersToFetch;
};

//! What a change of the store touched, as its listener is told (bits).
enum Changes : unsigned {
    FormsChanged = 1u,
    RegistersChanged = 2u,
    SubmissionsChanged = 4u,
    AttachmentsChanged = 8u, //!< a photo was sent (or must be sent again)
};

//! The device's offline store: one SQLite file in the app's data folder, attachments as files
//! in `attachments/` beside it. Every method that changes something is one transaction, so
//! killing the app at any instant leaves the store as it was before or after the action.
//! Not thread-safe: one owner thread.
class LocalStore {
public:
    //! Changes made while one is alive (a sync's receipts, a pull page, a save and a
    //! finalize in one transaction) are told to the listener once, when the last one ends.
    class ChangeGroup {
    public:
        explicit ChangeGroup(LocalStore& store) : m_store(store) { ++m_store.m_groupDepth; }
        ~ChangeGroup() { m_store.endGroup(); }
        ChangeGroup(const ChangeGroup&) = delete;
        ChangeGroup& operator=(const ChangeGroup&) = delete;

    private:
        LocalStore& m_store;
    };

    static LocalStore open(const std::filesystem::path& file);
    LocalStore(LocalStore&&) noexcept;
    LocalStore& operator=(LocalStore&&) noexcept;
    ~LocalStore();

    const std::filesystem::path& file() const { return m_file; }
    //! Told what changed (Changes bits) after each change this store makes; AppStore turns
    //! that into its signals, so no caller has to say what it changed.
    void setChangeListener(std::function<void(unsigned changes)> listener) { m_listener = std::move(listener); }
    std::filesystem::path attachmentFolder() const;
    db::Database& database() { return m_db; }

    // --- settings and sync state
    std::optional<std::string> meta(const std::string& key);
    void setMeta(const std::string& key, const std::string& value);
    void removeMeta(const std::string& key);

    // --- forms
    //! Stores a published version (kept beside older ones). Throws when the definition does
    //! not load with the shared form engine.
    void putForm(const boost::json::object& data);
    std::optional<LocalForm> latestForm(const std::string& formId);
    std::optional<LocalForm> formVersion(const std::string& formId, std::int64_t version);
    std::vector<LocalForm> latestForms();

    // --- registers
    void putFacility(const boost::json::object& data, bool pending);
    std::optional<FacilityRow> facility(const std::string& id);
    //! Facilities whose folded name holds every word of `query`, in order, by name.
    std::vector<FacilityRow> searchFacilities(const std::string& query, int limit,
                                              const std::optional<PageKey>& after = {});
    std::int64_t facilityCount();
    std::vector<FacilityRow> pendingFacilities();
    //! The server acknowledged a facility registered here.
    void acknowledgeFacility(const std::string& id, const boost::json::object& stored,
                             bool needsReview);
    void setFacilityError(const std::string& id, const std::string& error);

    void putProject(const boost::json::object& data);
    std::optional<ProjectRow> project(const std::string& id);
    std::vector<ProjectRow> searchProjects(const std::string& query, int limit,
                                           const std::optional<PageKey>& after = {});

    // --- submissions
    //! A new draft of the newest version of `formId`; returns its id (a UUIDv7).
    std::string createDraft(const std::string& formId, const boost::json::object& answers = {});
    std::optional<LocalSubmission> submission(const std::string& id);
    //! Saves a draft's answers; only a draft can be saved.
    void saveDraft(const std::string& id, const boost::json::object& answers);
    //! A draft is queued for sending, with the attachments its answers use (which must be in
    //! the store). The caller validated it.
    void finalize(const std::string& id, const std::vector<std::string>& attachments);
    //! A finalized submission not yet handed to the network goes back to draft (ODK Collect's
    //! "edit saved"); refused once a sync has started sending it.
    void returnToDraft(const std::string& id);
    //! A returned submission becomes a draft again, to be sent as a new revision of the one
    //! the reviewer returned.
    void beginCorrection(const std::string& id);
    //! Moves a draft to another form version, keeping what the new version can hold.
    void upgradeDraft(const std::string& id, std::int64_t version,
                      const boost::json::object& answers, const boost::json::array& lost);
    void deleteDraft(const std::string& id);
    std::vector<LocalSubmission> submissions(const std::vector<std::string>& states);
    std::map<std::string, std::int64_t> countByState();
    //! Submissions whose answer `key` ("facility" or "project") names `id`, newest first:
    //! a facility's history of surveys, handovers and visits; a project's reports.
    std::vector<LocalSubmission> submissionsAbout(const std::string& key, const std::string& id);

    // --- outbox
    //! Queued and sending submissions, oldest first.
    std::vector<LocalSubmission> outbox(int limit);
    //! Attachments that submissions in the outbox use and the server does not hold yet.
    std::vector<AttachmentRow> attachmentsToUpload();
    //! Bytes of the photos and signatures finalized work still has to send.
    std::int64_t bytesToUpload();
    void markSending(const std::vector<std::string>& ids);
    //! Applies one push receipt (docs/protocol.md, Push) in one transaction.
    void applyReceipt(const protocol::Receipt& receipt);
    //! Items in `sending` go back to `queued` (a push that got no answer).
    void requeueSending();

    // --- attachments
    //! Records bytes already written to attachmentFolder()/sha256.
    //! `origin`: {"taken_at", "location"} of a photo, or empty (docs/protocol.md, "Attachments").
    void putAttachment(const std::string& sha256, std::int64_t size, const std::string& contentType,
                       const boost::json::object& origin = {});
    std::optional<AttachmentRow> attachment(const std::string& sha256);
    void markUploaded(const std::string& sha256, bool uploaded);

    // --- pull
    PullApplied applyPull(const PullPage& page);
    //! Puts the server's answers of revision `revision` into a submission that stands at that
    //! revision here (see PullApplied::answersToFetch); never over a change not yet sent.
    void adoptServerAnswers(const std::string& id, std::int64_t revision, std::int64_t formVersion,
                            const boost::json::object& answers);

private:
    LocalStore(std::filesystem::path file, db::Database db);
    std::optional<LocalForm> readForm(db::Statement& row);
    void applyChange(const boost::json::object& change, PullApplied& result);
    void applySubmissionChange(const boost::json::object& data, PullApplied& result);
    //! Tells the listener of `what`, or keeps it for the end of the group under way.
    void changed(unsigned what);
    void endGroup();

    std::filesystem::path m_file;
    db::Database m_db;
    std::function<void(unsigned)> m_listener;
    int m_groupDepth = 0;
    unsigned m_pendingChanges = 0;
    std::map<std::pair<std::string, std::int64_t>, std::shared_ptr<const forms::Form>> m_formCache;
};

//! The state names a QML list may ask for.
bool isSubmissionState(const std::string& name);

} // namespace kc::app
