#include "seed/ReportedForms.hpp"

#include <boost/json/array.hpp>

namespace kc::server::answers {

namespace bj = boost::json;

bj::object equipmentHandover(const std::string& project, const std::string& facility, const std::string& date,
                             const std::vector<HandoverItem>& items, const std::string& representative,
                             const std::string& photo, const std::string& signature) {
    bj::array entries;
    for (const auto& item : items)
        entries.push_back(bj::object{{"item_name", item.name},
                                     {"serial_number", item.serial},
                                     {"quantity", item.quantity},
                                     {"unit_price", item.unitPrice},
                                     {"supplier", item.supplier},
                                     {"condition", "new"},
                                     {"item_photo", photo}});
    return {{"project", project},
            {"facility", facility},
            {"handover_date", date},
            {"items", std::move(entries)},
            {"facility_representative", representative},
            {"facility_signature", signature},
            {"officer_signature", signature}};
}

bj::object siteSurvey(const std::string& facility, const std::string& date, double lat, double lon,
                      const std::string& mainProduct, int workforce, const std::string& photo) {
    return {{"facility", facility},
            {"survey_date", date},
            {"location", {{"lat", lat}, {"lon", lon}, {"accuracy", 8.0}}},
            {"main_product", mainProduct},
            {"capacity_per_year", 40},
            {"capacity_unit", "tấn"},
            {"workforce", workforce},
            {"needs", bj::array{"machinery"}},
            {"needs_detail", "Cần thay máy cũ để nâng công suất và giảm hao hụt"},
            {"feasibility", "high"},
            {"feasibility_reasons", "Cơ sở có mặt bằng, vùng nguyên liệu ổn định và vốn đối ứng"},
            {"recommended_activity", "advanced_machinery"},
            {"expected_counterpart_capital", 300'000'000},
            {"photos", bj::array{bj::value(photo)}}};
}

bj::object monitoringVisit(const std::string& project, const std::string& date, const std::string& inspectors,
                           const std::string& findings) {
    return {{"project", project},
            {"visit_date", date},
            {"inspectors", inspectors},
            {"findings", findings},
            {"compliance", "compliant"}};
}

bj::object progressReport(const std::string& project, const std::string& periodStart, const std::string& periodEnd,
                          int percentDone, money::Dong disbursed, int jobs, const std::string& photo) {
    bj::object out{{"project", project},
                   {"period_start", periodStart},
                   {"period_end", periodEnd},
                   {"percent_done", percentDone},
                   {"amount_disbursed", disbursed},
                   {"jobs_created", jobs},
                   {"has_difficulties", "no"}};
    if (!photo.empty())
        out["photos"] = bj::array{bj::value(photo)};
    return out;
}

bj::object typicalProduct(const std::string& facility, const std::string& product, const std::string& group,
                          const std::string& level, int year, const std::string& certificate,
                          const std::string& photo) {
    return {{"facility", facility},       {"product_name", product},
            {"product_group", group},     {"level", level},
            {"year", year},               {"certificate_number", certificate},
            {"certificate_photo", photo}};
}

bj::object pushItem(const std::string& id, const std::string& formId, bj::object answers) {
    return {{"id", id}, {"form_id", formId}, {"form_version", 1}, {"answers", std::move(answers)}};
}

} // namespace kc::server::answers
