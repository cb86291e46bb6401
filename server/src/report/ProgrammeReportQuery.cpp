#include "report/ProgrammeReportQuery.hpp"

namespace kc::server {

ProgrammeReport programmeReport(CentralStore& store, const ReportScope& scope, FigureSource source) {
    std::vector<std::pair<std::string, std::string>> provinces;
    for (const auto& code : scope.provinces)
        provinces.emplace_back(code, store.provinceName(code).value_or(code));
    return buildProgrammeReport(scope, std::move(provinces), store.projectFigures(scope),
                                store.approvedFigures(scope, source));
}

} // namespace kc::server
