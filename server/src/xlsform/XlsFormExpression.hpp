#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace kc::server::xlsform {

struct ExpressionContext {
    bool choiceFilter = false;  //!< bare names are choice columns there
    //! Names of XLSForm metadata (start, deviceid, ...) that KCField keeps on the submission,
    //! not as answers: an expression cannot read them.
    const std::set<std::string, std::less<>>* metadata = nullptr;
};

struct TranslatedExpression {
    std::string text;                   //!< in KCField's expression language
    std::vector<std::string> problems;  //!< what KCField cannot express, each by name
};

//! Translates an XLSForm (ODK XPath) expression into KCField's: `${x}`, `.`, the functions
//! both have, arithmetic, comparisons and logic pass through (spaces before a call's
//! parenthesis are closed up); paths, predicates, unions and functions KCField lacks are
//! refused by name with what to write instead. Names are checked later, by the form's own
//! definition check.
TranslatedExpression translateExpression(std::string_view xlsform, const ExpressionContext& context);

} // namespace kc::server::xlsform
