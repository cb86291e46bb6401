// GET /v1/pull, POST /v1/push, GET /v1/forms/{id}/versions/{version}.
#include "api/ApiRoutes.hpp"

#include "api/ApiSupport.hpp"
#include "sync/PushService.hpp"

#include "kc/json/Json.hpp"

#include <boost/json/string.hpp>

namespace kc::server {

namespace bj = boost::json;

namespace {

Response pull(ServerContext& context, const Request& request, const Caller& caller) {
    const std::int64_t since = queryInteger(request, "since", 0, 0, INT64_MAX);
    const int limit = static_cast<int>(queryInteger(request, "limit", 500, 1, context.limits.pullPage));
    auto changes = context.store.changesSince({caller.userId, caller.role, caller.provinces}, since,
                                              limit + 1);
    const bool more = static_cast<int>(changes.size()) > limit;
    if (more)
        changes.pop_back();
    // Payloads are stored as JSON text: splice them in rather than parse and re-serialize.
    std::string body = "{\"changes\":[";
    for (std::size_t i = 0; i < changes.size(); ++i) {
        const auto& change = changes[i];
        if (i)
            body += ',';
        body += "{\"seq\":" + std::to_string(change.seq) + ",\"kind\":\"" + change.kind +
                "\",\"id\":" + json::serialize(bj::string(change.recordId)) +
                ",\"deleted\":" + (change.deleted ? "true" : "false") +
                ",\"data\":" + (change.deleted ? std::string("null") : change.payload) + "}";
    }
    const std::int64_t next = changes.empty() ? since : changes.back().seq;
    body += "],\"next\":\"" + std::to_string(next) + "\",\"more\":" + (more ? "true" : "false") + "}";
    context.metrics.countPulled(static_cast<std::int64_t>(changes.size()));
    return Response::json(200, std::move(body));
}

Response push(ServerContext& context, const Request& request, const Caller& caller) {
    auto value = parseJsonBody(request);
    const json::ObjectReader body(value, "");
    const auto& items = body.array("submissions");
    // Refused, as unknown keys inside an item are: a misspelt key must not pass unnoticed.
    for (const auto& entry : body.object())
        if (entry.key() != "submissions")
            throwInvalid(std::string(entry.key()), "unknown field; a push is {\"submissions\": [...]}");
    if (static_cast<int>(items.size()) > context.limits.pushBatch)
        throw ApiException(413, "batch_too_large",
                           "a push carries at most " + std::to_string(context.limits.pushBatch) +
                               " submissions; this one has " + std::to_string(items.size()));
    bj::object answer;
    // The items are handed over (their answers are moved, not copied); the receipts come back.
    answer["receipts"] = pushSubmissions({context.store, context.forms, context.metrics}, caller,
                                         std::move(value.as_object().at("submissions").as_array()));
    return jsonResponse(200, std::move(answer));
}

Response formVersion(ServerContext& context, const Request& request) {
    const std::string& id = request.pathParams.at("id");
    long long version = 0;
    try {
        version = std::stoll(request.pathParams.at("version"));
    } catch (const std::exception&) {
        throwInvalid("version", "expected a whole number");
    }
    const auto form = context.store.findForm(id, version);
    if (!form)
        notFound("form " + id + " version " + std::to_string(version));
    return Response::json(200, "{\"id\":" + json::serialize(bj::string(form->id)) +
                                   ",\"version\":" + std::to_string(form->version) +
                                   ",\"definition\":" + form->definition + "}");
}

} // namespace

void addSyncRoutes(Router& router, ServerContext& context) {
    router.add("GET", "/v1/pull", signedIn(context.auth, [&context](const Request& r, const Caller& c) {
        return pull(context, r, c);
    }));
    router.add("POST", "/v1/push", signedIn(context.auth, [&context](const Request& r, const Caller& c) {
        return push(context, r, c);
    }));
    router.add("GET", "/v1/forms/{id}/versions/{version}",
               signedIn(context.auth, [&context](const Request& r, const Caller&) {
                   return formVersion(context, r);
               }));
}

} // namespace kc::server
