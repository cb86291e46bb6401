#pragma once

#include "kc/forms/Expression.hpp"
#include "kc/forms/Localized.hpp"
#include "kc/forms/QuestionType.hpp"

#include <boost/json/value.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kc::forms {

struct Choice {
    std::string name;
    LocalizedText label;
    //! Further columns a choice_filter can test ("province": "04").
    std::map<std::string, std::string> columns;
};

struct ChoiceList {
    std::string name;
    std::vector<Choice> choices;
    const Choice* find(std::string_view choiceName) const;
};

//! One question, group or repeat of a form. Questions are kept in one vector in document
//! order; groups and repeats name their children by index.
struct Question {
    int index = 0;
    int parent = -1;     //!< enclosing group or repeat, -1 at the top
    int scope = 0;       //!< the scope (top level or repeat body) whose instances hold it
    int slot = 0;        //!< its place in an instance of that scope
    int innerScope = -1; //!< for a repeat: the scope of its body
    int repeatSlot = -1; //!< for a repeat: its place among its scope's repeats
    std::vector<int> children;
    std::string definitionPath; //!< "questions[3].questions[0]", for definition errors

    std::string name;
    QuestionType type = QuestionType::Text;
    LocalizedText label;
    LocalizedText hint;
    bool required = false;
    std::optional<Expression> requiredIf;
    LocalizedText requiredMessage; //!< shown instead of the standard "required" message
    std::optional<Expression> relevant;
    std::optional<Expression> constraint;
    LocalizedText constraintMessage;
    std::optional<Expression> calculate;
    std::optional<Expression> choiceFilter;
    boost::json::value defaultValue; //!< null when there is none
    bool readOnly = false;
    std::string appearance;
    std::string listName; //!< select_one / select_multiple
    int choiceList = -1;
    std::string registerName; //!< reference: "facility" or "project"
    bool multiple = false;    //!< photo: several
    std::optional<std::int64_t> minCount; //!< repeat instances, or photos when multiple
    std::optional<std::int64_t> maxCount;
};

//! The top level or one repeat's body: what one instance of it holds.
struct Scope {
    int repeat = -1;              //!< the repeat question, -1 for the top level
    int parentScope = -1;
    std::vector<int> members;     //!< questions whose `scope` is this one, in order
    int repeatCount = 0;          //!< how many repeats sit directly in it
    std::vector<int> chain;       //!< scopes from the top level down to this one
};

//! A loaded, checked form: names bound, evaluation order known. Shared read-only by every
//! submission validated against it.
struct Form {
    std::string id;
    std::int64_t version = 0;
    LocalizedText title;
    Language defaultLanguage = Language::Vi;
    std::vector<Question> questions;
    std::vector<int> topLevel;
    std::vector<ChoiceList> choiceLists;
    std::vector<Scope> scopes;
    //! Questions in an order where each comes after everything its relevance and
    //! calculation read.
    std::vector<int> evaluationOrder;
    //! The definition as JSON, to sync to devices and store.
    boost::json::value definition;

    const Question* find(std::string_view name) const;

private:
    friend class FormBuilder;
    std::map<std::string, int, std::less<>> m_byName;
};

} // namespace kc::forms
