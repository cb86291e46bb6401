// Converting a 500-question XLSForm workbook (groups, a repeat, selects over 20 lists, relevance,
// constraints and calculations): read the .xlsx, convert, run the engine's definition check.
// Target: <= 200 ms. Baseline in the same run: loading the converted form's own JSON
// (what the engine does for a hand-written form), so the ratio shows what the workbook costs.
#include "sheets/Workbook.hpp"
#include "sheets/XlsxWriter.hpp"
#include "xlsform/XlsFormConverter.hpp"

#include "../tests/support/ServerProcess.hpp"
#include "LoopbackBench.hpp"

#include "kc/forms/FormLoader.hpp"
#include "kc/json/Json.hpp"

#include <xlsxwriter.h>

#include <cstring>

using namespace kc;
using namespace kc::bench;

namespace {

void writeForm(const std::filesystem::path& file, int questions) {
    server::sheets::XlsxWriter book(file, false);
    auto* survey = book.addSheet("survey");
    const char* header[] = {"type", "name", "label::Tiếng Việt (vi)", "label::English (en)", "hint::Tiếng Việt (vi)",
                            "required", "relevant", "constraint", "constraint_message::Tiếng Việt (vi)", "calculation"};
    for (lxw_col_t c = 0; c < 10; ++c)
        worksheet_write_string(survey, 0, c, header[c], nullptr);
    lxw_row_t row = 1;
    const auto put = [&](std::initializer_list<std::string> cells) {
        lxw_col_t c = 0;
        for (const auto& cell : cells) {
            if (!cell.empty())
                worksheet_write_string(survey, row, c, cell.c_str(), nullptr);
            ++c;
        }
        ++row;
    };
    for (int i = 0; i < questions; ++i) {
        const std::string n = std::to_string(i);
        if (i % 50 == 0)
            put({"begin group", "nhom_" + n, "Nhóm " + n, "Group " + n});
        if (i == 250)
            put({"begin repeat", "lap", "Thiết bị", "Equipment"});
        switch (i % 5) {
        case 0: put({"integer", "q" + n, "Số lượng " + n, "Count " + n, "Nhập số", "yes", "", ". >= 0 and . < 100000", "Không âm"}); break;
        case 1: put({"select_one list" + std::to_string(i % 20), "q" + n, "Chọn " + n, "Choose " + n, "", "", "${q" + std::to_string(i - 1) + "} > 3"}); break;
        case 2: put({"text", "q" + n, "Ghi chú " + n, "Note " + n, "", "", "selected(${q" + std::to_string(i - 1) + "}, 'c1')", "string-length(.) <= 200"}); break;
        case 3: put({"decimal", "q" + n, "Giá trị " + n, "Value " + n, "", "yes", "", ". >= 0"}); break;
        default: put({"calculate", "q" + n, "", "", "", "", "", "", "", "coalesce(${q" + std::to_string(i - 4) + "}, 0) * 2 + coalesce(${q" + std::to_string(i - 1) + "}, 0)"}); break;
        }
        if (i == 299)
            put({"end repeat"});
        if (i % 50 == 49)
            put({"end group"});
    }
    auto* choices = book.addSheet("choices");
    const char* choiceHeader[] = {"list_name", "name", "label::Tiếng Việt (vi)", "label::English (en)"};
    for (lxw_col_t c = 0; c < 4; ++c)
        worksheet_write_string(choices, 0, c, choiceHeader[c], nullptr);
    lxw_row_t r = 1;
    for (int list = 0; list < 20; ++list)
        for (int c = 0; c < 6; ++c, ++r) {
            worksheet_write_string(choices, r, 0, ("list" + std::to_string(list)).c_str(), nullptr);
            worksheet_write_string(choices, r, 1, ("c" + std::to_string(c)).c_str(), nullptr);
            worksheet_write_string(choices, r, 2, ("Lựa chọn " + std::to_string(c)).c_str(), nullptr);
            worksheet_write_string(choices, r, 3, ("Choice " + std::to_string(c)).c_str(), nullptr);
        }
    auto* settings = book.addSheet("settings");
    worksheet_write_string(settings, 0, 0, "form_id", nullptr);
    worksheet_write_string(settings, 0, 1, "version", nullptr);
    worksheet_write_string(settings, 1, 0, "bench_form", nullptr);
    worksheet_write_number(settings, 1, 1, 1, nullptr);
    book.close();
}

} // namespace

int main(int argc, char** argv) {
    int questions = 500, runs = 21;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--questions") == 0)
            questions = std::atoi(argv[i + 1]);
        else if (std::strcmp(argv[i], "--runs") == 0)
            runs = std::atoi(argv[i + 1]);
    }
    const auto dir = test::freshTempDir("bench-xlsform");
    const auto file = dir / "form.xlsx";
    writeForm(file, questions);
    std::vector<double> convert, json;
    std::string definition;
    std::size_t converted = 0;
    for (int run = 0; run < runs; ++run) {
        auto start = Clock::now();
        const auto result = server::xlsform::convertXlsForm(server::sheets::readWorkbookFile(file));
        convert.push_back(secondsSince(start));
        if (!result.ok()) {
            for (const auto& problem : result.errors)
                std::fprintf(stderr, "%s\n", problem.toString().c_str());
            throw std::runtime_error("the benchmark's workbook did not convert");
        }
        converted = result.form->questions.size();
        definition = json::serialize(result.definition);
        start = Clock::now();
        const auto loaded = forms::loadFormText(definition);
        json.push_back(secondsSince(start));
        if (!loaded.ok())
            throw std::runtime_error("the converted JSON did not load");
    }
    const double median = percentile(convert, 50) * 1000, baseline = percentile(json, 50) * 1000;
    std::printf("XLSForm of %d questions (%zu with groups and the repeat, %.0f kB .xlsx): read and converted in median "
                "%.1f ms over %d runs; the same form from its JSON %.1f ms (ratio %.1fx); target <= 200 ms\n",
                questions, converted, static_cast<double>(std::filesystem::file_size(file)) / 1024, median, runs, baseline,
                median / baseline);
    std::printf("{\"bench\":\"xlsform_convert\",\"questions\":%d,\"convert_median_ms\":%.2f,\"json_median_ms\":%.2f,"
                "\"ratio\":%.2f}\n",
                questions, median, baseline, median / baseline);
    return 0;
}
