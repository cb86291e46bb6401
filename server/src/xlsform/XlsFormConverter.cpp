#include "xlsform/XlsFormConverter.hpp"

#include "xlsform/SheetTable.hpp"
#include "xlsform/XlsFormExpression.hpp"
#include "xlsform/XlsFormTypes.hpp"

#include "kc/forms/FormLoader.hpp"
#include "kc/text/Suggest.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

namespace kc::server::xlsform {

namespace bj = boost::json;

namespace {

//! Where a question (or choice) of the definition came from, to map the engine's findings back.
struct Origin {
    std::string sheet;
    int row = 0;
    std::map<std::string, std::pair<std::string, std::string>> keys;  //!< JSON key → header, cell
};

const std::set<std::string> kSurveyKeys{"type", "name", "label", "hint", "required", "required_message",
                                        "relevant", "constraint", "constraint_message", "calculation",
                                        "default", "read_only", "appearance", "choice_filter",
                                        "repeat_count", "multiple", "min_count", "max_count"};
//! XLSForm columns for things KCField does not have: a filled cell is refused by name.
const std::map<std::string, std::string> kMissingColumns{
    {"image", "pictures in questions"}, {"audio", "sounds in questions"}, {"video", "videos in questions"},
    {"big-image", "pictures in questions"}, {"media", "media in questions"},
    {"guidance_hint", "guidance hints (write a hint)"}, {"parameters", "question parameters"},
    {"trigger", "triggers"}, {"autoplay", "media"}, {"body::accept", "accept lists"},
    {"body::intent", "external apps"}, {"intent", "external apps"}, {"bind::jr:preload", "preloads"},
    {"instance::", "instance columns"}};
const std::set<std::string> kSettingsKeys{"form_id", "form_title", "version", "default_language"};

bool isYes(const std::string& text) {
    const std::string t = lowerAscii(text);
    return t == "yes" || t == "true" || t == "true()" || t == "1" || t == "y";
}
bool isNo(const std::string& text) {
    const std::string t = lowerAscii(text);
    return t == "no" || t == "false" || t == "false()" || t == "0" || t == "n" || t.empty();
}

class Converter {
public:
    Converter(const sheets::Workbook& book, std::string fallbackId)
        : m_book(book), m_fallbackId(std::move(fallbackId)) {}

    Conversion run() {
        const auto* survey = m_book.find("survey");
        if (!survey) {
            error("", 0, "", "", "the workbook has no \"survey\" sheet (its sheets: " + sheetNames() + ")");
            return finish();
        }
        for (const auto& sheet : m_book.sheets) {
            const std::string lower = lowerAscii(trim(sheet.name));
            if (lower != "survey" && lower != "choices" && lower != "settings" && !sheet.rows.empty())
                notice(sheet.name, 0, "", "", "this sheet is not part of XLSForm and is not read");
        }
        readSettings(SheetTable(m_book.find("settings")));
        readChoices(SheetTable(m_book.find("choices")));
        readSurvey(SheetTable(survey));
        return finish();
    }

private:
    // ---- problems -------------------------------------------------------------------------
    void error(const std::string& sheet, int row, const std::string& column, const std::string& cell,
               const std::string& message) {
        m_result.errors.push_back({sheet, row, column, cell, message});
    }
    void notice(const std::string& sheet, int row, const std::string& column, const std::string& cell,
                const std::string& message) {
        m_result.notices.push_back({sheet, row, column, cell, message});
    }
    std::string sheetNames() const {
        std::string names;
        for (const auto& sheet : m_book.sheets)
            names += (names.empty() ? "" : ", ") + sheet.name;
        return names.empty() ? "none" : names;
    }

