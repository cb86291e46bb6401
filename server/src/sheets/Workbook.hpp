#pragma once

#include "sheets/ZipReader.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace kc::server::sheets {

//! One cell as the workbook holds it.
struct Cell {
    enum class Kind { Text, Number, Boolean, Date, Error };
    int column = 0;  //!< 0 is column A
    Kind kind = Kind::Text;
    //! What a person reads: text as written; numbers in their shortest exact form ("12",
    //! "0.5"); booleans "TRUE"/"FALSE"; dates as ISO 8601 ("2024-05-01", or with "T10:30:00").
    std::string text;
    double number = 0;  //!< for numbers and dates (Excel's serial day)
};

struct Row {
    int number = 0;  //!< 1-based, as the spreadsheet shows it
    std::vector<Cell> cells;  //!< non-empty cells, in column order
    //! The cell in this column, or nullptr when it is empty.
    const Cell* at(int column) const;
};

struct Sheet {
    std::string name;
    std::vector<Row> rows;  //!< rows with at least one non-empty cell
};

struct Workbook {
    std::vector<Sheet> sheets;  //!< in the workbook's tab order
    //! The sheet of this name, ignoring case and surrounding spaces, or nullptr.
    const Sheet* find(std::string_view name) const;
};

//! "A", "B", ..., "Z", "AA": the column's letters.
std::string columnLetters(int column);

//! Reads an .xlsx (Office Open XML) workbook: shared and inline strings, numbers, booleans,
//! formulas' cached values, dates (by their number format), in any sheet order. Empty cells
//! and rows are left out; text keeps its spaces (callers trim). Throws WorkbookError.
Workbook readWorkbook(std::string_view bytes, const ReadLimits& limits = {});
Workbook readWorkbookFile(const std::filesystem::path& path, const ReadLimits& limits = {});

} // namespace kc::server::sheets
