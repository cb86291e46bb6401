#pragma once

#include "store/CentralStore.hpp"

#include "store/SqlEngine.hpp"

#include <condition_variable>
#include <atomic>
#include <exception>
#include <memory>
#include <filesystem>
#include <mutex>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace kc::server {

//! The central store's queries and rules, written once for both engines (SqlEngine.hpp):
//! SqliteCentralStore and PgCentralStore open and migrate their database, then hand this
//! class a connection that writes and one that reads what is committed.
class SqlCentralStore : public CentralStore {
public:
    //! The connection that writes and the one that reads what is committed, both open on a
    //! migrated database.
    struct Engines {
        std::unique_ptr<SqlDatabase> writer;
        //! One or more (PostgreSQL: a few, so that pulls and sign-ins of many devices read side
        //! by side rather than one after another).
        std::vector<std::unique_ptr<SqlDatabase>> readers;
    };
    explicit SqlCentralStore(Engines engines);
    bool ping() override;
    StoreCounts counts() override;
    std::string metaValue(const std::string& key) override;
    void setMetaValue(const std::string& key, const std::string& value) override;
    //! Group commit (SqlGroupCommit.cpp): works that arrive while another commits wait,
    //! then commit together, each in a savepoint of one transaction, with one fsync.
    void atomically(const std::function<void()>& work) override;
    void atomicallyRepeatable(const std::function<void()>& work, ReadAheadKeys keys) override;
    void upsertProvince(const domain::Province& province) override;
    void upsertCommune(const domain::Commune& commune) override;
    void upsertUnits(const std::vector<domain::AdministrativeUnit>& units) override;
    std::vector<domain::AdministrativeUnit> listUnits() override;
    std::vector<std::string> withPredecessors(const std::vector<std::string>& provinceCodes) override;
    std::string createUser(const NewUser& user) override;
    std::string createFacility(domain::Facility facility) override;
    void updateFacility(const domain::Facility& facility) override;
    void updateProject(const domain::Project& project) override;
    std::string createProject(domain::Project project) override;
    bool publishForm(const forms::Form& form) override;
    std::vector<PublishedForm> latestForms() override;
    std::optional<PublishedForm> findForm(const std::string& id, long long version) override;

    // SqlUsers.cpp
    std::optional<UserRecord> findUser(const std::string& id) override;
    std::optional<UserRecord> findUserByName(const std::string& username) override;
    std::vector<UserRecord> listUsers() override;
    void setPassword(const std::string& userId, const std::string& passwordHash) override;
    void setUserDisabled(const std::string& userId, bool disabled) override;
    void storeToken(const TokenRecord& token) override;
    std::vector<TokenRecord> liveTokens(const std::string& userId, const std::string& now) override;
    std::optional<TokenRecord> findToken(const std::string& hash) override;
    std::optional<TokenHolder> findTokenHolder(const std::string& hash) override;
    bool revokeToken(const std::string& hash, const std::string& at) override;
    int revokeUserTokens(const std::string& userId, const std::string& at) override;
    void storeEnrollmentCode(const EnrollmentRecord& code) override;
    std::optional<EnrollmentRecord> redeemEnrollmentCode(const std::string& hash,
                                                         const std::string& now) override;

    // SqlRegisters.cpp
    std::optional<std::string> provinceName(const std::string& provinceCode) override;
    std::vector<domain::Province> listProvinces() override;
    std::optional<std::string> communeProvince(const std::string& communeCode) override;
    std::optional<domain::Facility> findFacility(const std::string& id) override;
    std::optional<domain::Project> findProject(const std::string& id) override;
    std::optional<domain::Facility> findCommittedFacility(const std::string& id) override;
    std::optional<domain::Project> findCommittedProject(const std::string& id) override;
    std::vector<domain::Facility> listFacilities(const RegisterQuery& query) override;
    std::vector<domain::Project> listProjects(const RegisterQuery& query) override;
    std::vector<DuplicateCandidate> likelyDuplicates(const domain::Facility& facility,
                                                     double metres) override;
    std::vector<FlaggedFacility> flaggedFacilities(const std::vector<std::string>& provinces, int limit) override;
    void keepFacilityApart(const std::string& id) override;
    void mergeFacility(const std::string& duplicateId, const std::string& keptId) override;
    std::optional<std::string> mergedInto(const std::string& id) override;
    std::string registerFacility(domain::Facility facility, const std::string& createdBy,
                                 const std::vector<DuplicateCandidate>& duplicates) override;
    std::vector<AssignmentRecord> projectAssignments(const std::string& projectId) override;
    std::optional<AssignmentRecord> findAssignment(const std::string& id) override;
    void createAssignment(const AssignmentRecord& assignment, const std::string& createdBy) override;
    void deleteAssignment(const std::string& id) override;