    // ---- columns ---------------------------------------------------------------------------
    //! Notices and errors for the columns of a sheet that KCField does not read.
    void checkColumns(const SheetTable& table, const std::string& sheet, const std::set<std::string>& known,
                      bool choices) {
        for (const auto& column : table.columns) {
            const bool translated = column.language == TextLanguage::Other;
            bool filled = false;
            int firstRow = 0;
            for (const auto* row : table.rows)
                if (!SheetTable::text(*row, &column).empty()) {
                    filled = true;
                    firstRow = firstRow ? firstRow : row->number;
                }
            if (!filled)
                continue;
            std::string missingKey = column.key.rfind("instance::", 0) == 0 ? "instance::"
                                     : column.key.rfind("media", 0) == 0    ? "media"
                                                                            : column.key;
            if (auto missing = kMissingColumns.find(missingKey); missing != kMissingColumns.end()) {
                for (const auto* row : table.rows)
                    if (auto text = SheetTable::text(*row, &column); !text.empty())
                        error(sheet, row->number, column.header, text,
                              "KCField forms have no " + missing->second + "; empty this column or remove it");
                continue;
            }
            if (translated && known.count(column.key)) {
                notice(sheet, 0, column.header, "",
                       "KCField forms speak Vietnamese and English; the " + column.languageName +
                           " texts of this column are not kept");
                continue;
            }
            if (!known.count(column.key) && !choices) {
                std::string message = "not a column KCField reads; its cells are not kept";
                const std::vector<std::string_view> options(known.begin(), known.end());
                if (auto match = kc::text::closestMatch(column.key, options))
                    message += " (did you mean " + *match + "?)";
                notice(sheet, firstRow, column.header, "", message);
            }
        }
    }

    //! A text in every language column of `key`, as {"vi", "en"}; records where it came from.
    std::optional<bj::object> localized(const SheetTable& table, const sheets::Row& row, const std::string& key,
                                        Origin* origin, const std::string& jsonKey) {
        std::string vi, en, plain, other;
        const Column* from = nullptr;
        for (const auto* column : table.all(key)) {
            const std::string text = SheetTable::text(row, column);
            if (text.empty())
                continue;
            switch (column->language) {
            case TextLanguage::Vi: vi = vi.empty() ? text : vi; from = from ? from : column; break;
            case TextLanguage::En: en = en.empty() ? text : en; break;
            case TextLanguage::Default: plain = plain.empty() ? text : plain; break;
            case TextLanguage::Other: other = other.empty() ? text : other; break;
            }
        }
        if (!plain.empty()) {
            if (m_plainIsEnglish)
                en = en.empty() ? plain : en;
            else
                vi = vi.empty() ? plain : vi;
        }
        if (vi.empty() && !en.empty()) {
            vi = en;
            if (!m_noticedNoVietnamese) {
                m_noticedNoVietnamese = true;
                notice(table.sheet->name, row.number, key, "",
                       "this workbook has no Vietnamese " + key +
                           "; the English text is shown in Vietnamese too (add a column " + key +
                           "::Tiếng Việt (vi))");
            }
        }
        if (vi.empty() && !other.empty()) {
            vi = other;
            if (!m_noticedNoVietnamese) {
                m_noticedNoVietnamese = true;
                notice(table.sheet->name, row.number, key, "",
                       "this workbook has neither Vietnamese nor English " + key +
                           "; its other language is shown instead (add a column " + key + "::Tiếng Việt (vi))");
            }
        }
        if (vi.empty() && en.empty())
            return std::nullopt;
        if (origin) {
            const auto columns = table.all(key);
            const Column* column = from ? from : (columns.empty() ? nullptr : columns.front());
            origin->keys[jsonKey] = {column ? column->header : key, vi};
        }
        bj::object text{{"vi", vi}};
        if (!en.empty() && en != vi)
            text["en"] = en;
        else if (!en.empty())
            text["en"] = en;
        return text;
    }

