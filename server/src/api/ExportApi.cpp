// GET /v1/exports/{form}.csv[?repeat=NAME] and GET /v1/exports/{form}.json: a form's
// submissions in the caller's scope, current revisions, for reviewers and admins.
#include "api/ApiRoutes.hpp"

#include "api/ApiSupport.hpp"

#include "kc/json/Json.hpp"

namespace kc::server {

namespace bj = boost::json;

namespace {

std::string csvField(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos)
        return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

std::string cellText(const bj::value* value) {
    if (!value || value->is_null())
        return "";
    if (value->is_string())
        return std::string(value->get_string());
    if (value->is_bool())
        return value->get_bool() ? "true" : "false";
    if (value->is_array()) {
        std::string out;
        for (const auto& item : value->get_array())
            out += (out.empty() ? "" : " ") + cellText(&item);
        return out;
    }
    if (value->is_object()) {
        const auto& object = value->get_object();
        if (object.contains("lat") && object.contains("lon"))  // geopoint
            return cellText(object.if_contains("lat")) + " " + cellText(object.if_contains("lon")) + " " +
                   cellText(object.if_contains("accuracy"));
    }
    return json::serialize(*value);
}

//! The answer-holding questions of one scope, in document order.
std::vector<const forms::Question*> columnsOf(const forms::Form& form, int scope) {
    std::vector<const forms::Question*> columns;
    for (int member : form.scopes[static_cast<std::size_t>(scope)].members) {
        const auto& question = form.questions[static_cast<std::size_t>(member)];
        if (forms::holdsAnswer(question.type) && question.type != forms::QuestionType::Repeat)
            columns.push_back(&question);
    }
    return columns;
}

void appendRow(std::string& out, const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i)
        out += (i ? "," : "") + csvField(cells[i]);
    out += "\r\n";
}

//! One row per entry of a top-level repeat; `entry` numbers them from 1.
void repeatRows(const forms::Question& repeat, const bj::object& answers,
                const std::vector<const forms::Question*>& columns, const std::string& submissionId,
                std::string& out) {
    const auto* entries = answers.if_contains(repeat.name);
    if (!entries || !entries->is_array())
        return;
    for (std::size_t i = 0; i < entries->get_array().size(); ++i) {
        const auto& entry = entries->get_array()[i];
        if (!entry.is_object())
            continue;
        std::vector<std::string> cells{submissionId, std::to_string(i + 1)};
        for (const auto* column : columns)
            cells.push_back(cellText(entry.get_object().if_contains(column->name)));
        appendRow(out, cells);
    }
}

Response exportForm(ServerContext& context, const Request& request, const Caller& caller) {
    requireRole(caller, {domain::Role::Reviewer, domain::Role::Admin}, "export submissions");
    const std::string& file = request.pathParams.at("file");
    const auto dot = file.rfind('.');
    const std::string formId = file.substr(0, dot);
    const std::string format = dot == std::string::npos ? "" : file.substr(dot + 1);
    if (format != "csv" && format != "json")
        throwInvalid("format", "ask for " + formId + ".csv or " + formId + ".json");
    std::optional<PublishedForm> latest;
    for (auto& published : context.store.latestForms())
        if (published.id == formId)
            latest = published;
    if (!latest)
        notFound("form " + formId);
    const auto form = context.forms.get(formId, latest->version);
    const auto repeatName = queryText(request, "repeat");
    const forms::Question* repeat = nullptr;
    if (repeatName) {
        repeat = form->find(*repeatName);
        if (!repeat || repeat->type != forms::QuestionType::Repeat || repeat->scope != 0)
            throwInvalid("repeat", "form " + formId + " has no top-level repeat \"" + *repeatName + "\"");
    }
    if (format == "json") {
        std::string body = "[";
        bool first = true;
        context.store.forEachSubmission(formId, caller.provinces, [&](const SubmissionHead& head, const std::string& answers) {
            body += first ? "" : ",";
            first = false;
            body += "{\"id\":" + json::serialize(bj::string(head.id)) + ",\"revision\":" +
                    std::to_string(head.currentRevision) + ",\"state\":\"" + head.state +
                    "\",\"province\":" + json::serialize(bj::string(head.provinceCode)) +
                    ",\"officer\":" + json::serialize(bj::string(head.ownerName)) +
                    ",\"received_at\":\"" + head.receivedAt + "\",\"answers\":" + answers + "}";
        });
        body += "]";
        Response response = Response::json(200, std::move(body));
        response.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + formId + ".json\"");
        return response;
    }
    std::string body = "\xEF\xBB\xBF";  // so that Excel reads the UTF-8 Vietnamese correctly
    const auto columns = columnsOf(*form, repeat ? repeat->innerScope : 0);
    std::vector<std::string> header = repeat ? std::vector<std::string>{"submission_id", "entry"}
                                             : std::vector<std::string>{"submission_id", "revision", "state",
                                                                        "province", "officer", "received_at"};
    for (const auto* column : columns)
        header.push_back(column->name);
    appendRow(body, header);
    context.store.forEachSubmission(formId, caller.provinces, [&](const SubmissionHead& head, const std::string& text) {
        const auto answers = json::parse(text);
        if (repeat) {
            repeatRows(*repeat, answers.get_object(), columns, head.id, body);
            return;
        }
        std::vector<std::string> cells{head.id, std::to_string(head.currentRevision), head.state,
                                       head.provinceCode, head.ownerName, head.receivedAt};
        for (const auto* column : columns)
            cells.push_back(cellText(answers.get_object().if_contains(column->name)));
        appendRow(body, cells);
    });
    Response response;
    response.contentType = "text/csv; charset=utf-8";
    response.body = std::move(body);
    const std::string name = formId + (repeat ? "-" + repeat->name : "") + ".csv";
    response.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + name + "\"");
    return response;
}

} // namespace

void addExportRoutes(Router& router, ServerContext& context) {
    router.add("GET", "/v1/exports/{file}", signedIn(context.auth, [&context](const Request& r, const Caller& c) {
        return exportForm(context, r, c);
    }));
}

} // namespace kc::server
