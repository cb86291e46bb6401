// GET /v1/exports/{form}.csv[?repeat=NAME], GET /v1/exports/{form}.json and
// GET /v1/exports/{form}.xlsx: a form's submissions in the caller's scope, current revisions,
// for reviewers and admins.
#include "api/ApiRoutes.hpp"

#include "admin/Csv.hpp"
#include "api/ApiSupport.hpp"
#include "export/SubmissionWorkbook.hpp"

#include "kc/ids/Uuid.hpp"

#include <fstream>

#include "kc/domain/Registers.hpp"
#include "kc/protocol/Review.hpp"
#include "kc/json/Json.hpp"

namespace kc::server {

namespace bj = boost::json;

namespace {

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

//! Writes an export a page of submissions at a time, as the transport asks for the next piece.
class ExportStream {
public:
    static constexpr int kPageSize = 500;

    ExportStream(CentralStore& store, std::string formId, std::vector<std::string> provinces,
                 std::shared_ptr<const forms::Form> form, const forms::Question* repeat, bool asJson,
                 std::optional<protocol::SubmissionState> state)
        : m_store(store), m_formId(std::move(formId)), m_provinces(std::move(provinces)), m_state(state),
          m_form(std::move(form)), m_repeat(repeat), m_json(asJson),
          m_columns(exportColumns(*m_form, repeat ? repeat->innerScope : 0)) {}

    //! Appends the next piece to `out`; false once the export is complete.
    bool next(std::string& out) {
        if (!m_started) {
            m_started = true;
            writeStart(out);
            return true;
        }
        const auto page = m_store.currentSubmissions(m_formId, m_provinces, m_after, kPageSize);
        for (const auto& row : page)
            if (!m_state || row.head.state == *m_state)
                m_json ? writeJson(row, out) : writeCsv(row, out);
        if (page.size() < static_cast<std::size_t>(kPageSize)) {
            if (m_json)
                out += "]";
            return false;
        }
        m_after = page.back().head.id;
        return true;
    }

private:
    void writeStart(std::string& out) const {
        if (m_json) {
            out += "[";
            return;
        }
        out += "\xEF\xBB\xBF";  // so that Excel reads the UTF-8 Vietnamese correctly
        std::vector<std::string> header = m_repeat ? std::vector<std::string>{"submission_id", "entry"}
                                                   : std::vector<std::string>{"submission_id", "revision", "state",
                                                                              "province", "officer", "received_at"};
        for (const auto* column : m_columns)
            header.push_back(column->name);
        appendRow(out, header);
    }

    void writeJson(const CurrentSubmission& row, std::string& out) {
        const auto& head = row.head;
        out += m_first ? "" : ",";
        m_first = false;
        out += "{\"id\":" + json::serialize(bj::string(head.id)) + ",\"revision\":" +
               std::to_string(head.currentRevision) + ",\"state\":\"" + std::string(protocol::stateCode(head.state)) +
               "\",\"province\":" + json::serialize(bj::string(head.provinceCode)) +
               ",\"officer\":" + json::serialize(bj::string(head.ownerName)) +
               ",\"received_at\":\"" + head.receivedAt + "\",\"answers\":" + row.answers + "}";
    }

    void writeCsv(const CurrentSubmission& row, std::string& out) const {
        const auto& head = row.head;
        const auto answers = json::parse(row.answers);
        if (m_repeat) {
            repeatRows(*m_repeat, answers.get_object(), m_columns, head.id, out);
            return;
        }
        std::vector<std::string> cells{head.id, std::to_string(head.currentRevision), std::string(protocol::stateCode(head.state)),
                                       head.provinceCode, head.ownerName, head.receivedAt};
        for (const auto* column : m_columns)
            cells.push_back(cellText(answers.get_object().if_contains(column->name)));
        appendRow(out, cells);
    }