    // ---- settings --------------------------------------------------------------------------
    void readSettings(const SheetTable& table) {
        m_id = m_fallbackId;
        if (!table.sheet || table.rows.empty()) {
            if (m_id.empty())
                error("settings", 0, "form_id", "", "the form needs an id: add a settings sheet with a form_id column");
            else
                notice("settings", 0, "form_id", "", "no settings sheet; the form's id is \"" + m_id +
                                                         "\", from the file's name, and its version 1");
            return;
        }
        checkColumns(table, "settings", kSettingsKeys, false);
        const auto& row = *table.rows.front();
        m_settingsRow = row.number;
        if (table.rows.size() > 1)
            notice("settings", table.rows[1]->number, "", "", "only the first row of settings is read");
        if (const auto language = SheetTable::text(row, table.find("default_language")); !language.empty()) {
            const auto which = languageOf(language);
            if (which == TextLanguage::En)
                m_plainIsEnglish = true;
            else if (which != TextLanguage::Vi)
                notice("settings", row.number, "default_language", language,
                       "KCField forms speak Vietnamese and English; the plain label column is read as Vietnamese");
            m_defaultLanguage = which == TextLanguage::En ? "en" : "vi";
        }
        if (const auto id = SheetTable::text(row, table.find("form_id")); !id.empty())
            m_id = id;
        else if (m_id.empty())
            error("settings", row.number, "form_id", "", "the form needs an id");
        m_settingsKeys["id"] = {"form_id", m_id};
        if (const auto version = SheetTable::text(row, table.find("version")); !version.empty()) {
            std::int64_t value = 0;
            auto [ptr, ec] = std::from_chars(version.data(), version.data() + version.size(), value);
            if (ec != std::errc() || ptr != version.data() + version.size() || value < 1)
                error("settings", row.number, "version", version,
                      "a KCField version is a whole number of 1 or more (1, 2, or a date such as 2024051501)");
            else
                m_version = value;
            m_settingsKeys["version"] = {"version", version};
        }
        if (auto title = localized(table, row, "form_title", nullptr, "title"))
            m_title = *title;
    }

    // ---- choices ---------------------------------------------------------------------------
    void readChoices(const SheetTable& table) {
        if (!table.sheet)
            return;
        const Column* list = table.find("list_name");
        const Column* name = table.find("name");
        if (!table.rows.empty() && (!list || !name)) {
            error("choices", table.sheet->rows.front().number, "", "",
                  std::string("the choices sheet needs the columns list_name and name; ") +
                      (!list ? "list_name" : "name") + " is missing");
            return;
        }
        checkColumns(table, "choices", {"list_name", "name", "label"}, true);
        for (const auto* row : table.rows) {
            const std::string listName = SheetTable::text(*row, list);
            const std::string choiceName = SheetTable::text(*row, name);
            if (listName.empty()) {
                error("choices", row->number, list->header, "", "the choice has no list_name");
                continue;
            }
            auto& entries = m_choices[listName];
            if (entries.empty())
                m_listOrder.push_back(listName);
            Origin origin{"choices", row->number, {}};
            origin.keys["name"] = {name->header, choiceName};
            bj::object choice{{"name", choiceName}};
            if (auto label = localized(table, *row, "label", &origin, "label"))
                choice["label"] = *label;
            for (const auto& column : table.columns) {
                if (column.key == "list_name" || column.key == "name" || column.key == "label" ||
                    kMissingColumns.count(column.key))
                    continue;
                const auto text = SheetTable::text(*row, &column);
                if (text.empty())
                    continue;
                choice[trim(column.header)] = text;
                origin.keys[trim(column.header)] = {column.header, text};
            }
            m_choiceOrigins[listName].push_back(std::move(origin));
            entries.push_back(std::move(choice));
        }
    }

    // ---- survey ----------------------------------------------------------------------------
    struct Frame {
        bj::array questions;
        std::string path;  //!< JSON path of the group ("" at the top)
        int openRow = 0;
        bool repeat = false;
        bj::object self;
        std::string typeText;
    };

    std::string childPath(const Frame& frame) const {
        const std::string index = "[" + std::to_string(frame.questions.size()) + "]";
        return frame.path.empty() ? "questions" + index : frame.path + ".questions" + index;
    }

