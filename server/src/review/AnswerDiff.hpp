#pragma once

#include <boost/json/value.hpp>

#include <string>
#include <vector>

namespace kc::server {

struct AnswerChange {
    std::string path;  //!< "items[1].quantity"
    boost::json::value before;  //!< null when added
    boost::json::value after;   //!< null when removed
};

//! What changed between two revisions' answers, field by field, repeats entry by entry.
std::vector<AnswerChange> diffAnswers(const boost::json::value& before, const boost::json::value& after);

} // namespace kc::server
