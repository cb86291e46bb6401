// GET /v1/reports/programme.json, .csv and .xlsx: the programme report
// over approved data in the caller's scope, for reviewers and admins.
#include "api/ApiRoutes.hpp"

#include "api/ApiSupport.hpp"
#include "report/ProgrammeReportQuery.hpp"
#include "report/ReportRequest.hpp"

namespace kc::server {

namespace {

Response programme(ServerContext& context, const Request& request, const Caller& caller) {
    requireRole(caller, {domain::Role::Reviewer, domain::Role::Admin}, "read programme reports");
    const std::string& file = request.pathParams.at("file");
    if (file != "programme.json" && file != "programme.csv" && file != "programme.xlsx")
        notFound("report " + file + " (there are programme.json, programme.csv and programme.xlsx)");
    ReportScope scope;
    bool forbidden = false;
    try {
        scope = reportScope({queryText(request, "provinces"), queryText(request, "from"), queryText(request, "to"),
                             queryText(request, "source")},
                            caller.provinces, currentYear(), &forbidden);
    } catch (const ReportRequestError& error) {
        if (forbidden)
            throw ApiException(403, "forbidden", std::string("provinces: ") + error.what());
        throwInvalid(error.parameter(), error.what());
    }
    ProgrammeReport report;
    try {
        report = programmeReport(context.store, scope);
    } catch (const std::overflow_error& error) {
        throw ApiException(422, "total_too_large", error.what());
    }
    if (file == "programme.json")
        return jsonResponse(200, reportJson(report));
    const bool workbook = file == "programme.xlsx";
    Response response;
    response.status = 200;
    response.contentType = workbook ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                                    : "text/csv; charset=utf-8";
    response.body = workbook ? reportXlsx(report) : reportCsv(report);
    response.headers.emplace_back("Content-Disposition", "attachment; filename=\"programme-" + scope.fromDate + "-" +
                                                             scope.toDate + (workbook ? ".xlsx" : ".csv") + "\"");
    return response;
}

} // namespace

void addReportRoutes(Router& router, ServerContext& context) {
    router.add("GET", "/v1/reports/{file}", signedIn(context.auth, [&context](const Request& r, const Caller& c) {
        return programme(context, r, c);
    }));
}

} // namespace kc::server