    void readSurvey(const SheetTable& table) {
        const Column* type = table.find("type");
        const Column* name = table.find("name");
        if (!type || !name) {
            error("survey", table.sheet->rows.empty() ? 0 : table.sheet->rows.front().number, "", "",
                  std::string("the survey sheet needs the columns type and name in its first row; ") +
                      (!type ? "type" : "name") + " is missing");
            return;
        }
        checkColumns(table, "survey", kSurveyKeys, false);
        for (const auto* row : table.rows)  // first, so that an expression above the row knows them
            if (parseType(SheetTable::text(*row, type)).kind == ParsedType::Kind::Metadata)
                m_metadata.insert(SheetTable::text(*row, name));
        std::vector<Frame> stack(1);
        for (const auto* row : table.rows) {
            const std::string typeText = SheetTable::text(*row, type);
            const std::string nameText = SheetTable::text(*row, name);
            if (typeText.empty()) {
                error("survey", row->number, type->header, "", "the row has no type");
                continue;
            }
            const ParsedType parsed = parseType(typeText);
            if (!parsed.problem.empty()) {
                error("survey", row->number, type->header, typeText, parsed.problem);
                continue;
            }
            if (parsed.kind == ParsedType::Kind::End) {
                if (stack.size() == 1) {
                    error("survey", row->number, type->header, typeText,
                          "\"" + typeText + "\" closes nothing: no group or repeat is open");
                    continue;
                }
                Frame frame = std::move(stack.back());
                stack.pop_back();
                if (frame.repeat != parsed.repeat)
                    error("survey", row->number, type->header, typeText,
                          "\"" + typeText + "\" closes the " + (frame.repeat ? "repeat" : "group") +
                              " opened at row " + std::to_string(frame.openRow) + " (\"" + frame.typeText +
                              "\"); close it with end " + (frame.repeat ? "repeat" : "group"));
                frame.self["questions"] = std::move(frame.questions);
                stack.back().questions.push_back(std::move(frame.self));
                continue;
            }
            if (parsed.kind == ParsedType::Kind::Metadata) {
                m_metadata.insert(nameText.empty() ? typeText : nameText);
                notice("survey", row->number, type->header, typeText, parsed.metadataNote);
                continue;
            }
            if (nameText.empty()) {
                error("survey", row->number, name->header, "", "the " + typeText + " has no name");
                continue;
            }
            Origin origin{"survey", row->number, {}};
            origin.keys["name"] = {name->header, nameText};
            origin.keys["type"] = {type->header, typeText};
            origin.keys["list_name"] = {type->header, typeText};
            origin.keys["register"] = {type->header, typeText};
            bj::object question = buildQuestion(table, *row, parsed, nameText, origin);
            const std::string path = childPath(stack.back());
            m_origins.emplace_back(path, origin);
            if (parsed.kind == ParsedType::Kind::Begin) {
                Frame frame;
                frame.path = path;
                frame.openRow = row->number;
                frame.repeat = parsed.repeat;
                frame.self = std::move(question);
                frame.typeText = typeText;
                stack.push_back(std::move(frame));
                continue;
            }
            stack.back().questions.push_back(std::move(question));
            if (parsed.orOther)
                addOther(stack.back(), nameText, parsed.list, origin);
        }
        while (stack.size() > 1) {
            Frame frame = std::move(stack.back());
            stack.pop_back();
            error("survey", frame.openRow, type->header, frame.typeText,
                  std::string("the ") + (frame.repeat ? "repeat" : "group") + " opened here is never closed (add end " +
                      (frame.repeat ? "repeat" : "group") + ")");
            frame.self["questions"] = std::move(frame.questions);
            stack.back().questions.push_back(std::move(frame.self));
        }
        m_questions = std::move(stack.front().questions);
    }

    //! Translates one expression column into the question, naming what cannot be expressed.
    void expression(const SheetTable& table, const sheets::Row& row, const std::string& column,
                    const std::string& jsonKey, bj::object& question, Origin& origin, bool choiceFilter = false,
                    const std::string& extra = {}) {
        const Column* found = table.find(column);
        std::string text = SheetTable::text(row, found);
        if (text.empty() && extra.empty())
            return;
        ExpressionContext context{choiceFilter, &m_metadata};
        std::string translated;
        if (!text.empty()) {
            auto result = translateExpression(text, context);
            for (const auto& problem : result.problems)
                error("survey", row.number, found->header, text, problem);
            translated = result.text;
        }
        if (!extra.empty())
            translated = translated.empty() ? extra : "(" + translated + ") and " + extra;
        question[jsonKey] = translated;
        origin.keys[jsonKey] = {found ? found->header : column, text};
    }

