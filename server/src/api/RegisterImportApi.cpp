// Registers as spreadsheets for central staff (docs/protocol.md, "Registers"): the template
// workbook to fill, and an import of CSV or a workbook, every row checked, all or nothing, each
// row only in the caller's provinces.
#include "api/ApiRoutes.hpp"

#include "admin/RegisterExport.hpp"
#include "admin/RegisterImport.hpp"
#include "admin/RegisterWorkbook.hpp"
#include "api/ApiSupport.hpp"
#include "sheets/XlsxWriter.hpp"
#include "sheets/ZipReader.hpp"

#include "kc/json/Json.hpp"
#include "kc/time/Timestamp.hpp"

#include <boost/json.hpp>

#include <filesystem>
#include <functional>

namespace kc::server {
namespace {

namespace bj = boost::json;
constexpr std::string_view kWorkbookType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

std::string registerName(const Request& request) {
    const std::string& which = request.pathParams.at("register");
    if (which != "facilities" && which != "projects")
        notFound("register " + which + " (facilities or projects)");
    return which;
}

Response importRegister(ServerContext& context, const Request& request, const Caller& caller) {
    requireRole(caller, {domain::Role::Reviewer, domain::Role::Admin}, "import registers");
    const std::string which = registerName(request);
    const std::string type = request.header("content-type");
    const bool workbook = type.rfind(kWorkbookType, 0) == 0;
    if (!workbook && type.rfind("text/csv", 0) != 0)
        throw ApiException(415, "unsupported_media_type",
                           "send the register as text/csv or as an Excel workbook (" + std::string(kWorkbookType) + ")");
    CsvTable table;
    try {
        table = workbook ? tableFromWorkbook(request.body) : parseCsv(request.body);
    } catch (const sheets::WorkbookError& error) {
        throw ApiException(422, "invalid_rows", error.what(), {{"", error.what()}});
    } catch (const std::invalid_argument& error) {
        throw ApiException(422, "invalid_rows", error.what(), {{"", error.what()}});
    }
    const auto report = which == "facilities" ? importFacilities(context.store, table, &caller.provinces)
                                              : importProjects(context.store, table, &caller.provinces);
    if (!report.errors.empty()) {
        std::vector<FieldError> fields;
        for (const auto& error : report.errors) {
            const auto colon = error.find(": ");
            fields.push_back(colon == std::string::npos ? FieldError{"", error}
                                                        : FieldError{error.substr(0, colon), error.substr(colon + 2)});
        }
        throw ApiException(422, "invalid_rows",
                           std::to_string(report.errors.size()) + " problem" + (report.errors.size() == 1 ? "" : "s") +
                               " in the file; nothing was imported",
                           std::move(fields));
    }
    context.store.appendAudit({0, Timestamp::now().toRfc3339(), caller.userId, which + ".import", which,
                               std::nullopt, json::serialize(bj::object{{"imported", report.imported}})});
    return jsonResponse(200, bj::object{{"imported", report.imported}});
}

//! A workbook `write` makes, answered whole as a download called `name`.
Response workbookFile(const std::string& name, const std::function<void(const std::filesystem::path&)>& write) {
    Response response;
    response.contentType = std::string(kWorkbookType);
    response.body = sheets::workbookBytes(write);
    response.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + name + "\"");
    return response;
}

Response registerExport(ServerContext& context, const Request& request, const Caller& caller) {
    requireRole(caller, {domain::Role::Reviewer, domain::Role::Admin}, "export registers");
    const std::string& file = request.pathParams.at("file");
    if (file != "facilities.xlsx" && file != "projects.xlsx")
        notFound("register " + file + " (facilities.xlsx or projects.xlsx)");
    const std::string which = file.substr(0, file.find('.'));
    return workbookFile(which + ".xlsx", [&](const std::filesystem::path& path) {
        writeRegisterWorkbook(context.store, which, caller.provinces, path);
    });
}

Response registerTemplate(const Request& request, const Caller& caller) {
    requireRole(caller, {domain::Role::Reviewer, domain::Role::Admin}, "import registers");
    const std::string& file = request.pathParams.at("file");
    if (file != "facilities.xlsx" && file != "projects.xlsx")
        notFound("template " + file + " (facilities.xlsx or projects.xlsx)");
    return workbookFile("mau-" + file, [&](const std::filesystem::path& path) {
        writeRegisterTemplate(file.substr(0, file.find('.')), path);
    });
}

} // namespace

void addRegisterImportRoutes(Router& router, ServerContext& context) {
    router.add("POST", "/v1/registers/{register}/import", signedIn(context.auth, [&context](const Request& r, const Caller& c) {
        return importRegister(context, r, c);
    }));
    router.add("GET", "/v1/registers/{file}", signedIn(context.auth, [&context](const Request& r, const Caller& c) {
        return registerExport(context, r, c);
    }));
    router.add("GET", "/v1/registers/templates/{file}", signedIn(context.auth, [](const Request& r, const Caller& c) {
        return registerTemplate(r, c);
    }));
}

} // namespace kc::server
