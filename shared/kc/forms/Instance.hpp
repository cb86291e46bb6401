#pragma once

#include "kc/forms/Value.hpp"

#include <boost/json/value.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
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

//! What the engine may ask of the synced registers (facilities, projects): the server asks
//! its store, a device what it synced. Either function may be left empty.
struct RegisterAccess {
    //! Whether the record exists and the submitter may refer to it.
    std::function<bool(std::string_view registerName, std::string_view id)> exists;
    //! One column of a record ("extension_funding" of a project), for lookup().
    std::function<std::optional<std::string>(std::string_view registerName, std::string_view id,
                                             std::string_view column)>
        value;
};

} // namespace kc::forms
