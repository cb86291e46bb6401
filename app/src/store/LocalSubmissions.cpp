#include "store/LocalStore.hpp"

#include "kc/db/Transaction.hpp"
#include "kc/ids/Uuid.hpp"
#include "kc/json/Json.hpp"
#include "kc/time/Timestamp.hpp"

#include <stdexcept>

namespace kc::app {

namespace {

std::string nowText() { return Timestamp::now().toRfc3339(); }

constexpr const char* kSubmissionColumns =
    "SELECT id, form_id, form_version, state, revision, base_revision, answers, lost_answers, "
    "captured_at, created_at, updated_at, conflict, review_comment, review_fields, reviewed_at, "
    "receipt, sync_error, about FROM submissions ";

LocalSubmission readSubmission(db::Statement& row) {
    LocalSubmission s;
    s.id = row.getText(0);
    s.formId = row.getText(1);
    s.formVersion = row.getInt64(2);
    s.state = row.getText(3);
    s.revision = row.getOptionalInt64(4);
    s.baseRevision = row.getOptionalInt64(5);
    if (auto answers = json::parse(row.getText(6)); answers.is_object())
        s.answers = std::move(answers.get_object());
    if (auto lost = row.getOptionalText(7))
        if (auto parsed = json::parse(*lost); parsed.is_array())
            s.lostAnswers = std::move(parsed.get_array());
    s.capturedAt = row.getText(8);
    s.createdAt = row.getText(9);
    s.updatedAt = row.getText(10);
    s.conflict = row.getInt(11) != 0;
    s.reviewComment = row.getOptionalText(12);
    if (auto fields = row.getOptionalText(13))
        if (auto parsed = json::parse(*fields); parsed.is_array())
            for (const auto& f : parsed.get_array())
                if (f.is_string())
                    s.reviewFields.emplace_back(f.get_string());
    s.reviewedAt = row.getOptionalText(14);
    s.receipt = row.getOptionalText(15);
    s.syncError = row.getOptionalText(16);
    if (auto about = row.getOptionalText(17))
        if (auto parsed = json::parse(*about); parsed.is_object())
            s.about = std::move(parsed.get_object());
    return s;
}

//! Throws unless the submission exists and is in one of `allowed`.
std::string requireState(db::Database& db, const std::string& id,
                         std::initializer_list<std::string_view> allowed, const char* action) {
    auto row = db.prepareCached("SELECT state FROM submissions WHERE id = ?");
    row.bind(1, id);
    if (!row.step())
        throw std::invalid_argument(std::string("cannot ") + action + ": no submission " + id);
    std::string current = row.getText(0);
    for (const std::string_view s : allowed)
        if (current == s)
            return current;
    throw std::invalid_argument(std::string("cannot ") + action + " a submission that is " +
                                current);
}

} // namespace

std::string LocalStore::createDraft(const std::string& formId, const boost::json::object& answers) {
    const auto form = latestForm(formId);
    if (!form)
        throw std::invalid_argument("no form \"" + formId + "\" on this device; sync first");
    const std::string id = Uuid::v7().toString();
    const std::string now = nowText();
    m_db.prepareCached("INSERT INTO submissions (id, form_id, form_version, state, answers, "
                       "captured_at, created_at, updated_at) VALUES (?, ?, ?, 'draft', ?, ?, ?, ?)")
        .bindAll(id, formId, form->version, json::serialize(answers), now, now, now)
        .run();
    changed(SubmissionsChanged);
    return id;
}

std::optional<LocalSubmission> LocalStore::submission(const std::string& id) {
    auto row = m_db.prepareCached(std::string(kSubmissionColumns) + "WHERE id = ?");
    row.bind(1, id);
    if (!row.step())
        return std::nullopt;
    return readSubmission(row);
}

void LocalStore::saveDraft(const std::string& id, const boost::json::object& answers) {
    db::inTransaction(m_db, [&] {
        requireState(m_db, id, {state::Draft}, "save");
        m_db.prepareCached("UPDATE submissions SET answers = ?, updated_at = ? WHERE id = ?")
            .bindAll(json::serialize(answers), nowText(), id)
            .run();
    });
    changed(SubmissionsChanged);
}

void LocalStore::finalize(const std::string& id, const std::vector<std::string>& attachments) {
    db::inTransaction(m_db, [&] {
        requireState(m_db, id, {state::Draft}, "finalize");
        m_db.prepareCached("DELETE FROM submission_attachments WHERE submission_id = ?")
            .bind(1, id)
            .run();
        // A correction of a record pulled from the server may keep photos this device never
        // held: the server has them (and refuses the push, naming one, if it has not).
        auto revision = m_db.prepareCached("SELECT revision FROM submissions WHERE id = ?");
        revision.bind(1, id);
        const auto serverRevision = revision.step() ? revision.getOptionalInt64(0) : std::nullopt;
        const bool onServer = serverRevision && *serverRevision > 0;
        for (const auto& sha : attachments) {
            if (!attachment(sha)) {
                if (onServer)
                    continue;
                throw std::invalid_argument("attachment " + sha + " is not on this device");
            }
            m_db.prepareCached("INSERT OR IGNORE INTO submission_attachments VALUES (?, ?)")
                .bindAll(id, sha)
                .run();
        }
        const std::string now = nowText();
        m_db.prepareCached("UPDATE submissions SET state = 'queued', captured_at = ?, "
                           "updated_at = ?, sync_error = NULL WHERE id = ?")
            .bindAll(now, now, id)
            .run();
    });
    changed(SubmissionsChanged);
}

void LocalStore::returnToDraft(const std::string& id) {
    db::inTransaction(m_db, [&] {
        requireState(m_db, id, {state::Queued}, "take back to draft");
        m_db.prepareCached("UPDATE submissions SET state = 'draft', sync_error = NULL, updated_at = ? "
                           "WHERE id = ?")
            .bindAll(nowText(), id)
            .run();
    });
    changed(SubmissionsChanged);
}

void LocalStore::beginCorrection(const std::string& id) {
    db::inTransaction(m_db, [&] {
        requireState(m_db, id, {state::Returned}, "correct");
        m_db.prepareCached("UPDATE submissions SET state = 'draft', base_revision = revision, "
                           "updated_at = ? WHERE id = ?")
            .bindAll(nowText(), id)
            .run();
    });
    changed(SubmissionsChanged);
}

void LocalStore::upgradeDraft(const std::string& id, std::int64_t version,
                              const boost::json::object& answers, const boost::json::array& lost) {
    db::inTransaction(m_db, [&] {
        requireState(m_db, id, {state::Draft}, "upgrade");
        m_db.prepareCached("UPDATE submissions SET form_version = ?, answers = ?, lost_answers = ?, "
                           "updated_at = ? WHERE id = ?")
            .bindAll(version, json::serialize(answers),
                     lost.empty() ? std::optional<std::string>{}
                                  : std::optional<std::string>{json::serialize(lost)},
                     nowText(), id)
            .run();
    });
    changed(SubmissionsChanged);
}

void LocalStore::deleteDraft(const std::string& id) {
    db::inTransaction(m_db, [&] {
        requireState(m_db, id, {state::Draft}, "delete");
        // A correction of a returned submission stays: the server holds it.
        auto row = m_db.prepareCached("SELECT revision FROM submissions WHERE id = ?");
        row.bind(1, id);
        row.step();
        if (!row.isNull(0))
            throw std::invalid_argument("cannot delete a correction of a submission the server holds");
        m_db.prepareCached("DELETE FROM submissions WHERE id = ?").bind(1, id).run();
    });
    changed(SubmissionsChanged);
}

std::vector<LocalSubmission> LocalStore::submissions(const std::vector<std::string>& states) {
    std::string sql = kSubmissionColumns;
    if (!states.empty()) {
        sql += "WHERE state IN (";
        for (std::size_t i = 0; i < states.size(); ++i)
            sql += i ? ", ?" : "?";
        sql += ") ";
    }
    sql += "ORDER BY updated_at DESC, id DESC";
    auto rows = m_db.prepare(sql);
    for (std::size_t i = 0; i < states.size(); ++i)
        rows.bind(static_cast<int>(i + 1), states[i]);
    std::vector<LocalSubmission> out;
    while (rows.step())
        out.push_back(readSubmission(rows));
    return out;
}

std::vector<LocalSubmission> LocalStore::submissionsAbout(const std::string& key,
                                                          const std::string& id) {
    if (key != "facility" && key != "project")
        throw std::invalid_argument("submissionsAbout: key must be facility or project");
    // By its answers, or, pulled without them, by what the server says it is about.
    auto rows = m_db.prepare(std::string(kSubmissionColumns) + "WHERE json_extract(answers, '$." + key +
                             "') = ?1 OR json_extract(about, '$." + key + "') = ?1 ORDER BY captured_at DESC, id DESC");
    rows.bind(1, id);
    std::vector<LocalSubmission> out;
    while (rows.step())
        out.push_back(readSubmission(rows));
    return out;
}

std::map<std::string, std::int64_t> LocalStore::countByState() {
    std::map<std::string, std::int64_t> counts;
    auto rows = m_db.prepareCached("SELECT state, count(*) FROM submissions GROUP BY state");
    while (rows.step())
        counts[rows.getText(0)] = rows.getInt64(1);
    return counts;
}

std::vector<LocalSubmission> LocalStore::outbox(int limit) {
    auto rows = m_db.prepareCached(std::string(kSubmissionColumns) +
                                   "WHERE state IN ('queued', 'sending') ORDER BY id LIMIT ?");
    rows.bind(1, limit);
    std::vector<LocalSubmission> out;
    while (rows.step())
        out.push_back(readSubmission(rows));
    return out;
}

std::int64_t LocalStore::bytesToUpload() {
    auto row = m_db.prepareCached(
        "SELECT COALESCE(SUM(size), 0) FROM attachments WHERE uploaded = 0 AND sha256 IN ("
        "SELECT sa.sha256 FROM submission_attachments sa JOIN submissions s ON s.id = sa.submission_id "
        "WHERE s.state IN ('queued', 'sending'))");
    return row.step() ? row.getInt64(0) : 0;
}

std::vector<AttachmentRow> LocalStore::attachmentsToUpload() {
    auto rows = m_db.prepareCached(
        "SELECT DISTINCT a.sha256, a.size, a.content_type, a.uploaded FROM attachments a "
        "JOIN submission_attachments sa ON sa.sha256 = a.sha256 "
        "JOIN submissions s ON s.id = sa.submission_id "
        "WHERE a.uploaded = 0 AND s.state IN ('queued', 'sending') ORDER BY a.sha256");
    std::vector<AttachmentRow> out;
    while (rows.step())
        out.push_back({rows.getText(0), rows.getInt64(1), rows.getText(2), rows.getInt(3) != 0, {}});
    return out;
}

void LocalStore::markSending(const std::vector<std::string>& ids) {
    db::inTransaction(m_db, [&] {
        for (const auto& id : ids)
            m_db.prepareCached("UPDATE submissions SET state = 'sending' WHERE id = ? AND "
                               "state IN ('queued', 'sending')")
                .bind(1, id)
                .run();
    });
    changed(SubmissionsChanged);
}

void LocalStore::requeueSending() {
    m_db.exec("UPDATE submissions SET state = 'queued' WHERE state = 'sending'");
    changed(SubmissionsChanged);
}

void LocalStore::applyReceipt(const protocol::Receipt& receipt) {
    using protocol::ReceiptStatus;
    const std::string& id = receipt.id;
    if (receipt.status == ReceiptStatus::Duplicate && !receipt.original)
        throw json::JsonError("receipt.original", "a duplicate's receipt names no original");
    const protocol::Receipt& e = receipt.effective();
    db::inTransaction(m_db, [&] {
        auto current = submission(id);
        if (!current || (current->state != state::Sending && current->state != state::Queued))
            return; // a receipt for something no longer waiting (already applied)
        const std::string now = nowText();
        const std::string text = json::serialize(protocol::toJson(receipt));
        if (protocol::isStored(e.status)) {
            m_db.prepareCached("UPDATE submissions SET state = 'sent', revision = ?, "
                               "base_revision = NULL, conflict = ?, receipt = ?, sync_error = NULL, "
                               "review_comment = NULL, review_fields = NULL, updated_at = ? "
                               "WHERE id = ?")
                .bindAll(e.revision.value_or(0), e.status == ReceiptStatus::Conflict, text, now, id)
                .run();
        } else if (e.status == ReceiptStatus::Invalid) {
            // Nothing was stored: the person must correct it, so it goes back to the drafts with
            // the server's messages.
            boost::json::array errors;
            for (const auto& problem : e.errors)
                errors.push_back(protocol::toJson(problem));
            m_db.prepareCached("UPDATE submissions SET state = 'draft', receipt = ?, sync_error = ?, "
                               "updated_at = ? WHERE id = ?")
                .bindAll(text, json::serialize(errors), now, id)
                .run();
        } else if (e.status == ReceiptStatus::MissingAttachments) {
            for (const auto& sha : e.missing)
                markUploaded(sha, false);
            m_db.prepareCached("UPDATE submissions SET state = 'queued', sync_error = ? WHERE id = ?")
                .bindAll(std::string("missing attachments"), id)
                .run();
        } else {
            throw json::JsonError("receipt.original.status", "a duplicate's original is itself a duplicate");
        }
    });
    changed(SubmissionsChanged);
}

void LocalStore::putAttachment(const std::string& sha256, std::int64_t size,
                               const std::string& contentType, const boost::json::object& origin) {
    m_db.prepareCached("INSERT OR IGNORE INTO attachments (sha256, size, content_type, created_at, origin) "
                       "VALUES (?, ?, ?, ?, ?)")
        .bindAll(sha256, size, contentType, nowText(),
                 origin.empty() ? std::optional<std::string>() : std::optional(json::serialize(origin)))
        .run();
}

std::optional<AttachmentRow> LocalStore::attachment(const std::string& sha256) {
    auto row = m_db.prepareCached(
        "SELECT sha256, size, content_type, uploaded, origin FROM attachments WHERE sha256 = ?");
    row.bind(1, sha256);
    if (!row.step())
        return std::nullopt;
    AttachmentRow out{row.getText(0), row.getInt64(1), row.getText(2), row.getInt(3) != 0, {}};
    if (!row.isNull(4))
        if (const auto origin = json::parse(row.getText(4)); origin.is_object())
            out.origin = origin.get_object();
    return out;
}

void LocalStore::markUploaded(const std::string& sha256, bool uploaded) {
    m_db.prepareCached("UPDATE attachments SET uploaded = ? WHERE sha256 = ?")
        .bindAll(uploaded, sha256)
        .run();
    changed(AttachmentsChanged);
}

} // namespace kc::app