    CentralStore& m_store;
    std::string m_formId;
    std::vector<std::string> m_provinces;
    std::optional<protocol::SubmissionState> m_state;  //!< only submissions in this state; unset: all
    std::shared_ptr<const forms::Form> m_form;  // keeps m_repeat and m_columns alive
    const forms::Question* m_repeat;
    bool m_json;
    std::vector<const forms::Question*> m_columns;
    std::string m_after;
    bool m_started = false;
    bool m_first = true;
};

//! The workbook is written whole to a temporary file first (a zip's directory comes last),
//! in constant memory, then sent from the file piece by piece; the file goes with the stream.
Response workbookResponse(ServerContext& context, SubmissionExport what) {
    struct WorkbookFile {
        std::filesystem::path path;
        std::ifstream in;
        bool written = false;
        ~WorkbookFile() {
            std::error_code ec;
            std::filesystem::remove(path, ec);
        }
    };
    auto file = std::make_shared<WorkbookFile>();
    file->path = std::filesystem::temp_directory_path() / ("kcfield-export-" + Uuid::v7().toString() + ".xlsx");
    const std::string name = what.formId + ".xlsx";
    Response response;
    response.contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    response.stream = [&store = context.store, file, what = std::move(what)](std::string& out) {
        if (!file->written) {
            file->written = true;
            writeSubmissionWorkbook(store, what, file->path, std::filesystem::temp_directory_path());
            file->in.open(file->path, std::ios::binary);
            if (!file->in)
                throw std::runtime_error("cannot read back the export workbook " + file->path.string());
        }
        out.resize(256 * 1024);
        file->in.read(out.data(), static_cast<std::streamsize>(out.size()));
        out.resize(static_cast<std::size_t>(file->in.gcount()));
        return !out.empty();
    };
    response.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + name + "\"");
    return response;
}

Response exportForm(ServerContext& context, const Request& request, const Caller& caller) {
    requireRole(caller, {domain::Role::Reviewer, domain::Role::Admin}, "export submissions");
    const std::string& file = request.pathParams.at("file");
    const auto dot = file.rfind('.');
    const std::string formId = file.substr(0, dot);
    const std::string format = dot == std::string::npos ? "" : file.substr(dot + 1);
    if (format != "csv" && format != "json" && format != "xlsx")
        throwInvalid("format", "ask for " + formId + ".csv, " + formId + ".json or " + formId + ".xlsx");
    std::optional<PublishedForm> latest;
    for (auto& published : context.store.latestForms())
        if (published.id == formId)
            latest = published;
    if (!latest)
        notFound("form " + formId);
    auto form = context.forms.get(formId, latest->version);
    const auto repeatName = queryText(request, "repeat");
    const forms::Question* repeat = nullptr;
    if (repeatName) {
        if (format != "csv")
            throwInvalid("repeat", "the JSON and Excel exports hold every repeat already; repeat= is for CSV");
        repeat = form->find(*repeatName);
        if (!repeat || repeat->type != forms::QuestionType::Repeat || repeat->scope != 0)
            throwInvalid("repeat", "form " + formId + " has no top-level repeat \"" + *repeatName + "\"");
    }
    std::optional<protocol::SubmissionState> state;
    if (const auto text = queryText(request, "state")) {
        state = protocol::parseSubmissionState(*text);
        if (!state)
            throwInvalid("state", "expected " + protocol::submissionStatesText() + ", got \"" + *text + "\"");
    }
    if (format == "xlsx")
        return workbookResponse(context, {formId, caller.provinces, state, std::move(form)});
    auto stream = std::make_shared<ExportStream>(context.store, formId, caller.provinces, std::move(form), repeat,
                                                 format == "json", state);
    Response response;
    response.contentType = format == "json" ? "application/json; charset=utf-8" : "text/csv; charset=utf-8";
    response.stream = [stream](std::string& out) { return stream->next(out); };
    const std::string name = formId + (repeat ? "-" + repeat->name : "") + "." + format;
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
