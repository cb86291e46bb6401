#include "review/AnswerDiff.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <set>

namespace kc::server {

namespace {

bool isEntryList(const boost::json::value& value) {
    if (!value.is_array() || value.get_array().empty())
        return false;
    for (const auto& item : value.get_array())
        if (!item.is_object())
            return false;
    return true;
}

void walk(const boost::json::value& a, const boost::json::value& b, const std::string& path,
          std::vector<AnswerChange>& out) {
    if (a.is_object() && b.is_object()) {
        std::set<std::string> keys;
        for (const auto& entry : a.get_object())
            keys.insert(entry.key());
        for (const auto& entry : b.get_object())
            keys.insert(entry.key());
        for (const auto& key : keys) {
            const auto* left = a.get_object().if_contains(key);
            const auto* right = b.get_object().if_contains(key);
            const std::string child = path.empty() ? key : path + "." + key;
            walk(left ? *left : boost::json::value(nullptr), right ? *right : boost::json::value(nullptr),
                 child, out);
        }
        return;
    }
    if ((isEntryList(a) || isEntryList(b)) && (a.is_array() || a.is_null()) && (b.is_array() || b.is_null())) {
        static const boost::json::array empty;
        const auto& left = a.is_array() ? a.get_array() : empty;
        const auto& right = b.is_array() ? b.get_array() : empty;
        for (std::size_t i = 0; i < std::max(left.size(), right.size()); ++i)
            walk(i < left.size() ? left[i] : boost::json::value(nullptr),
                 i < right.size() ? right[i] : boost::json::value(nullptr),
                 path + "[" + std::to_string(i) + "]", out);
        return;
    }
    if (a != b)
        out.push_back({path, a, b});
}

} // namespace

std::vector<AnswerChange> diffAnswers(const boost::json::value& before, const boost::json::value& after) {
    std::vector<AnswerChange> out;
    walk(before, after, "", out);
    return out;
}

} // namespace kc::server
