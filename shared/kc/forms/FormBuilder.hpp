#pragma once

#include "kc/forms/FormLoader.hpp"

#include <boost/json/object.hpp>

namespace kc::forms {

//! Builds a Form from its JSON, collecting issues. Reading lives in FormLoader.cpp, name
//! binding and ordering in FormBinding.cpp.
class FormBuilder {
public:
    explicit FormBuilder(std::vector<FormIssue>& issues) : m_issues(issues) {}

    //! False when the definition is too broken to go on (not an object).
    bool read(const boost::json::value& definition);
    void bind();
    Form take() { return std::move(m_form); }

private:
    void issue(std::string path, std::string message);
    void checkKeys(const boost::json::object& object, const std::string& path,
                   const std::vector<std::string_view>& allowed);
    std::optional<LocalizedText> readText(const boost::json::object& object,
                                          std::string_view key, const std::string& path,
                                          bool required);
    std::optional<Expression> readExpression(const boost::json::object& object,
                                             std::string_view key, const std::string& path,
                                             bool choiceColumns = false);
    std::optional<std::int64_t> readCount(const boost::json::object& object,
                                          std::string_view key, const std::string& path);
    void readQuestions(const boost::json::value& array, const std::string& path, int parent,
                       std::vector<int>& into);
    int readQuestion(const boost::json::object& object, const std::string& path, int parent);
    void readChoices(const boost::json::value& value);
    void checkDefault(const Question& question);

    void assignScopes();
    void bindExpression(Question& question, std::optional<Expression>& expression,
                        std::string_view key, bool allowSelf);
    void checkChoiceColumns(const Question& question);
    void orderEvaluation();

    Form m_form;
    std::vector<FormIssue>& m_issues;
};

//! Form names, choice names and ids: a letter or '_' then letters, digits or '_'.
bool isValidName(std::string_view name);
//! Choice names may also hold '-' and '.' ("04-001"), never a space.
bool isValidChoiceName(std::string_view name);

} // namespace kc::forms