    // SqlSubmissions.cpp
    std::vector<ChangeRecord> changesSince(const FeedScope& scope, std::int64_t since,
                                           int limit) override;
    std::optional<std::string> findReceipt(const std::string& submissionId,
                                           const std::string& contentHash) override;
    void storeReceipt(const std::string& submissionId, const std::string& contentHash,
                      const std::string& receipt) override;
    std::optional<SubmissionHead> findSubmission(const std::string& id) override;
    void insertSubmission(const SubmissionHead& head, const SubmissionRevision& first) override;
    void addRevision(const std::string& submissionId, const SubmissionRevision& revision) override;
    void updateSubmission(const SubmissionHead& head) override;
    std::vector<SubmissionRevision> revisions(const std::string& submissionId) override;
    std::int64_t lastRevision(const std::string& submissionId) override;
    SubmissionCounts countSubmissions(const SubmissionFilter& filter) override;
    std::vector<SubmissionHead> listSubmissions(const SubmissionFilter& filter) override;
    std::vector<CurrentSubmission> currentSubmissions(const std::string& formId,
                                                      const std::vector<std::string>& provinces,
                                                      const std::string& afterId, int limit) override;

    // SqlReports.cpp
    ProjectFigures projectFigures(const ReportScope& scope) override;
    std::vector<ApprovedGroup> approvedFigures(const ReportScope& scope, FigureSource source) override;
    ProductFacilities productFacilities(const ReportScope& scope, FigureSource source) override;

    // SqlOperations.cpp
    std::optional<AttachmentRecord> findAttachment(const std::string& sha256) override;
    std::optional<UploadRecord> findUpload(const std::string& sha256, const std::string& userId) override;
    void saveUpload(const UploadRecord& upload) override;
    void deleteUpload(const std::string& sha256, const std::string& userId) override;
    void completeAttachment(const AttachmentRecord& attachment) override;
    std::int64_t bytesUsedBy(const std::string& userId) override;
    bool attachmentUsedIn(const std::string& sha256, const std::vector<std::string>& provinces) override;
    void appendAudit(const AuditEntry& entry) override;
    std::vector<AuditEntry> listAudit(const AuditFilter& filter) override;
    RateEvents rateEvents(const std::string& key, std::int64_t sinceMs) override;
    void recordRateEvent(const std::string& key, std::int64_t atMs, std::int64_t forgetBeforeMs) override;
    void clearRateEvents(const std::string& key) override;

protected:
    //! A reading connection held by one thread until the lease ends; then a thread waiting
    //! for any reader is told.
    class ReaderLease {
    public:
        ReaderLease(std::unique_lock<std::mutex> lock, SqlDatabase& db, const SqlCentralStore* pool = nullptr)
            : m_lock(std::move(lock)), m_db(&db), m_pool(pool) {}
        ReaderLease(ReaderLease&& other) noexcept
            : m_lock(std::move(other.m_lock)), m_db(other.m_db), m_pool(std::exchange(other.m_pool, nullptr)) {}
        ReaderLease& operator=(ReaderLease&&) = delete;
        ~ReaderLease() {
            if (m_lock.owns_lock())
                m_lock.unlock();
            if (m_pool)
                m_pool->readerFreed();
        }
        SqlDatabase& operator*() const { return *m_db; }
        SqlDatabase* operator->() const { return m_db; }

