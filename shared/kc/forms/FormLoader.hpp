#pragma once

#include "kc/forms/Form.hpp"

#include <boost/json/value.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kc::forms {

//! One thing wrong with a form definition, at its JSON path:
//! "questions[4].relevant: unknown field ${capcity} (did you mean ${capacity}?)".
struct FormIssue {
    std::string path;
    std::string message;
    std::string toString() const { return path.empty() ? message : path + ": " + message; }
};

//! A form, usable only when there are no issues; every issue is reported, not just the first.
struct LoadedForm {
    std::shared_ptr<const Form> form;
    std::vector<FormIssue> issues;
    bool ok() const { return form && issues.empty(); }
};

//! Reads and checks a form definition: its shape, types, labels, names, choice lists,
//! expressions (parsed, names bound, circular calculations found) and repeat counts.
LoadedForm loadForm(const boost::json::value& definition);
//! The same from JSON text; a syntax error is reported as an issue with its line and column.
LoadedForm loadFormText(std::string_view json);

} // namespace kc::forms
