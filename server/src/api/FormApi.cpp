// Forms for the console (docs/protocol.md, "Forms"): the published forms with their versions,
// and publishing a new version from KCField's JSON or an XLSForm workbook, checked first, with
// every problem named, and published only when there is none.
#include "api/ApiRoutes.hpp"

#include "admin/FormPublishing.hpp"
#include "api/ApiSupport.hpp"
#include "xlsform/FormFile.hpp"

#include "kc/json/Json.hpp"
#include "kc/time/Timestamp.hpp"

#include <boost/json.hpp>

namespace kc::server {
namespace {

namespace bj = boost::json;

constexpr std::string_view kWorkbookType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

Response formList(ServerContext& context) {
    bj::array forms;
    for (const auto& published : context.store.latestForms()) {
        const auto form = context.forms.get(published.id, published.version);
        bj::object title{{"vi", form->title.vi}};
        if (!form->title.en.empty())
            title["en"] = form->title.en;
        bj::array versions;
        for (long long v = 1; v <= published.version; ++v)
            if (v == published.version || context.store.findForm(published.id, v))
                versions.push_back(v);
        forms.push_back(bj::object{{"id", published.id},
                                   {"version", published.version},
                                   {"title", std::move(title)},
                                   {"versions", std::move(versions)},
                                   {"questions", form->questions.size()}});
    }
    return jsonResponse(200, bj::object{{"forms", std::move(forms)}});
}

//! "survey, row 22, relevant: …" and "questions[4].relevant: …" as {path, message}.
FieldError problemField(const std::string& problem) {
    const auto colon = problem.find(": ");
    if (colon == std::string::npos)
        return {"", problem};
    return {problem.substr(0, colon), problem.substr(colon + 2)};
}

Response publish(ServerContext& context, const Request& request, const Caller& caller) {
    const std::string type = request.header("content-type");
    const bool workbook = type.rfind(kWorkbookType, 0) == 0;
    if (!workbook && type.rfind("application/json", 0) != 0)
        throw ApiException(415, "unsupported_media_type",
                           "send the form as application/json (KCField's JSON) or as " + std::string(kWorkbookType) +
                               " (an XLSForm workbook)");
    if (request.body.empty())
        throwInvalid("", "the request carries no form");
    const auto checkOnly = queryText(request, "check");
    if (checkOnly && *checkOnly != "true" && *checkOnly != "false")
        throwInvalid("check", "expected true or false");
    const std::string fileName = queryText(request, "name").value_or("form");
    std::string fallback;
    for (char c : fileName.substr(0, fileName.rfind('.')))
        fallback += (std::isalnum(static_cast<unsigned char>(c)) || c == '_') ? c : '_';
    const auto file = xlsform::readFormBytes(request.body, workbook, fallback);
    bj::array notices(file.notices.begin(), file.notices.end());
    if (!file.ok()) {
        std::vector<FieldError> fields;
        for (const auto& problem : file.problems)
            fields.push_back(problemField(problem));
        auto response = ApiException(422, "invalid_form",
                                     std::to_string(file.problems.size()) + " problem" +
                                         (file.problems.size() == 1 ? "" : "s") + " in the form; nothing was published",
                                     fields)
                            .response();
        // The notes too, beside the error: what was read differently is worth knowing first.
        auto body = json::parse(response.body);
        body.as_object()["notices"] = std::move(notices);
        response.body = json::serialize(body);
        return response;
    }
    const auto& form = *file.form;
    bj::object answer{{"id", form.id},
                      {"version", form.version},
                      {"title", bj::object{{"vi", form.title.vi}, {"en", form.title.en}}},
                      {"questions", form.questions.size()},
                      {"notices", std::move(notices)},
                      {"published", false}};
    if (checkOnly == "true")
        return jsonResponse(200, answer);
    const auto outcome = publishForm(context.store, form);
    if (!outcome.ok())
        throw ApiException(409, outcome.kind == PublishOutcome::Kind::VersionTaken ? "version_taken" : "version_behind",
                           outcome.message, {{"version", outcome.message}});
    answer["published"] = outcome.kind == PublishOutcome::Kind::Published;
    answer["message"] = outcome.message;
    if (outcome.kind == PublishOutcome::Kind::Published)
        context.store.appendAudit({0, Timestamp::now().toRfc3339(), caller.userId, "form.publish",
                                   "form/" + form.id, std::nullopt,
                                   json::serialize(bj::object{{"id", form.id}, {"version", form.version}})});
    return jsonResponse(outcome.kind == PublishOutcome::Kind::Published ? 201 : 200, answer);
}

} // namespace

void addFormRoutes(Router& router, ServerContext& context) {
    router.add("GET", "/v1/forms", signedIn(context.auth, [&context](const Request&, const Caller&) {
        return formList(context);
    }));
    router.add("POST", "/v1/admin/forms", signedIn(context.auth, [&context](const Request& r, const Caller& c) {
        requireRole(c, {domain::Role::Admin}, "publish forms");
        return publish(context, r, c);
    }));
}

} // namespace kc::server
