#pragma once

#include "kc/forms/FormLoader.hpp"
#include "kc/forms/Validator.hpp"

#include <boost/json/value.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace kc::forms::test {

//! Loads a form from JSON text; fails the test (with every issue) when it does not load.
std::shared_ptr<const Form> mustLoad(std::string_view json);

//! The issues of a definition, as "path: message" lines.
std::vector<std::string> issuesOf(std::string_view json);

//! A fixed clock, so today() is 2026-11-22 in every test.
ValidationOptions fixedOptions();

//! The paths of the errors, in order.
std::vector<std::string> errorPaths(const ValidationResult& result);
//! The error at `path`, or nullptr.
const FieldError* errorAt(const ValidationResult& result, std::string_view path);

boost::json::value json(std::string_view text);

} // namespace kc::forms::test
