#pragma once

#include "kc/money/Money.hpp"

#include <boost/json/object.hpp>

#include <string>
#include <vector>

// Answers of the forms the programme report counts, complete enough to pass the form
// engine: the demo activity is built from them, and so are the report tests' datasets.
namespace kc::server::answers {

struct HandoverItem {
    std::string name;
    std::string serial;
    int quantity = 1;
    money::Dong unitPrice = 0;
    std::string supplier;
};

//! An equipment handover on `project` at `facility`; `photo` and `signature` are SHA-256s.
boost::json::object equipmentHandover(const std::string& project, const std::string& facility,
                                      const std::string& date, const std::vector<HandoverItem>& items,
                                      const std::string& representative, const std::string& photo,
                                      const std::string& signature);
boost::json::object siteSurvey(const std::string& facility, const std::string& date, double lat, double lon,
                               const std::string& mainProduct, int workforce, const std::string& photo);
boost::json::object monitoringVisit(const std::string& project, const std::string& date,
                                    const std::string& inspectors, const std::string& findings);
boost::json::object progressReport(const std::string& project, const std::string& periodStart,
                                   const std::string& periodEnd, int percentDone, money::Dong disbursed, int jobs,
                                   const std::string& photo);
boost::json::object typicalProduct(const std::string& facility, const std::string& product, const std::string& group,
                                   const std::string& level, int year, const std::string& certificate,
                                   const std::string& photo);

//! A push item: {"id", "form_id", "form_version": 1, "answers"}.
boost::json::object pushItem(const std::string& id, const std::string& formId, boost::json::object answers);

} // namespace kc::server::answers