    bj::object buildQuestion(const SheetTable& table, const sheets::Row& row, const ParsedType& parsed,
                             const std::string& name, Origin& origin) {
        bj::object q{{"name", name}, {"type", parsed.kcType}};
        std::string appearance = SheetTable::text(row, table.find("appearance"));
        if (parsed.kcType == "photo" && lowerAscii(appearance) == "signature") {
            q["type"] = "signature";
            appearance.clear();
        }
        if (auto label = localized(table, row, "label", &origin, "label"))
            q["label"] = *label;
        else if (parsed.kind == ParsedType::Kind::Begin) {  // XLSForm groups may go without a label
            q["label"] = bj::object{{"vi", name}};
            notice("survey", row.number, "label", "", "the " + parsed.kcType + " " + name +
                                                          " has no label; its name is shown as its title");
        }
        if (auto hint = localized(table, row, "hint", &origin, "hint"))
            q["hint"] = *hint;
        if (!parsed.list.empty())
            q["list_name"] = parsed.list;
        if (!parsed.registerName.empty())
            q["register"] = parsed.registerName;
        if (!parsed.listFile.empty())
            q["list_name"] = parsed.listFile;

        if (const Column* column = table.find("required")) {
            const std::string text = SheetTable::text(row, column);
            if (isYes(text))
                q["required"] = true;
            else if (!isNo(text))
                expression(table, row, "required", "required", q, origin);
            origin.keys["required"] = {column->header, text};
        }
        if (auto message = localized(table, row, "required_message", &origin, "required_message"))
            q["required_message"] = *message;
        expression(table, row, "relevant", "relevant", q, origin);
        expression(table, row, "constraint", "constraint", q, origin, false, parsed.impliedConstraint);
        if (auto message = localized(table, row, "constraint_message", &origin, "constraint_message"))
            q["constraint_message"] = *message;
        expression(table, row, "calculation", "calculate", q, origin);
        expression(table, row, "choice_filter", "choice_filter", q, origin, true);
        if (const Column* column = table.find("read_only")) {
            const std::string text = SheetTable::text(row, column);
            if (isYes(text))
                q["read_only"] = true;
            else if (!isNo(text))
                error("survey", row.number, column->header, text, "read_only is yes or no");
            origin.keys["read_only"] = {column->header, text};
        }
        if (!parsed.impliedAppearance.empty())
            appearance = appearance.empty() ? parsed.impliedAppearance : appearance + " " + parsed.impliedAppearance;
        if (!appearance.empty()) {
            q["appearance"] = appearance;
            origin.keys["appearance"] = {"appearance", appearance};
        }
        if (parsed.note.size())
            notice("survey", row.number, "type", parsed.typeText, parsed.note);
        readDefault(table, row, parsed, q, origin);
        readCounts(table, row, parsed, q, origin);
        if (const Column* column = table.find("multiple")) {
            const std::string text = SheetTable::text(row, column);
            if (isYes(text))
                q["multiple"] = true;
            origin.keys["multiple"] = {column->header, text};
        }
        for (const auto* key : {"label", "hint"})
            if (auto found = q.if_contains(key); found && found->is_object())
                for (const auto& [language, value] : found->get_object())
                    if (value.as_string().find("${") != bj::string::npos) {
                        notice("survey", row.number, origin.keys[key].first, std::string(value.as_string()),
                               "KCField shows this text as written: it does not fill answers into " +
                                   std::string(key) + "s");
                        break;
                    }
        return q;
    }

    void readDefault(const SheetTable& table, const sheets::Row& row, const ParsedType& parsed, bj::object& q,
                     Origin& origin) {
        const Column* column = table.find("default");
        const std::string text = SheetTable::text(row, column);
        if (text.empty())
            return;
        origin.keys["default"] = {column->header, text};
        if (text.find("${") != std::string::npos || text.find('(') != std::string::npos) {
            error("survey", row.number, column->header, text,
                  "a KCField default is a fixed answer, not an expression");
            return;
        }
        const std::string& type = parsed.kcType;
        if (type == "integer" || type == "money") {
            std::int64_t value = 0;
            auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
            if (ec != std::errc() || ptr != text.data() + text.size())
                error("survey", row.number, column->header, text, "the default of an " + type + " is a whole number");
            else
                q["default"] = value;
        } else if (type == "decimal") {
            double value = 0;
            auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
            if (ec != std::errc() || ptr != text.data() + text.size())
                error("survey", row.number, column->header, text, "the default of a decimal is a number");
            else
                q["default"] = value;
        } else if (type == "select_multiple") {
            bj::array choices;
            std::size_t start = 0;
            while (start < text.size()) {
                auto end = text.find(' ', start);
                end = end == std::string::npos ? text.size() : end;
                if (end > start)
                    choices.emplace_back(text.substr(start, end - start));
                start = end + 1;
            }
            q["default"] = std::move(choices);
        } else {
            q["default"] = text;
        }
    }

