#include "xlsform/FormFile.hpp"

#include "sheets/Workbook.hpp"
#include "xlsform/SheetTable.hpp"
#include "xlsform/XlsFormConverter.hpp"

#include "kc/forms/FormLoader.hpp"

#include <cctype>
#include <fstream>
#include <sstream>

namespace kc::server::xlsform {

bool isWorkbookPath(const std::filesystem::path& path) {
    return lowerAscii(path.extension().string()) == ".xlsx";
}

FormFile readFormBytes(std::string_view bytes, bool workbook, const std::string& fallbackId) {
    FormFile file;
    if (workbook) {
        try {
            auto conversion = convertXlsForm(sheets::readWorkbook(bytes), fallbackId);
            for (const auto& problem : conversion.errors)
                file.problems.push_back(problem.toString());
            for (const auto& notice : conversion.notices)
                file.notices.push_back(notice.toString());
            file.definition = std::move(conversion.definition);
            file.form = conversion.form;
        } catch (const sheets::WorkbookError& error) {
            file.problems.emplace_back(error.what());
        }
        return file;
    }
    auto loaded = forms::loadFormText(std::string(bytes));
    for (const auto& issue : loaded.issues)
        file.problems.push_back(issue.toString());
    if (loaded.form) {
        file.definition = loaded.form->definition;
        file.form = loaded.form;
    }
    return file;
}

FormFile readFormFile(const std::filesystem::path& path) {
    FormFile file;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        file.unreadable = true;
        file.problems.push_back(std::filesystem::exists(path, ec) ? "cannot be read (not a file)"
                                                                 : "cannot be read (no such file)");
        return file;
    }
    const sheets::ReadLimits limits;
    if (std::filesystem::file_size(path, ec) > limits.maxFileBytes) {
        file.problems.push_back("the file is larger than the " + std::to_string(limits.maxFileBytes >> 20) +
                                " MiB a form may be");
        return file;
    }
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in) {
        file.unreadable = true;
        file.problems.push_back("cannot be read");
        return file;
    }
    // The form's id when the settings sheet names none: the file's name, as pyxform does.
    std::string fallback;
    for (char c : path.stem().string())
        fallback += (std::isalnum(static_cast<unsigned char>(c)) || c == '_') ? c : '_';
    return readFormBytes(bytes.str(), isWorkbookPath(path), fallback);
}

} // namespace kc::server::xlsform
