#include "FormTestSupport.hpp"

#include "kc/json/Json.hpp"

#include <catch2/catch.hpp>

namespace kc::forms::test {

std::shared_ptr<const Form> mustLoad(std::string_view text) {
    const auto loaded = loadFormText(text);
    for (const auto& issue : loaded.issues)
        UNSCOPED_INFO(issue.toString());
    REQUIRE(loaded.ok());
    return loaded.form;
}

std::vector<std::string> issuesOf(std::string_view text) {
    std::vector<std::string> lines;
    for (const auto& issue : loadFormText(text).issues)
        lines.push_back(issue.toString());
    return lines;
}

ValidationOptions fixedOptions() {
    ValidationOptions options;
    options.clock.today = "2026-11-22";
    options.clock.now = "2026-11-22T09:30:00.000Z";
    return options;
}

std::vector<std::string> errorPaths(const ValidationResult& result) {
    std::vector<std::string> paths;
    for (const auto& e : result.errors)
        paths.push_back(e.path);
    return paths;
}

const FieldError* errorAt(const ValidationResult& result, std::string_view path) {
    for (const auto& e : result.errors)
        if (e.path == path)
            return &e;
    return nullptr;
}

boost::json::value json(std::string_view text) { return kc::json::parse(text); }

} // namespace kc::forms::test
