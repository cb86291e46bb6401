#include "kc/forms/Messages.hpp"

namespace kc::forms::messages {

LocalizedText required() {
    return {"Bắt buộc: cần trả lời câu hỏi này", "Required: please answer this question"};
}

LocalizedText constraintFailed(const LocalizedText& formMessage, const std::string& limits) {
    LocalizedText out = formMessage.vi.empty() && formMessage.en.empty()
                            ? LocalizedText{"Câu trả lời không thỏa điều kiện của câu hỏi",
                                            "The answer does not meet this question's condition"}
                            : formMessage;
    if (!limits.empty()) {
        out.vi += " (" + limits + ")";
        if (!out.en.empty())
            out.en += " (" + limits + ")";
    }
    return out;
}

LocalizedText notAChoice(const std::string& choice) {
    return {"'" + choice + "' không có trong danh sách lựa chọn",
            "'" + choice + "' is not one of the choices"};
}

LocalizedText choiceFilteredOut(const std::string& choice) {
    return {"Không được chọn '" + choice + "' với các câu trả lời trước",
            "'" + choice + "' cannot be chosen with the earlier answers"};
}

LocalizedText unknownField(const std::string& name) {
    return {"Biểu mẫu không có câu hỏi '" + name + "'",
            "'" + name + "' is not a question of this form"};
}

LocalizedText wrongScope(const std::string& name, const std::string& where) {
    return {"Câu hỏi '" + name + "' phải nằm trong " + where,
            "'" + name + "' belongs in " + where};
}

namespace {
//! "Cần ít nhất 2 mục" / "At least 2 entries are needed", and the "at most" forms.
LocalizedText countLimit(bool atLeast, std::int64_t n, const std::string& viNoun,
                         const std::string& enOne, const std::string& enMany) {
    const std::string count = std::to_string(n);
    const std::string noun = n == 1 ? enOne + " is" : enMany + " are";
    if (atLeast)
        return {"Cần ít nhất " + count + " " + viNoun,
                "At least " + count + " " + noun + " needed"};
    return {"Tối đa " + count + " " + viNoun, "At most " + count + " " + noun + " allowed"};
}
} // namespace

LocalizedText tooFewEntries(std::int64_t minimum) {
    return countLimit(true, minimum, "mục", "entry", "entries");
}
LocalizedText tooManyEntries(std::int64_t maximum) {
    return countLimit(false, maximum, "mục", "entry", "entries");
}
LocalizedText tooFewPhotos(std::int64_t minimum) {
    return countLimit(true, minimum, "ảnh", "photo", "photos");
}
LocalizedText tooManyPhotos(std::int64_t maximum) {
    return countLimit(false, maximum, "ảnh", "photo", "photos");
}

LocalizedText unknownReference(const std::string& registerName) {
    if (registerName == "project")
        return {"Không tìm thấy đề án này trong danh mục của bạn",
                "No such project in your registers"};
    return {"Không tìm thấy cơ sở này trong danh mục của bạn",
            "No such facility in your registers"};
}

LocalizedText expressionFailed(const std::string& what, const std::string& detail) {
    return {"Không tính được " + what + " của câu hỏi: " + detail,
            "Could not evaluate the question's " + what + ": " + detail};
}

LocalizedText notAnObject(const std::string& kind) {
    return {"Dữ liệu biểu mẫu phải là một đối tượng JSON",
            "The answers must be a JSON object, got " + kind};
}

LocalizedText calculationOutOfRange(const std::string& name, const std::string& calculation,
                                    const LocalizedText& problem) {
    return {"Kết quả tính " + name + " (" + calculation + ") không hợp lệ: " + problem.vi,
            "The calculation of " + name + " (" + calculation + ") is out of range: " + problem.en};
}

} // namespace kc::forms::messages
