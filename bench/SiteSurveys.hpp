#pragma once

// The site survey the ingest benchmarks push, on either engine.
#include "seed/ReportedForms.hpp"

#include "kc/ids/Uuid.hpp"

#include <boost/json/object.hpp>

#include <string>

namespace kc::bench {

//! A site survey as an officer's phone sends it: a facility visited, two machines seen, a photo.
inline boost::json::object siteSurvey(const std::string& facility, const std::string& photo, int i) {
    auto answers = server::answers::siteSurvey(facility, "2026-10-" + std::to_string(10 + i % 19),
                                               22.6 + (i % 100) * 0.001, 106.2, "Miến dong", 5 + i % 20, photo);
    answers["people_met"] = "Ông Nông Văn Thắng, chủ nhiệm hợp tác xã";
    answers["equipment"] = boost::json::array{
        boost::json::object{{"equipment_name", "Máy nghiền bột"}, {"equipment_year", 2012}, {"equipment_state", "worn"}},
        boost::json::object{{"equipment_name", "Lò sấy"}, {"equipment_year", 2018}, {"equipment_state", "good"}}};
    return server::answers::pushItem(Uuid::v7().toString(), "site_survey", std::move(answers));
}

} // namespace kc::bench
