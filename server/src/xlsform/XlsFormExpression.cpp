#include "xlsform/XlsFormExpression.hpp"

#include "kc/forms/Functions.hpp"
#include "kc/text/Suggest.hpp"

#include <map>

namespace kc::server::xlsform {
namespace {

//! Functions of ODK's XPath that KCField does not have, and what to do instead.
const std::map<std::string_view, std::string_view>& missingFunctions() {
    static const std::map<std::string_view, std::string_view> missing{
        {"pulldata", "it reads CSV files attached to the form, which KCField forms do not carry; "
                     "use a reference question and lookup()"},
        {"once", "KCField recomputes every calculation; use default for a value set once"},
        {"indexed-repeat", "an expression reads the same repeat entry or a whole repeat (sum, count, min, max)"},
        {"position", "KCField does not number repeat entries in expressions"},
        {"jr:choice-name", "choice labels are not values in KCField expressions"},
        {"uuid", "KCField gives every submission its own id"},
        {"random", "KCField calculations give the same result on the phone and the server"},
        {"format-date", "dates are kept as YYYY-MM-DD and shown as dd/mm/yyyy by the app"},
        {"format-date-time", "dates are kept as YYYY-MM-DD and shown as dd/mm/yyyy by the app"},
        {"date", "dates compare as YYYY-MM-DD text; write '2024-05-01'"},
        {"decimal-date-time", "dates compare as YYYY-MM-DD text"},
        {"date-time", "dates compare as YYYY-MM-DD text"},
        {"instance", "KCField has no secondary instances; a choice_filter reads the choice's columns by name"},
        {"current", "KCField has no secondary instances"},
        {"version", "the form's version is on every submission"},
    };
    return missing;
}

bool nameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == ':' || c == '.' || static_cast<unsigned char>(c) >= 0x80;
}

bool nameStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

} // namespace

TranslatedExpression translateExpression(std::string_view in, const ExpressionContext& context) {
    TranslatedExpression out;
    const auto refuse = [&](std::string message) {
        for (const auto& known : out.problems)
            if (known == message)
                return;
        out.problems.push_back(std::move(message));
    };
    std::size_t i = 0;
    while (i < in.size()) {
        const char c = in[i];
        if (c == '\'' || c == '"') {
            const auto end = in.find(c, i + 1);
            const std::size_t stop = end == std::string_view::npos ? in.size() : end + 1;
            out.text.append(in.substr(i, stop - i));  // an unclosed quote is the parser's to report
            i = stop;
        } else if (c == '$' && i + 1 < in.size() && in[i + 1] == '{') {
            const auto end = in.find('}', i);
            const std::size_t stop = end == std::string_view::npos ? in.size() : end + 1;
            const std::string_view name = in.substr(i + 2, (end == std::string_view::npos ? in.size() : end) - i - 2);
            if (context.metadata && context.metadata->count(name))
                refuse("${" + std::string(name) + "} is metadata that KCField records on the submission itself; "
                       "an expression cannot read it");
            out.text.append(in.substr(i, stop - i));
            i = stop;
        } else if (c >= '0' && c <= '9') {
            const std::size_t start = i;
            while (i < in.size() && ((in[i] >= '0' && in[i] <= '9') || in[i] == '.'))
                ++i;
            out.text.append(in.substr(start, i - start));
        } else if (c == '.' && i + 1 < in.size() && in[i + 1] == '.') {
            refuse("'..' (the parent node) is an XPath path; write ${name} for another field");
            out.text += "..";
            i += 2;
        } else if (c == '.' && i + 1 < in.size() && in[i + 1] >= '0' && in[i + 1] <= '9') {
            const std::size_t start = i++;
            while (i < in.size() && in[i] >= '0' && in[i] <= '9')
                ++i;
            out.text.append(in.substr(start, i - start));
        } else if (c == '/') {
            refuse("'/' begins an XPath path (/data/name), which KCField does not read; write ${name} "
                   "(and div to divide)");
            out.text += c;
            ++i;
        } else if (c == '[' || c == ']') {
            refuse("'[...]' (an XPath predicate) is not available in KCField");
            out.text += c;
            ++i;
        } else if (c == '@') {
            refuse("'@' (an XPath attribute) is not available in KCField");
            out.text += c;
            ++i;
        } else if (c == '|') {
            refuse("'|' (an XPath union) is not available in KCField");
            out.text += c;
            ++i;
        } else if (nameStart(c)) {
            const std::size_t start = i;
            while (i < in.size() && nameChar(in[i]))
                ++i;
            std::string_view name = in.substr(start, i - start);
            while (!name.empty() && (name.back() == '.' || name.back() == '-'))  // "x-1" is not a name
                name.remove_suffix(1), --i;
            std::size_t after = i;
            while (after < in.size() && (in[after] == ' ' || in[after] == '\t'))
                ++after;
            const bool call = after < in.size() && in[after] == '(';
            if (call) {
                if (auto reason = missingFunctions().find(name); reason != missingFunctions().end())
                    refuse("the function " + std::string(name) + "() is not available in KCField: " +
                           std::string(reason->second));
                else if (!forms::findFunction(name)) {
                    std::string message = "the function " + std::string(name) + "() is not available in KCField";
                    if (auto match = text::closestMatch(name, forms::functionNames()))
                        message += " (did you mean " + *match + "()?)";
                    refuse(message);
                }
                out.text.append(name);
                i = after;  // close up "selected (" to "selected("
            } else {
                const bool word = name == "and" || name == "or" || name == "div" || name == "mod";
                if (!word && !context.choiceFilter)
                    refuse("'" + std::string(name) + "' on its own is not a value; write ${" + std::string(name) +
                           "} for a field or quote it as '" + std::string(name) + "' for text");
                out.text.append(name);
            }
        } else {
            out.text += c;
            ++i;
        }
    }
    return out;
}

} // namespace kc::server::xlsform