    private:
        std::unique_lock<std::mutex> m_lock;
        SqlDatabase* m_db;
        const SqlCentralStore* m_pool;
    };
    //! A free reading connection; when all are busy, the first that is freed.
    ReaderLease leaseReader() const;
    std::size_t readerCount() const { return m_readers.size(); }
    //! Reading connection `i`, held while the lease lasts.
    ReaderLease leaseReader(std::size_t i) const;
    //! The connection that writes, guarded by the writer lock.
    SqlDatabase& writer() { return m_db; }
    std::recursive_mutex& writerMutex() { return m_mutex; }

private:
    //! Runs `work` in a transaction (or inside the one atomically() opened), holding the lock.
    template <class Work> auto write(Work&& work) {
        std::lock_guard lock(m_mutex);
        if (m_db.inTransaction())
            return work();  // part of atomically(): the outer transaction commits
        return inSqlTransaction(m_db, std::forward<Work>(work));
    }
    //! Whether a change is a record's first (nothing to replace in the feed) or not.
    enum class FeedRow { First, Replaces };
    //! Appends a record's newest state to the change feed, replacing its older row.
    //! Call inside write().
    void recordChange(const std::string& kind, const std::string& recordId,
                      const std::optional<std::string>& province,
                      const std::optional<std::string>& owner, const std::string& payload,
                      FeedRow row = FeedRow::Replaces);
    void recordTombstone(const std::string& kind, const std::string& recordId);
    void recordFacilityChange(const std::string& id);
    void recordProjectChange(const std::string& id);
    void recordSubmissionChange(const SubmissionHead& head, FeedRow row);
    //! Keeps the report summary row of a submission in step with its head (SqlReports.cpp).
    void refreshReportFact(const std::string& submissionId);
    //! Fills the feed of a store migrated from before it existed.
    void backfillChanges();
    std::string insertFacility(domain::Facility facility, const std::string& createdBy,
                               const std::vector<DuplicateCandidate>& duplicates);

    //! One caller's work waiting for, or in, a group commit.
    struct GroupedWork {
        const std::function<void()>* work;
        const ReadAheadKeys* keys;  //!< set for a repeatable work (atomicallyRepeatable())
        std::exception_ptr error;
        bool done = false;
    };
    void runGrouped(GroupedWork& mine);
    void commitGroup(const std::vector<GroupedWork*>& group);
    //! Runs a group of repeatable works in one transaction without savepoints; false when
    //! one of them failed and the group, rolled back, is to run again one savepoint a work.
    bool commitTogether(const std::vector<GroupedWork*>& group);
    //! Reads ahead what the group's works will look up (their ReadAheadKeys), into m_readAhead.
    void readAhead(const std::vector<GroupedWork*>& group);
    //! Whether this thread runs one of this store's atomically() works (SqlGroupCommit.cpp).
    bool inOwnWork() const;
    //! What readAhead() learnt, for the group's works (under m_mutex, cleared after the group).
    struct ReadAhead {
        std::unordered_set<std::string> absentSubmissions;
        std::unordered_map<std::string, AttachmentRecord> attachments;
    };
    ReadAhead m_readAhead;

    std::mutex m_groupMutex;
    std::condition_variable m_groupDone;
    std::vector<GroupedWork*> m_waiting;  //!< for the next group
    bool m_committing = false;            //!< a thread is committing a group
    std::recursive_mutex m_mutex;
    std::unique_ptr<SqlDatabase> m_writerEngine;
    SqlDatabase& m_db;
    //! Pull, sign-in and exports read through connections of their own: they run beside the
    //! writer instead of queueing behind its commits, and they see only committed data.
    struct Reader {
        std::unique_ptr<SqlDatabase> db;
        std::unique_ptr<std::mutex> mutex = std::make_unique<std::mutex>();
    };
    std::vector<Reader> m_readers;
    mutable std::atomic<std::size_t> m_nextReader{0};
    //! Threads that found every reader busy wait here for the next one freed.
    mutable std::mutex m_readerPoolMutex;
    mutable std::condition_variable m_readerFreedCv;
    void readerFreed() const;
};

} // namespace kc::server
