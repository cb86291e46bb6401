#include "export/SubmissionWorkbook.hpp"

#include "sheets/XlsxWriter.hpp"

#include "kc/json/Json.hpp"

#include <boost/json.hpp>
#include <xlsxwriter.h>

#include <charconv>

namespace kc::server {

namespace bj = boost::json;
using forms::QuestionType;

std::vector<const forms::Question*> exportColumns(const forms::Form& form, int scope) {
    std::vector<const forms::Question*> columns;
    for (int member : form.scopes[static_cast<std::size_t>(scope)].members) {
        const auto& question = form.questions[static_cast<std::size_t>(member)];
        if (forms::holdsAnswer(question.type) && question.type != QuestionType::Repeat)
            columns.push_back(&question);
    }
    return columns;
}

namespace {

//! A sheet being filled row by row (constant memory: rows strictly in order).
struct SheetFill {
    lxw_worksheet* sheet = nullptr;
    const forms::Question* repeat = nullptr;  //!< nullptr for the submissions sheet
    std::vector<const forms::Question*> columns;
    std::vector<std::pair<std::string, std::string>> fixed;  //!< the columns before the answers
    std::string name;  //!< the first sheet's name; further parts are "name 2", "name 3"
    int part = 1;
    lxw_row_t next = 2;  //!< below the two header rows
};

//! Excel's last row (1,048,576 rows); a sheet that fills up goes on in a sheet of its own.
constexpr lxw_row_t kLastRow = 1048575;

std::string text(const bj::value& value) {
    if (value.is_string())
        return std::string(value.get_string());
    if (value.is_array()) {
        std::string out;
        for (const auto& item : value.get_array())
            out += (out.empty() ? "" : " ") + text(item);
        return out;
    }
    if (value.is_object()) {
        const auto& object = value.get_object();
        if (object.contains("lat") && object.contains("lon"))
            return text(object.at("lat")) + " " + text(object.at("lon")) +
                   (object.contains("accuracy") ? " " + text(object.at("accuracy")) : "");
    }
    if (value.is_bool())
        return value.get_bool() ? "true" : "false";
    return json::serialize(value);
}

std::optional<double> number(const bj::value& value) {
    if (value.is_int64())
        return static_cast<double>(value.get_int64());
    if (value.is_uint64())
        return static_cast<double>(value.get_uint64());
    if (value.is_double())
        return value.get_double();
    return std::nullopt;
}

std::optional<lxw_datetime> date(const bj::value& value) {
    if (!value.is_string() || value.get_string().size() != 10)
        return std::nullopt;
    const std::string_view s = value.get_string();
    lxw_datetime out{};
    int y = 0, m = 0, d = 0;
    if (std::from_chars(s.data(), s.data() + 4, y).ec != std::errc() ||
        std::from_chars(s.data() + 5, s.data() + 7, m).ec != std::errc() ||
        std::from_chars(s.data() + 8, s.data() + 10, d).ec != std::errc())
        return std::nullopt;
    out.year = y;
    out.month = m;
    out.day = d;
    return out;
}

class WorkbookExport {
public:
    WorkbookExport(sheets::XlsxWriter& book, const forms::Form& form) : m_book(book), m_form(form) {
        m_title = workbook_add_format(book.book());
        format_set_font_color(m_title, 0x808080);
        format_set_italic(m_title);
        m_main.name = "Bản ghi";
        m_main.sheet = book.addSheet(m_main.name);
        m_main.columns = exportColumns(form, 0);
        m_main.fixed = {{"Mã bản ghi", "submission_id"}, {"Lần sửa", "revision"}, {"Trạng thái", "state"},
                        {"Tỉnh", "province"}, {"Cán bộ", "officer"}, {"Nhận lúc", "received_at"}};
        header(m_main);
        for (const auto& question : form.questions)
            if (question.type == QuestionType::Repeat) {
                SheetFill fill;
                // The name is kept whole at the end when the label must be cut.
                fill.name = question.label.vi.empty()
                                ? question.name
                                : sheets::sheetName(question.label.vi, 26 - static_cast<int>(question.name.size())) +
                                      " (" + question.name + ")";
                fill.sheet = book.addSheet(fill.name);
                fill.repeat = &question;
                fill.columns = exportColumns(form, question.innerScope);
                fill.fixed = {{"Mã bản ghi", "submission_id"}, {"Dòng", "entry"}};
                header(fill);
                m_repeats.push_back(std::move(fill));
            }
    }

    void add(const CurrentSubmission& row) {
        const auto& head = row.head;
        const auto answers = json::parse(row.answers);
        const auto& object = answers.as_object();
        const lxw_row_t r = take(m_main);
        auto* sheet = m_main.sheet;
        worksheet_write_string(sheet, r, 0, head.id.c_str(), nullptr);
        worksheet_write_number(sheet, r, 1, static_cast<double>(head.currentRevision), nullptr);
        worksheet_write_string(sheet, r, 2, std::string(protocol::stateCode(head.state)).c_str(), nullptr);
        worksheet_write_string(sheet, r, 3, head.provinceCode.c_str(), nullptr);
        worksheet_write_string(sheet, r, 4, head.ownerName.c_str(), nullptr);
        worksheet_write_string(sheet, r, 5, head.receivedAt.c_str(), nullptr);
        cells(sheet, r, 6, m_main.columns, object);
        for (auto& fill : m_repeats)
            entries(fill, head.id, object);
    }

private:
    //! The next row of the sheet, starting the next part when Excel's last row is taken.
    lxw_row_t take(SheetFill& fill) {
        if (fill.next > kLastRow) {
            ++fill.part;
            const std::string suffix = " " + std::to_string(fill.part);
            fill.sheet = m_book.addSheet(sheets::sheetName(fill.name, 31 - static_cast<int>(suffix.size())) + suffix);
            fill.next = 2;
            header(fill);
        }
        return fill.next++;
    }

