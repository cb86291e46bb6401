#pragma once

#include "kc/forms/Form.hpp"
#include "kc/forms/Instance.hpp"
#include "kc/forms/Localized.hpp"

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kc::forms {

//! One refused answer. `path` names it in the submission ("items[2].serial_number"); `code`
//! says what kind of problem it is, for programs: required, type, choice, constraint,
//! repeat_count, photo_count, reference, unknown_field, expression.
struct FieldError {
    std::string path;
    std::string code;
    LocalizedText message;
};

struct ValidationOptions {
    Clock clock = Clock::vietnamNow();
    //! The registers references point into. Left empty, references are not looked up and
    //! lookup() gives nothing.
    RegisterAccess registers;
    //! Also list every question that is not relevant (answered or not), for a form being
    //! filled in: the app hides them. The server leaves this off.
    bool reportHidden = false;
    //! Also list, for each relevant question with a choice_filter, the choices the filter
    //! lets through there (the app offers only those).
    bool reportChoices = false;
    //! Also list the relevant questions that an expression makes required right now (the app
    //! marks them with "*" like those always required).
    bool reportRequired = false;
};

struct ValidationResult {
    //! The answers as they should be stored: non-relevant ones dropped, calculations
    //! recomputed, numbers normalised.
    boost::json::object answers;
    std::vector<FieldError> errors;
    //! Answers removed because their question was not relevant.
    std::vector<std::string> dropped;
    //! Calculated fields whose submitted value differed from the recomputed one.
    std::vector<std::string> recomputed;
    //! With ValidationOptions::reportHidden: the paths of questions, groups and repeats that
    //! are not relevant, in live entries ("needs_detail", "items[1].serial_number").
    std::vector<std::string> hidden;
    //! With ValidationOptions::reportChoices: path → the names of the choices allowed.
    std::map<std::string, std::vector<std::string>> choices;
    //! With ValidationOptions::reportRequired: paths whose `required` expression holds now.
    std::vector<std::string> requiredNow;
    bool ok() const { return errors.empty(); }
};

//! The one validation the server and the app both run on a submission's answers.
ValidationResult validateSubmission(const Form& form, const boost::json::value& answers,
                                    const ValidationOptions& options = {});

} // namespace kc::forms
