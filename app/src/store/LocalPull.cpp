#include "store/LocalStore.hpp"

#include "kc/db/Transaction.hpp"
#include "kc/json/Json.hpp"
#include "kc/time/Timestamp.hpp"

namespace kc::app {

std::string_view localState(protocol::SubmissionState serverState) {
    return serverState == protocol::SubmissionState::Submitted ? state::Sent : protocol::stateCode(serverState);
}

namespace {

std::optional<std::string> optionalText(const boost::json::object& data, const char* key) {
    if (const auto* v = data.if_contains(key); v && v->is_string())
        return std::string(v->get_string());
    return std::nullopt;
}

} // namespace

PullApplied LocalStore::applyPull(const PullPage& page) {
    PullApplied result;
    const ChangeGroup group(*this);  // a page is told once, whatever it held
    db::inTransaction(m_db, [&] {
        for (std::size_t i = 0; i < page.changes.size(); ++i) {
            if (!page.changes[i].is_object())
                throw json::JsonError("changes[" + std::to_string(i) + "]", "expected an object");
            applyChange(page.changes[i].get_object(), result);
        }
        // The cursor moves with the page it ends, in the same transaction.
        setMeta("pull_cursor", page.next);
    });
    if (!page.changes.empty())
        changed(FormsChanged | RegistersChanged | SubmissionsChanged);
    return result;
}

void LocalStore::applyChange(const boost::json::object& change, PullApplied& result) {
    const json::ObjectReader c(change, "change");
    const std::string kind = c.string("kind");
    const std::string id = c.string("id");
    const bool deleted = c.boolean("deleted");
    if (kind == "form") {
        if (!deleted) // versions are kept: drafts begun on an old one still open
            putForm(c.object("data").object());
    } else if (kind == "facility") {
        auto local = facility(id);
        if (local && local->pending) {
            ++result.keptLocal;
            return;
        }
        if (deleted)
            m_db.prepareCached("DELETE FROM facilities WHERE id = ?").bind(1, id).run();
        else
            putFacility(c.object("data").object(), false);
    } else if (kind == "project") {
        if (deleted)
            m_db.prepareCached("DELETE FROM projects WHERE id = ?").bind(1, id).run();
        else
            putProject(c.object("data").object());
    } else if (kind == "assignment") {
        if (!deleted) {
            const auto data = c.object("data");
            m_db.prepareCached("INSERT INTO assignments (id, project_id, user_id) VALUES (?, ?, ?) "
                               "ON CONFLICT (id) DO UPDATE SET project_id = excluded.project_id, "
                               "user_id = excluded.user_id")
                .bindAll(id, data.string("project_id"), data.string("user_id"))
                .run();
        } else {
            auto row = m_db.prepareCached("SELECT project_id FROM assignments WHERE id = ?");
            row.bind(1, id);
            std::optional<std::string> project;
            if (row.step())
                project = row.getText(0);
            row.reset();
            m_db.prepareCached("DELETE FROM assignments WHERE id = ?").bind(1, id).run();
            // A collaborator keeps only what their assignments reach.
            if (project && meta("role").value_or("") == "collaborator") {
                m_db.prepareCached("DELETE FROM projects WHERE id = ?").bind(1, *project).run();
                m_db.exec("DELETE FROM facilities WHERE pending = 0 AND id NOT IN ("
                          "SELECT value FROM projects, json_each(projects.data, '$.beneficiaries'))");
            }
        }
    } else if (kind == "submission") {
        if (!deleted)
            applySubmissionChange(c.object("data").object(), result);
    } else {
        return; // a kind this version does not know: newer servers may add some
    }
    ++result.applied;
}

void LocalStore::applySubmissionChange(const boost::json::object& data, PullApplied& result) {
    const json::ObjectReader d(data, "submission");
    const std::string id = d.string("id");
    const std::string serverState = d.string("state");
    const auto parsed = protocol::parseSubmissionState(serverState);
    if (!parsed)
        throw json::JsonError("submission.state", "unknown state \"" + serverState + "\" (is this app older than the server?)");
    const std::string newState(localState(*parsed));
    const std::string fields = data.contains("review_fields") && data.at("review_fields").is_array()
                                   ? json::serialize(data.at("review_fields"))
                                   : std::string("[]");
    // What it is about and when it last changed, as the server says (not when it was pulled).
    boost::json::object aboutObject;
    if (auto facility = optionalText(data, "facility_id"))
        aboutObject["facility"] = *facility;
    if (auto project = optionalText(data, "project_id"))
        aboutObject["project"] = *project;
    const std::optional<std::string> about =
        aboutObject.empty() ? std::nullopt : std::optional<std::string>(json::serialize(aboutObject));
    const std::string now = Timestamp::now().toRfc3339();
    const std::string changedAt = optionalText(data, "updated_at").value_or(now);
    auto local = submission(id);
    if (!local) {
        m_db.prepareCached(
                "INSERT INTO submissions (id, form_id, form_version, state, revision, answers, "
                "captured_at, created_at, updated_at, conflict, review_comment, review_fields, "
                "reviewed_at, about) VALUES (?, ?, ?, ?, ?, '{}', ?, ?, ?, ?, ?, ?, ?, ?)")
            .bindAll(id, d.string("form_id"), d.int64("form_version"), newState,
                     d.int64("revision"), changedAt, now, changedAt,
                     d.optionalBoolean("conflict").value_or(false),
                     optionalText(data, "review_comment"), fields,
                     optionalText(data, "reviewed_at"), about)
            .run();
        if (newState == state::Returned)
            result.answersToFetch.push_back(id);
        return;
    }
    // Pulled data never overwrites a change made here that the server has not acknowledged.
    if (local->state == state::Draft || local->state == state::Queued ||
        local->state == state::Sending) {
        ++result.keptLocal;
        return;
    }
    // Once no conflict waits, the answers held here are those of the revision that stands:
    // fetched when another stands than the one held, or when this device's copy was in a
    // conflict (the officer's own edit stays shown while the reviewer has not chosen).
    const bool serverConflict = d.optionalBoolean("conflict").value_or(false);
    if (!serverConflict && (local->conflict || (local->revision && *local->revision != d.int64("revision"))))
        result.answersToFetch.push_back(id);
    m_db.prepareCached("UPDATE submissions SET state = ?, revision = ?, conflict = ?, "
                       "review_comment = ?, review_fields = ?, reviewed_at = ?, updated_at = ?, "
                       "about = coalesce(?, about) WHERE id = ?")
        .bindAll(newState, d.int64("revision"), d.optionalBoolean("conflict").value_or(false),
                 optionalText(data, "review_comment"), fields, optionalText(data, "reviewed_at"),
                 changedAt, about, id)
        .run();
}

void LocalStore::adoptServerAnswers(const std::string& id, std::int64_t revision, std::int64_t formVersion,
                                    const boost::json::object& answers) {
    m_db.prepareCached("UPDATE submissions SET answers = ?, form_version = ? "
                       "WHERE id = ? AND revision = ? AND (answers = '{}' OR state NOT IN (?, ?, ?))")
        .bindAll(json::serialize(answers), formVersion, id, revision, std::string(state::Draft),
                 std::string(state::Queued), std::string(state::Sending))
        .run();
    changed(SubmissionsChanged);
}

} // namespace kc::app
