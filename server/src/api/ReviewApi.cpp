// Review: GET /v1/submissions, GET /v1/submissions/{id}, GET /v1/submissions/{id}/diff,
// GET /v1/submissions/{id}/history, POST /v1/submissions/{id}/review,
// POST /v1/submissions/{id}/resolve; GET /v1/audit.
#include "api/ApiRoutes.hpp"

#include "api/ApiSupport.hpp"
#include "review/AnswerDiff.hpp"
#include "review/ReviewService.hpp"
#include "sync/BatchRegisters.hpp"

#include "kc/protocol/Review.hpp"
#include "kc/json/Json.hpp"

#include <map>

namespace kc::server {

namespace bj = boost::json;

namespace {

//! The submission of the request's path if the caller may see it (404 otherwise).
SubmissionHead visibleSubmission(ServerContext& context, const Request& request, const Caller& caller) {
    return visibleSubmission(context.store, caller, pathId(request));
}

//! The filter of a list or a count, from the query, within the caller's scope.
SubmissionFilter filterFor(const Request& request, const Caller& caller) {
    SubmissionFilter filter;
    filter.provinces = caller.provinces;
    if (!caller.isStaff())
        filter.ownerId = caller.userId;
    filter.formId = queryText(request, "form");
    if (const auto state = queryText(request, "state")) {
        filter.state = protocol::parseSubmissionState(*state);
        if (!filter.state)
            throwInvalid("state", "expected " + protocol::submissionStatesText());
    }
    filter.province = queryText(request, "province");
    filter.officer = queryText(request, "officer");
    for (const char* name : {"from", "to"})
        if (auto text = queryText(request, name); text && !Timestamp::parse(*text))
            throwInvalid(name, "expected an RFC 3339 time such as 2026-01-31T00:00:00Z");
    if (auto from = queryText(request, "from"))
        filter.receivedFrom = Timestamp::parse(*from).value().toRfc3339();
    if (auto to = queryText(request, "to"))
        filter.receivedTo = Timestamp::parse(*to).value().toRfc3339();
    if (auto conflict = queryText(request, "conflict"))
        filter.conflict = *conflict == "true" || *conflict == "1";
    if (auto search = queryText(request, "q"); search && !search->empty()) {
        if (search->size() > 200)
            throwInvalid("q", "a search is at most 200 characters");
        filter.search = *search;
    }
    if (auto order = queryText(request, "sort")) {
        const auto parsed = protocol::parseSubmissionOrder(*order);
        if (!parsed)
            throwInvalid("sort", "expected " + protocol::submissionOrdersText() + ", got \"" + *order + "\"");
        filter.order = *parsed;
    }
    if (auto cursor = queryText(request, "before")) {
        // The previous page's "next": an id, or for "changed" the time it changed and the id.
        const auto cut = cursor->find('_');
        const bool changed = filter.order == protocol::SubmissionOrder::Changed;
        if (cursor->empty() || (changed ? cut == std::string::npos || cut == 0 || cut + 1 == cursor->size()
                                        : cut != std::string::npos))
            throwInvalid("before", "expected the \"next\" of the previous page in the same sort order");
        if (changed)
            filter.beforeChangedAt = cursor->substr(0, cut);
        filter.before = changed ? cursor->substr(cut + 1) : *cursor;
    }
    filter.limit = static_cast<int>(queryInteger(request, "limit", 50, 1, 500));
    return filter;
}

//! Where the next page starts after `last`, in `order` (see filterFor).
std::string listCursor(const SubmissionHead& last, protocol::SubmissionOrder order) {
    return order == protocol::SubmissionOrder::Changed ? last.updatedAt + "_" + last.id : last.id;
}

Response list(ServerContext& context, const Request& request, const Caller& caller) {
    const auto filter = filterFor(request, caller);
    const auto heads = context.store.listSubmissions(filter);
    bj::array items;
    for (const auto& head : heads)
        items.emplace_back(protocol::toJson(head));
    bj::object body{{"submissions", std::move(items)}};
    body["next"] = static_cast<int>(heads.size()) == filter.limit ? bj::value(listCursor(heads.back(), filter.order))
                                                                  : bj::value(nullptr);
    return jsonResponse(200, body);
}

Response counts(ServerContext& context, const Request& request, const Caller& caller) {
    const auto counted = context.store.countSubmissions(filterFor(request, caller));
    bj::object byState;
    for (const auto state : protocol::kSubmissionStates) {
        const std::string code(protocol::stateCode(state));
        const auto found = counted.byState.find(code);
        byState[code] = found == counted.byState.end() ? 0 : found->second;
    }
    return jsonResponse(200, bj::object{{"counts", std::move(byState)}, {"conflicts", counted.conflicts}});
}

Response detail(ServerContext& context, const Request& request, const Caller& caller) {
    const auto head = visibleSubmission(context, request, caller);
    bj::object body = protocol::toJson(head);
    bj::array revisions;
    bj::array mayStand;  // while a conflict waits: the revisions the reviewer may choose
    for (const auto& revision : context.store.revisions(head.id)) {
        if (head.conflict && protocol::mayStand(revision.revision, head.currentRevision, revision.conflict))
            mayStand.emplace_back(revision.revision);
        bj::object item{{"revision", revision.revision},
                        {"form_version", revision.formVersion},
                        {"conflict", revision.conflict},
                        {"received_at", revision.receivedAt},
                        {"answers", json::parse(revision.answers)}};
        item["base_revision"] = revision.baseRevision ? bj::value(*revision.baseRevision) : bj::value(nullptr);
        item["captured_at"] = revision.capturedAt ? bj::value(*revision.capturedAt) : bj::value(nullptr);
        revisions.emplace_back(std::move(item));
    }
    body["revisions"] = std::move(revisions);
    body["may_stand"] = std::move(mayStand);
    return jsonResponse(200, body);
}

Response diff(ServerContext& context, const Request& request, const Caller& caller) {
    const auto head = visibleSubmission(context, request, caller);
    const auto revisions = context.store.revisions(head.id);
    const std::int64_t last = revisions.empty() ? 1 : revisions.back().revision;
    const std::int64_t to = queryInteger(request, "to", head.currentRevision, 1, last);
    const std::int64_t from = queryInteger(request, "from", std::max<std::int64_t>(1, to - 1), 1, last);
    const auto answersOf = [&](std::int64_t n) { return json::parse(revisions.at(static_cast<std::size_t>(n - 1)).answers); };
    bj::array changes;
    for (const auto& change : diffAnswers(answersOf(from), answersOf(to))) {
        bj::object item{{"path", change.path}};
        item["before"] = change.before;
        item["after"] = change.after;
        changes.emplace_back(std::move(item));
    }
    return jsonResponse(200, bj::object{{"id", head.id}, {"from", from}, {"to", to}, {"changes", std::move(changes)}});
}

//! Who did what to the submission and when: its review decisions and settled conflicts, from
//! the audit log, oldest first.
Response history(ServerContext& context, const Request& request, const Caller& caller) {
    const auto head = visibleSubmission(context, request, caller);
    AuditFilter filter;
    filter.record = "submission/" + head.id;
    filter.provinces = caller.provinces;
    filter.limit = 1000;
    bj::array entries;
    std::map<std::string, bj::value> actors;
    for (const auto& entry : context.store.listAudit(filter)) {
        if (!entry.after)
            continue;
        const bj::value after = json::parse(*entry.after);
        const bj::value before = entry.before ? json::parse(*entry.before) : bj::value(nullptr);
        // Entries written by older servers may lack a field: shown as null.
        const auto field = [](const bj::value& shown, const char* name) {
            const auto* found = shown.is_object() ? shown.as_object().if_contains(name) : nullptr;
            return found ? *found : bj::value(nullptr);
        };
        auto& actor = actors[entry.actorId];
        if (actor.is_null()) {
            const auto user = context.store.findUser(entry.actorId);
            actor = bj::object{{"id", entry.actorId},
                               {"username", user ? user->username : ""},
                               {"display_name", user ? user->displayName : ""}};
        }
        const auto dot = entry.action.find('.');
        bj::object item{{"at", entry.at},
                        {"actor", actor},
                        {"action", entry.action.substr(dot == std::string::npos ? 0 : dot + 1)},
                        {"revision", field(after, "revision")},
                        {"state", field(after, "state")},
                        {"comment", field(after, "review_comment")},
                        {"fields", field(after, "review_fields")},
                        {"from_revision", field(before, "revision")}};
        entries.emplace_back(std::move(item));
    }
    return jsonResponse(200, bj::object{{"id", head.id}, {"entries", std::move(entries)}});
}

Response resolve(ServerContext& context, const Request& request, const Caller& caller) {
    requireRole(caller, {domain::Role::Reviewer, domain::Role::Admin}, "settle conflicts");
    const std::string& id = pathId(request);
    const auto value = parseJsonBody(request);
    const json::ObjectReader body(value, "");
    ConflictChoice choice{body.int64("revision"), body.int64("seen"), body.optionalString("comment").value_or("")};
    return jsonResponse(200, ReviewService(context.store, context.forms).resolve(caller, id, choice));
}

Response review(ServerContext& context, const Request& request, const Caller& caller) {
    requireRole(caller, {domain::Role::Reviewer, domain::Role::Admin}, "review submissions");
    const std::string& id = pathId(request);
    const auto value = parseJsonBody(request);
    const json::ObjectReader body(value, "");
    const std::string action = body.string("action");
    const std::int64_t revision = body.int64("revision");
    const auto parsed = protocol::parseReviewAction(action);
    if (!parsed)
        throwInvalid("action", "expected " + protocol::reviewActionsText() + ", got \"" + action + "\"");
    ReviewDecision decision{*parsed, revision, body.optionalString("comment").value_or(""), {}};
    if (body.has("fields")) {
        const auto& named = body.array("fields");
        for (std::size_t i = 0; i < named.size(); ++i) {
            if (!named[i].is_string() || named[i].get_string().empty())
                throwInvalid("fields[" + std::to_string(i) + "]", "expected a field path such as items[1].serial_number");
            decision.fields.push_back(named[i]);
        }
    }
    return jsonResponse(200, ReviewService(context.store, context.forms).decide(caller, id, decision));
}

Response audit(ServerContext& context, const Request& request, const Caller& caller) {
    requireRole(caller, {domain::Role::Admin}, "read the audit log");
    AuditFilter filter;
    filter.actorId = queryText(request, "actor");
    filter.record = queryText(request, "record");
    if (request.query.count("after"))
        filter.after = queryInteger(request, "after", 0, 0, INT64_MAX);
    filter.limit = static_cast<int>(queryInteger(request, "limit", 100, 1, 1000));
    // Like every other list: what concerns the caller's provinces only.
    filter.provinces = caller.provinces;
    const auto entries = context.store.listAudit(filter);
    bj::array items;
    for (const auto& entry : entries) {
        bj::object item{{"id", entry.id}, {"at", entry.at}, {"actor_id", entry.actorId},
                        {"action", entry.action}, {"record", entry.record}};
        item["before"] = entry.before ? json::parse(*entry.before) : bj::value(nullptr);
        item["after"] = entry.after ? json::parse(*entry.after) : bj::value(nullptr);
        items.emplace_back(std::move(item));
    }
    bj::object body{{"entries", std::move(items)}};
    body["next"] = static_cast<int>(entries.size()) == filter.limit ? bj::value(entries.back().id)
                                                                     : bj::value(nullptr);
    return jsonResponse(200, body);
}

} // namespace

void addReviewRoutes(Router& router, ServerContext& context) {
    const auto route = [&](const char* method, const char* pattern,
                           Response (*handler)(ServerContext&, const Request&, const Caller&)) {
        router.add(method, pattern, signedIn(context.auth, [&context, handler](const Request& r, const Caller& c) {
            return handler(context, r, c);
        }));
    };
    route("GET", "/v1/submissions", list);
    route("GET", "/v1/submission-counts", counts);
    route("GET", "/v1/submissions/{id}", detail);
    route("GET", "/v1/submissions/{id}/diff", diff);
    route("GET", "/v1/submissions/{id}/history", history);
    route("POST", "/v1/submissions/{id}/review", review);
    route("POST", "/v1/submissions/{id}/resolve", resolve);
    route("GET", "/v1/audit", audit);
}

} // namespace kc::server
