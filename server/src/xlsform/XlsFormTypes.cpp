#include "xlsform/XlsFormTypes.hpp"

#include "xlsform/SheetTable.hpp"

#include "kc/forms/QuestionType.hpp"
#include "kc/text/Suggest.hpp"

#include <map>
#include <sstream>
#include <vector>

namespace kc::server::xlsform {
namespace {

std::vector<std::string> words(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream stream(text);
    for (std::string word; stream >> word;)
        out.push_back(word);
    return out;
}

const std::map<std::string, std::string>& simpleTypes() {
    static const std::map<std::string, std::string> types{
        {"text", "text"},         {"string", "text"},       {"integer", "integer"}, {"int", "integer"},
        {"decimal", "decimal"},   {"date", "date"},         {"datetime", "datetime"},
        {"note", "note"},         {"calculate", "calculate"}, {"geopoint", "geopoint"},
        {"image", "photo"},       {"photo", "photo"},       {"barcode", "barcode"},
        {"money", "money"},       {"signature", "signature"}};
    return types;
}

const std::map<std::string, std::string>& missingTypes() {
    static const std::map<std::string, std::string> types{
        {"audio", "KCField records no sound"},
        {"video", "KCField records no video"},
        {"file", "KCField attaches photos and signatures only"},
        {"background-audio", "KCField records no sound"},
        {"geotrace", "KCField records points, not lines (use geopoint)"},
        {"geoshape", "KCField records points, not areas (use geopoint)"},
        {"range", "KCField has no slider (use integer or decimal with a constraint)"},
        {"rank", "KCField has no ranking question"},
        {"acknowledge", "KCField has no acknowledge question (use select_one with a yes choice)"},
        {"trigger", "KCField has no acknowledge question (use select_one with a yes choice)"},
        {"hidden", "KCField has no hidden question (use calculate)"},
        {"xml-external", "KCField forms carry no external data"},
        {"csv-external", "KCField forms carry no external data"},
        {"osm", "KCField has no map editing"},
        {"start-geopoint", "KCField records a location only as a geopoint question"},
        {"audit", "KCField keeps its own audit trail of reviews, not of typing"},
        {"email", "KCField does not read the phone's accounts"},
        {"simserial", "KCField does not read the SIM card"},
        {"subscriberid", "KCField does not read the SIM card"},
        {"phonenumber", "KCField does not read the SIM card"},
        {"begin_loop", "KCField has no loops (use a repeat)"},
        {"end_loop", "KCField has no loops (use a repeat)"},
        {"select_one_from_file", "KCField choice lists live in the choices sheet"},
        {"select_multiple_from_file", "KCField choice lists live in the choices sheet"},
        {"select_one_external", "KCField forms carry no external data"}};
    return types;
}

const std::map<std::string, std::string>& metadataTypes() {
    static const std::map<std::string, std::string> types{
        {"start", "every KCField submission records when it was started (created_at); no question is made"},
        {"end", "every KCField submission records when it was finalized (finalized_at); no question is made"},
        {"today", "every KCField submission records the day it was started; no question is made"},
        {"deviceid", "every KCField submission records the device it came from; no question is made"},
        {"username", "every KCField submission records the officer who sent it; no question is made"}};
    return types;
}

} // namespace

ParsedType parseType(const std::string& text) {
    ParsedType parsed;
    parsed.typeText = text;
    auto parts = words(lowerAscii(text));
    if (parts.empty()) {
        parsed.problem = "the row has no type";
        return parsed;
    }
    // The original spelling of a list name, for lists are case-sensitive.
    const auto original = words(text);
    if (parts.size() >= 2 && (parts[0] == "begin" || parts[0] == "end")) {  // "begin group" → "begin_group"
        parts[0] += "_" + parts[1];
        parts.erase(parts.begin() + 1);
    }
    const std::string& head = parts[0];
    if (head == "begin_group" || head == "begin_repeat" || head == "end_group" || head == "end_repeat") {
        parsed.kind = head[0] == 'b' ? ParsedType::Kind::Begin : ParsedType::Kind::End;
        parsed.repeat = head.find("repeat") != std::string::npos;
        parsed.kcType = parsed.repeat ? "repeat" : "group";
        if (parts.size() > 1)
            parsed.problem = "\"" + text + "\": nothing may follow " + head;
        return parsed;
    }
    if (head == "select_one" || head == "select_multiple" || head == "select" || head == "select1") {
        // select_one LIST [or_other] · select one from LIST · select multiple LIST
        std::size_t at = 1;
        std::string kind = head == "select1" ? "select_one" : head;
        if (head == "select") {
            if (parts.size() < 2 || (parts[1] != "one" && parts[1] != "multiple")) {
                parsed.problem = "\"" + text + "\": write select_one LIST or select_multiple LIST";
                return parsed;
            }
            kind = "select_" + parts[1];
            at = 2;
        }
        if (at < parts.size() && parts[at] == "from")
            ++at;
        if (at >= parts.size()) {
            parsed.problem = "\"" + text + "\" names no choice list: write " + kind + " LIST";
            return parsed;
        }
        // Take the list's spelling from the original text: the words line up one to one,
        // except where "begin group" was joined, which cannot happen here.
        const std::size_t offset = original.size() - parts.size();
        parsed.list = original[at + offset];
        parsed.kcType = kind;
        for (std::size_t i = at + 1; i < parts.size(); ++i) {
            if (parts[i] == "or_other" || (parts[i] == "or" && i + 1 < parts.size() && parts[i + 1] == "other")) {
                parsed.orOther = true;
                i += parts[i] == "or" ? 1 : 0;
            } else {
                parsed.problem = "\"" + text + "\": unexpected \"" + original[i + offset] + "\" after the list name";
                return parsed;
            }
        }
        return parsed;
    }
    if (head == "reference") {
        if (parts.size() != 2 || (parts[1] != "facility" && parts[1] != "project")) {
            parsed.problem = "\"" + text + "\": write reference facility or reference project";
            return parsed;
        }
        parsed.kcType = "reference";
        parsed.registerName = parts[1];
        return parsed;
    }
    std::string joined = head;
    for (std::size_t i = 1; i < parts.size(); ++i)
        joined += " " + parts[i];
    if (joined == "phone number" || joined == "phone_number") {
        parsed.kcType = "text";
        parsed.impliedConstraint = "regex(., '^\\+?[0-9 ]{3,20}$')";
        parsed.impliedAppearance = "numbers";
        parsed.note = "phone number is kept as text that must be digits (as pyxform reads it)";
        return parsed;
    }
    if (joined == "time") {
        parsed.kcType = "text";
        parsed.impliedConstraint = "regex(., '^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$')";
        parsed.impliedAppearance = "time";
        parsed.note = "KCField has no time-of-day type: time is kept as text HH:MM, checked by a constraint";
        return parsed;
    }
    if (parts.size() == 1 && joined.rfind("uri:", 0) == 0) {
        parsed.problem = "\"" + text + "\": KCField records the device itself (as deviceid does); " + joined +
                         " is not available";
        return parsed;
    }
    if (auto meta = metadataTypes().find(joined); meta != metadataTypes().end()) {
        parsed.kind = ParsedType::Kind::Metadata;
        parsed.metadataNote = joined + ": " + meta->second;
        return parsed;
    }
    if (auto missing = missingTypes().find(joined); missing != missingTypes().end()) {
        parsed.problem = "the type " + joined + " is not available: " + missing->second;
        return parsed;
    }
    if (auto simple = simpleTypes().find(joined); simple != simpleTypes().end()) {
        parsed.kcType = simple->second;
        return parsed;
    }
    std::string message = "unknown type \"" + text + "\"";
    std::vector<std::string_view> known;
    for (const auto& [name, kc] : simpleTypes())
        known.push_back(name);
    known.push_back("select_one");
    known.push_back("select_multiple");
    known.push_back("begin group");
    known.push_back("begin repeat");
    if (auto match = kc::text::closestMatch(joined, known))
        message += " (did you mean " + *match + "?)";
    parsed.problem = message;
    return parsed;
}

} // namespace kc::server::xlsform
