#pragma once

#include <string>

namespace kc::forms {

//! The interface languages a form speaks. Vietnamese is the default everywhere.
enum class Language { Vi, En };

//! A text in Vietnamese and English. English falls back to Vietnamese when a form author
//! left it out, so a person always reads something.
struct LocalizedText {
    std::string vi;
    std::string en;

    const std::string& in(Language language) const {
        return language == Language::En && !en.empty() ? en : vi;
    }
    bool empty() const { return vi.empty() && en.empty(); }
};

} // namespace kc::forms
