#pragma once

#include "kc/forms/Form.hpp"

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <string>
#include <vector>

namespace kc::forms {

//! An answer of the old draft that the new form version cannot hold. It keeps the old
//! label and value so the person can see, and re-enter, what they had written.
struct LostAnswer {
    std::string path;     //!< where it was in the old draft: "items[1].serial_number"
    LocalizedText label;  //!< the old question's label
    boost::json::value value;
    LocalizedText reason;
};

struct MigratedDraft {
    boost::json::object answers; //!< what carries over to the new version
    std::vector<LostAnswer> lost;
};

//! Moves a draft from one version of a form to another. Answers whose question keeps its
//! name, type and place (top level or the same repeat) are kept; a choice removed from a list
//! is dropped from the answer; everything else is listed as lost. Calculated values are not
//! carried: the new version recomputes them.
MigratedDraft migrateDraft(const Form& from, const Form& to, const boost::json::object& answers);

} // namespace kc::forms
