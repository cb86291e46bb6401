#include "kc/forms/References.hpp"

#include <algorithm>

namespace kc::forms {

namespace {

void addAttachment(SubmissionReferences& out, const boost::json::value& value) {
    if (!value.is_string())
        return;
    std::string hash(value.get_string());
    if (std::find(out.attachments.begin(), out.attachments.end(), hash) == out.attachments.end())
        out.attachments.push_back(std::move(hash));
}

void walk(const Form& form, int scope, const boost::json::object& answers,
          const std::string& prefix, SubmissionReferences& out) {
    for (int member : form.scopes[static_cast<std::size_t>(scope)].members) {
        const Question& question = form.questions[static_cast<std::size_t>(member)];
        const auto* value = answers.if_contains(question.name);
        if (!value || value->is_null())
            continue;
        const std::string path = prefix + question.name;
        switch (question.type) {
        case QuestionType::Photo:
        case QuestionType::Signature:
            if (value->is_array())
                for (const auto& item : value->get_array())
                    addAttachment(out, item);
            else
                addAttachment(out, *value);
            break;
        case QuestionType::Reference:
            if (value->is_string())
                out.registers.push_back({question.registerName, std::string(value->get_string()), path});
            break;
        case QuestionType::Repeat:
            if (value->is_array()) {
                const auto& entries = value->get_array();
                for (std::size_t i = 0; i < entries.size(); ++i)
                    if (entries[i].is_object())
                        walk(form, question.innerScope, entries[i].get_object(),
                             path + "[" + std::to_string(i) + "].", out);
            }
            break;
        default:
            break;
        }
    }
}

} // namespace

SubmissionAbout aboutOf(const SubmissionReferences& references) {
    SubmissionAbout about;
    for (const auto& ref : references.registers) {
        if (ref.registerName == "project" && !about.projectId)
            about.projectId = ref.id;
        if (ref.registerName == "facility" && !about.facilityId)
            about.facilityId = ref.id;
    }
    return about;
}

SubmissionReferences collectReferences(const Form& form, const boost::json::object& answers) {
    SubmissionReferences out;
    if (!form.scopes.empty())
        walk(form, 0, answers, "", out);
    return out;
}

} // namespace kc::forms
