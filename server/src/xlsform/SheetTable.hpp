#pragma once

#include "sheets/Workbook.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kc::server::xlsform {

//! A language an XLSForm text column is written in, as KCField keeps it.
enum class TextLanguage { Default, Vi, En, Other };

//! One header cell of an XLSForm sheet, understood: `label::Tiếng Việt (vi)` is the key
//! "label" in Vietnamese; `list name` is "list_name"; `jr:constraintMsg` is
//! "constraint_message".
struct Column {
    int index = 0;            //!< 0 is column A
    std::string header;       //!< as written, for messages
    std::string key;          //!< normalised: lower case, '_' for spaces, aliases resolved
    TextLanguage language = TextLanguage::Default;
    std::string languageName; //!< as written after "::"
};

Column readColumn(int index, const std::string& header);
TextLanguage languageOf(const std::string& name);

//! A sheet whose first row is its header.
struct SheetTable {
    const sheets::Sheet* sheet = nullptr;
    std::vector<Column> columns;
    std::vector<const sheets::Row*> rows;  //!< data rows (after the header), non-empty

    explicit SheetTable(const sheets::Sheet* sheet);
    //! The first column with this key (and language, unless Default asks for a plain one).
    const Column* find(const std::string& key) const;
    std::vector<const Column*> all(const std::string& key) const;
    //! The cell's text, trimmed; empty when the cell is empty.
    static std::string text(const sheets::Row& row, const Column* column);
};

std::string trim(std::string_view text);
std::string lowerAscii(std::string_view text);

} // namespace kc::server::xlsform