    void readCounts(const SheetTable& table, const sheets::Row& row, const ParsedType& parsed, bj::object& q,
                    Origin& origin) {
        const auto number = [&](const char* key, const std::string& header, const std::string& text)
            -> std::optional<std::int64_t> {
            std::int64_t value = 0;
            auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
            if (ec != std::errc() || ptr != text.data() + text.size() || value < 0) {
                error("survey", row.number, header, text,
                      std::string(key) == "repeat_count"
                          ? "KCField fixes a repeat's size with a number only (an expression such as ${n} cannot "
                            "set it); write a number, or min_count and max_count"
                          : std::string(key) + " is a whole number of 0 or more");
                return std::nullopt;
            }
            return value;
        };
        if (const Column* column = table.find("repeat_count")) {
            const std::string text = SheetTable::text(row, column);
            if (!text.empty()) {
                if (!parsed.repeat || parsed.kind != ParsedType::Kind::Begin)
                    error("survey", row.number, column->header, text, "repeat_count is for a begin repeat row");
                else if (auto value = number("repeat_count", column->header, text)) {
                    q["min_count"] = *value;
                    q["max_count"] = *value;
                    origin.keys["min_count"] = origin.keys["max_count"] = {column->header, text};
                }
            }
        }
        for (const char* key : {"min_count", "max_count"})
            if (const Column* column = table.find(key)) {
                const std::string text = SheetTable::text(row, column);
                if (text.empty())
                    continue;
                if (auto value = number(key, column->header, text)) {
                    q[key] = *value;
                    origin.keys[key] = {column->header, text};
                }
            }
    }

    //! XLSForm's `or_other`: an "other" choice and a text question shown when it is chosen.
    void addOther(Frame& frame, const std::string& name, const std::string& list, const Origin& origin) {
        m_otherLists.insert(list);
        bj::object other{{"name", name + "_other"},
                         {"type", "text"},
                         {"label", bj::object{{"vi", "Khác (ghi rõ)"}, {"en", "Other (specify)"}}},
                         {"relevant", "selected(${" + name + "}, 'other')"},
                         {"required", true}};
        m_origins.emplace_back(childPath(frame), origin);
        frame.questions.push_back(std::move(other));
    }

    // ---- the definition and the engine's check ---------------------------------------------
    Conversion finish() {
        bj::object definition;
        definition["id"] = m_id;
        definition["version"] = m_version;
        if (m_title.empty())
            m_title = bj::object{{"vi", m_id}};
        definition["title"] = m_title;
        definition["default_language"] = m_defaultLanguage;
        definition["questions"] = std::move(m_questions);
        bj::object choices;
        for (const auto& list : m_listOrder) {
            bj::array entries = m_choices[list];
            if (m_otherLists.count(list)) {
                bool has = false;
                for (const auto& entry : entries)
                    has = has || entry.at("name") == "other";
                if (!has)
                    entries.push_back(bj::object{{"name", "other"}, {"label", bj::object{{"vi", "Khác"}, {"en", "Other"}}}});
            }
            choices[list] = std::move(entries);
        }
        if (!choices.empty())
            definition["choices"] = std::move(choices);
        m_result.definition = std::move(definition);

        auto loaded = forms::loadForm(m_result.definition);
        for (const auto& issue : loaded.issues)
            mapIssue(issue);
        std::stable_sort(m_result.errors.begin(), m_result.errors.end(), [](const auto& a, const auto& b) {
            const auto rank = [](const std::string& s) { return s == "survey" ? 0 : s == "choices" ? 1 : s == "settings" ? 2 : 3; };
            return std::pair(rank(a.sheet), a.row) < std::pair(rank(b.sheet), b.row);
        });
        if (m_result.errors.empty())
            m_result.form = loaded.form;
        return std::move(m_result);
    }

