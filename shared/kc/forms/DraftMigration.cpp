#include "kc/forms/DraftMigration.hpp"

#include "kc/forms/AnswerCodec.hpp"

#include <boost/json/array.hpp>

namespace kc::forms {
namespace {

using boost::json::object;
using boost::json::value;

const Question* enclosingRepeat(const Form& form, const Question& q) {
    const int repeat = form.scopes[static_cast<std::size_t>(q.scope)].repeat;
    return repeat < 0 ? nullptr : &form.questions[static_cast<std::size_t>(repeat)];
}

bool sameTypes(const Question& a, const Question& b) {
    if (a.type == b.type)
        return a.type != QuestionType::Reference || a.registerName == b.registerName;
    // A whole number fits a decimal question.
    return a.type == QuestionType::Integer && b.type == QuestionType::Decimal;
}

class DraftMigrator {
public:
    DraftMigrator(const Form& from, const Form& to) : m_from(from), m_to(to) {}

    object migrate(const object& answers, const std::string& prefix) {
        object kept;
        for (const auto& [key, answer] : answers) {
            const std::string path = prefix + std::string(key);
            const Question* old = m_from.find(key);
            const LocalizedText label = old ? old->label : LocalizedText{std::string(key), {}};
            if (old && old->type == QuestionType::Calculate)
                continue;
            const Question* now = m_to.find(key);
            if (!now) {
                lose(path, label, answer,
                     {"Câu hỏi đã bị bỏ khỏi phiên bản mới của biểu mẫu",
                      "The question was removed from the new version of the form"});
                continue;
            }
            if (!old || !sameTypes(*old, *now) || now->type == QuestionType::Calculate) {
                lose(path, label, answer,
                     {"Loại câu hỏi đã thay đổi trong phiên bản mới",
                      "The question's type changed in the new version"});
                continue;
            }
            const Question* oldRepeat = enclosingRepeat(m_from, *old);
            const Question* newRepeat = enclosingRepeat(m_to, *now);
            if ((oldRepeat ? oldRepeat->name : "") != (newRepeat ? newRepeat->name : "")) {
                lose(path, label, answer,
                     {"Câu hỏi đã được chuyển sang phần khác của biểu mẫu",
                      "The question moved to another part of the form"});
                continue;
            }
            if (now->type == QuestionType::Repeat) {
                if (!answer.is_array())
                    continue;
                boost::json::array entries;
                const auto& items = answer.get_array();
                for (std::size_t i = 0; i < items.size(); ++i)
                    if (items[i].is_object())
                        entries.push_back(migrate(items[i].get_object(),
                                                  path + "[" + std::to_string(i) + "]."));
                kept.emplace(key, std::move(entries));
                continue;
            }
            if (auto carried = carry(*now, answer, path, label))
                kept.emplace(key, std::move(*carried));
        }
        return kept;
    }

    std::vector<LostAnswer> takeLost() { return std::move(m_lost); }

private:
    void lose(const std::string& path, const LocalizedText& label, const value& answer,
              LocalizedText reason) {
        m_lost.push_back({path, label, answer, std::move(reason)});
    }

    std::optional<value> carry(const Question& now, const value& answer, const std::string& path,
                               const LocalizedText& label) {
        if (now.choiceList >= 0) {
            const ChoiceList& list = m_to.choiceLists[static_cast<std::size_t>(now.choiceList)];
            const LocalizedText gone{"Lựa chọn này không còn trong phiên bản mới",
                                     "This choice is no longer offered in the new version"};
            if (answer.is_string()) {
                if (list.find(answer.get_string()))
                    return answer;
                lose(path, label, answer, gone);
                return std::nullopt;
            }
            if (answer.is_array()) {
                boost::json::array still;
                for (const auto& item : answer.get_array()) {
                    if (item.is_string() && list.find(item.get_string()))
                        still.push_back(item);
                    else
                        lose(path, label, item, gone);
                }
                return value(std::move(still));
            }
        }
        if (checkAnswerShape(now, answer)) {
            lose(path, label, answer,
                 {"Câu trả lời không còn hợp với câu hỏi trong phiên bản mới",
                  "The answer no longer fits the question in the new version"});
            return std::nullopt;
        }
        return answer;
    }

    const Form& m_from;
    const Form& m_to;
    std::vector<LostAnswer> m_lost;
};

} // namespace

MigratedDraft migrateDraft(const Form& from, const Form& to, const object& answers) {
    DraftMigrator migrator(from, to);
    MigratedDraft result;
    result.answers = migrator.migrate(answers, "");
    result.lost = migrator.takeLost();
    return result;
}

} // namespace kc::forms