    void header(SheetFill& fill) {
        // Constant memory: row 0 whole, then row 1 (a row left is never written again).
        std::vector<std::pair<std::string, std::string>> columns = fill.fixed;
        std::vector<lxw_format*> formats(fill.fixed.size(), nullptr);
        for (const auto* question : fill.columns) {
            columns.emplace_back(question->label.vi.empty() ? question->name : question->label.vi, question->name);
            formats.push_back(question->type == QuestionType::Money || question->type == QuestionType::Integer
                                  ? m_book.whole()
                              : question->type == QuestionType::Decimal ? m_book.decimal()
                              : question->type == QuestionType::Date    ? m_book.date()
                                                                        : nullptr);
        }
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const auto col = static_cast<lxw_col_t>(c);
            worksheet_set_column(fill.sheet, col, col, 18, formats[c]);
            worksheet_write_string(fill.sheet, 0, col, columns[c].first.c_str(), m_book.header());
        }
        for (std::size_t c = 0; c < columns.size(); ++c)
            worksheet_write_string(fill.sheet, 1, static_cast<lxw_col_t>(c), columns[c].second.c_str(), m_title);
        worksheet_freeze_panes(fill.sheet, 2, 1);
    }

    void cells(lxw_worksheet* sheet, lxw_row_t r, lxw_col_t first, const std::vector<const forms::Question*>& columns,
               const bj::object& answers) {
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const auto* question = columns[c];
            const auto* value = answers.if_contains(question->name);
            if (!value || value->is_null() || (value->is_string() && value->get_string().empty()))
                continue;
            const auto col = static_cast<lxw_col_t>(first + c);
            const auto type = question->type;
            if (type == QuestionType::Integer || type == QuestionType::Money || type == QuestionType::Decimal ||
                (type == QuestionType::Calculate && number(*value))) {
                if (auto n = number(*value)) {
                    worksheet_write_number(sheet, r, col, *n,
                                           type == QuestionType::Decimal ? m_book.decimal() : type == QuestionType::Calculate ? nullptr : m_book.whole());
                    continue;
                }
            }
            if (type == QuestionType::Date)
                if (auto d = date(*value)) {
                    worksheet_write_datetime(sheet, r, col, &*d, m_book.date());
                    continue;
                }
            worksheet_write_string(sheet, r, col, text(*value).c_str(), nullptr);
        }
    }

    //! The entries of `fill.repeat` in a submission's answers, at any depth of repeats.
    void entries(SheetFill& fill, const std::string& submission, const bj::object& answers) {
        // The path of repeats from the top level down to this one.
        std::vector<const forms::Question*> chain;
        for (const auto* q = fill.repeat; q; q = q->parent >= 0 ? &m_form.questions[static_cast<std::size_t>(q->parent)] : nullptr)
            if (q->type == QuestionType::Repeat)
                chain.insert(chain.begin(), q);
        walk(fill, submission, "", answers, chain, 0);
    }

    void walk(SheetFill& fill, const std::string& submission, const std::string& prefix, const bj::object& answers,
              const std::vector<const forms::Question*>& chain, std::size_t depth) {
        const auto* list = answers.if_contains(chain[depth]->name);
        if (!list || !list->is_array())
            return;
        const auto& array = list->get_array();
        for (std::size_t i = 0; i < array.size(); ++i) {
            if (!array[i].is_object())
                continue;
            const std::string entry = prefix + (prefix.empty() ? "" : ".") + std::to_string(i + 1);
            if (depth + 1 < chain.size()) {
                walk(fill, submission, entry, array[i].get_object(), chain, depth + 1);
                continue;
            }
            const lxw_row_t r = take(fill);
            worksheet_write_string(fill.sheet, r, 0, submission.c_str(), nullptr);
            worksheet_write_string(fill.sheet, r, 1, entry.c_str(), nullptr);
            cells(fill.sheet, r, 2, fill.columns, array[i].get_object());
        }
    }

    sheets::XlsxWriter& m_book;
    const forms::Form& m_form;
    lxw_format* m_title = nullptr;
    SheetFill m_main;
    std::vector<SheetFill> m_repeats;
};

} // namespace

std::size_t writeSubmissionWorkbook(CentralStore& store, const SubmissionExport& what, const std::filesystem::path& file,
                                    const std::filesystem::path& tmpdir) {
    sheets::XlsxWriter book(file, true, tmpdir);
    WorkbookExport writer(book, *what.form);
    constexpr int kPage = 500;
    std::string after;
    std::size_t written = 0;
    for (;;) {
        const auto page = store.currentSubmissions(what.formId, what.provinces, after, kPage);
        for (const auto& row : page)
            if (!what.state || row.head.state == *what.state) {
                writer.add(row);
                ++written;
            }
        if (page.size() < static_cast<std::size_t>(kPage))
            break;
        after = page.back().head.id;
    }
    book.close();
    return written;
}

} // namespace kc::server
