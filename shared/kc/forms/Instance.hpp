#pragma once

#include "kc/forms/Value.hpp"

#include <boost/json/value.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace kc::forms {

//! The answers of one instance of a scope (the whole submission, or one repeat entry),
//! indexed by the questions' slots so that evaluation never looks names up.
struct InstanceNode {
    std::vector<Value> values;
    std::vector<const boost::json::value*> raw; //!< the submitted JSON, when there was one
    std::vector<std::uint8_t> relevant;
    std::vector<std::vector<InstanceNode>> repeats; //!< by the repeats' repeatSlot
    bool dropped = false; //!< its repeat turned out not relevant
};

//! What today() and now() return; fixed per validation so results are reproducible.
struct Clock {
    std::string today; //!< "YYYY-MM-DD"
    std::string now;   //!< RFC 3339
    //! The clock of this moment in Vietnam (UTC+7), where the programme works.
    static Clock vietnamNow();
};

} // namespace kc::forms