    void mapIssue(const forms::FormIssue& issue) {
        const std::string& path = issue.path;
        SheetProblem problem{"", 0, "", "", issue.message};
        const auto keyAfter = [](const std::string& rest) {
            std::string key = rest;
            if (!key.empty() && key.front() == '.')
                key.erase(0, 1);
            return key.substr(0, key.find_first_of(".["));
        };
        if (path == "questions") {
            for (const auto& known : m_result.errors)
                if (known.sheet == "survey")
                    return;  // its rows were refused; that is the reason it holds none
            m_result.errors.push_back({"survey", 0, "", "", "the survey sheet holds no questions"});
            return;
        }
        if (path.rfind("questions", 0) == 0) {
            const Origin* best = nullptr;
            std::size_t bestLength = 0;
            for (const auto& [questionPath, origin] : m_origins)
                if (path.rfind(questionPath, 0) == 0 && questionPath.size() >= bestLength &&
                    (path.size() == questionPath.size() || path[questionPath.size()] == '.')) {
                    best = &origin;
                    bestLength = questionPath.size();
                }
            problem.sheet = "survey";
            if (best) {
                problem.row = best->row;
                const std::string key = keyAfter(path.substr(bestLength));
                if (auto found = best->keys.find(key); found != best->keys.end()) {
                    problem.column = found->second.first;
                    problem.cell = found->second.second;
                } else if (!key.empty() && key != "questions") {
                    problem.column = key == "calculate" ? "calculation" : key;
                }
            }
        } else if (path.rfind("choices", 0) == 0) {
            problem.sheet = "choices";
            const std::string rest = path.size() > 8 ? path.substr(8) : "";
            const std::string list = rest.substr(0, rest.find('['));
            std::size_t index = 0;
            const auto open = rest.find('[');
            if (open != std::string::npos)
                std::from_chars(rest.data() + open + 1, rest.data() + rest.size(), index);
            if (auto origins = m_choiceOrigins.find(list); origins != m_choiceOrigins.end() && !origins->second.empty()) {
                const auto& origin = origins->second[std::min(index, origins->second.size() - 1)];
                problem.row = origin.row;
                const auto close = rest.find(']');
                const std::string key = close == std::string::npos ? "" : keyAfter(rest.substr(close + 1));
                if (auto found = origin.keys.find(key); found != origin.keys.end()) {
                    problem.column = found->second.first;
                    problem.cell = found->second.second;
                } else {
                    problem.column = key;
                }
            }
        } else if (auto setting = m_settingsKeys.find(path.substr(0, path.find('.'))); setting != m_settingsKeys.end()) {
            problem = {"settings", m_settingsRow, setting->second.first, setting->second.second, issue.message};
        } else if (path.rfind("title", 0) == 0) {
            problem = {"settings", m_settingsRow, "form_title", "", issue.message};
        } else if (!path.empty()) {
            problem.message = issue.toString();
        }
        if (problem.column.rfind("label", 0) == 0 && issue.message.rfind("missing", 0) == 0)
            problem.message = "a label is needed: fill the label column (label::Tiếng Việt (vi), or label)";
        for (const auto& known : m_result.errors)
            if (known.sheet == problem.sheet && known.row == problem.row && known.column == problem.column &&
                problem.row > 0)
                return;  // the converter named this cell's problem already, in XLSForm's terms
        m_result.errors.push_back(std::move(problem));
    }

    const sheets::Workbook& m_book;
    std::string m_fallbackId;
    Conversion m_result;
    std::string m_id;
    std::int64_t m_version = 1;
    bj::object m_title;
    std::string m_defaultLanguage = "vi";
    bool m_plainIsEnglish = false;
    bool m_noticedNoVietnamese = false;
    int m_settingsRow = 0;
    std::map<std::string, std::pair<std::string, std::string>> m_settingsKeys;
    std::map<std::string, bj::array> m_choices;
    std::vector<std::string> m_listOrder;
    std::map<std::string, std::vector<Origin>> m_choiceOrigins;
    std::set<std::string> m_otherLists;
    std::set<std::string, std::less<>> m_metadata;
    bj::array m_questions;
    std::vector<std::pair<std::string, Origin>> m_origins;
};

} // namespace

Conversion convertXlsForm(const sheets::Workbook& workbook, const std::string& fallbackId) {
    return Converter(workbook, fallbackId).run();
}

} // namespace kc::server::xlsform
