#include "cli/FormsCommand.hpp"

#include "xlsform/FormFile.hpp"
#include "xlsform/XlsFormWriter.hpp"

#include "kc/forms/FormLibrary.hpp"
#include "kc/forms/FormLoader.hpp"
#include "kc/json/Json.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

namespace kc::server {
namespace {

void printUsage(std::ostream& out) {
    out << "usage: kcfield-server forms check FILE...   check form definitions (.json or XLSForm .xlsx)\n"
        << "       kcfield-server forms import FORM.xlsx [-o FORM.json]   convert an XLSForm workbook\n"
        << "       kcfield-server forms export-xlsform FORM_ID|FILE.json -o FORM.xlsx   write a form as XLSForm\n"
        << "       kcfield-server forms list            list the built-in form library\n";
}

int checkFiles(const std::vector<std::string>& files, std::ostream& out, std::ostream& err) {
    if (files.empty()) {
        err << "kcfield-server forms check: name at least one form file\n";
        printUsage(err);
        return 2;
    }
    std::size_t total = 0;
    std::size_t badFiles = 0;
    for (const auto& path : files) {
        const auto file = xlsform::readFormFile(path);
        for (const auto& notice : file.notices)
            out << path << ": note: " << notice << '\n';
        for (const auto& problem : file.problems)
            (file.unreadable ? err : out) << path << ": " << problem << '\n';
        total += file.problems.size();
        if (!file.problems.empty())
            ++badFiles;
        else
            out << path << ": ok (" << file.form->id << " version " << file.form->version << ", "
                << file.form->questions.size() << " questions)\n";
    }
    if (total > 0) {
        out << total << " problem" << (total == 1 ? "" : "s") << " in " << badFiles << " of "
            << files.size() << " file" << (files.size() == 1 ? "" : "s") << '\n';
        return 1;
    }
    return 0;
}

//! The value of "-o FILE" / "--output FILE", removing both from `args`.
std::optional<std::string> takeOutput(std::vector<std::string>& args) {
    for (std::size_t i = 0; i < args.size(); ++i)
        if (args[i] == "-o" || args[i] == "--output") {
            if (i + 1 >= args.size())
                return std::string();
            std::string value = args[i + 1];
            args.erase(args.begin() + static_cast<std::ptrdiff_t>(i), args.begin() + static_cast<std::ptrdiff_t>(i) + 2);
            return value;
        }
    return std::nullopt;
}

int importWorkbook(std::vector<std::string> args, std::ostream& out, std::ostream& err) {
    const auto output = takeOutput(args);
    if (args.size() != 1 || (output && output->empty())) {
        err << "kcfield-server forms import: name one XLSForm workbook, and -o FILE.json to write the form\n";
        printUsage(err);
        return 2;
    }
    const std::string& path = args.front();
    if (!xlsform::isWorkbookPath(path)) {
        err << path << ": forms import reads an XLSForm workbook (.xlsx); check a .json form with forms check\n";
        return 2;
    }
    const auto file = xlsform::readFormFile(path);
    for (const auto& notice : file.notices)
        err << path << ": note: " << notice << '\n';
    for (const auto& problem : file.problems)
        err << path << ": " << problem << '\n';
    if (!file.ok()) {
        err << file.problems.size() << " problem" << (file.problems.size() == 1 ? "" : "s")
            << "; nothing was written\n";
        return 1;
    }
    const std::string text = json::pretty(file.definition);
    if (!output) {
        out << text;
        return 0;
    }
    std::ofstream stream(*output, std::ios::binary);
    stream << text;
    if (!stream.flush()) {
        err << *output << ": cannot be written\n";
        return 1;
    }
    out << "wrote " << file.form->id << " version " << file.form->version << " (" << file.form->questions.size()
        << " questions) to " << *output << '\n';
    return 0;
}

int exportWorkbook(std::vector<std::string> args, std::ostream& out, std::ostream& err) {
    const auto output = takeOutput(args);
    if (args.size() != 1 || !output || output->empty()) {
        err << "kcfield-server forms export-xlsform: name a library form or a .json file, and -o FILE.xlsx\n";
        printUsage(err);
        return 2;
    }
    boost::json::value definition;
    for (const auto& entry : forms::formLibrary())
        if (entry.id == args.front())
            definition = json::parse(entry.json);
    if (definition.is_null()) {
        const auto file = xlsform::readFormFile(args.front());
        if (!file.ok()) {
            for (const auto& problem : file.problems)
                err << args.front() << ": " << problem << '\n';
            err << args.front() << ": not a library form (forms list names them) nor a valid form file\n";
            return 1;
        }
        definition = file.definition;
    }
    try {
        xlsform::writeXlsForm(definition, *output);
    } catch (const std::exception& error) {
        err << error.what() << '\n';
        return 1;
    }
    out << "wrote " << definition.at("id").as_string().c_str() << " as XLSForm to " << *output << '\n';
    return 0;
}

} // namespace

int runForms(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (args.empty()) {
        printUsage(err);
        return 2;
    }
    if (args.front() == "check")
        return checkFiles({args.begin() + 1, args.end()}, out, err);
    if (args.front() == "import")
        return importWorkbook({args.begin() + 1, args.end()}, out, err);
    if (args.front() == "export-xlsform")
        return exportWorkbook({args.begin() + 1, args.end()}, out, err);
    if (args.front() == "list") {
        for (const auto& entry : forms::formLibrary()) {
            const auto loaded = forms::loadFormText(entry.json);
            out << entry.id << "  version "
                << (loaded.form ? std::to_string(loaded.form->version) : "?") << "  "
                << (loaded.form ? loaded.form->title.vi : "(invalid)") << '\n';
        }
        return 0;
    }
    err << "kcfield-server forms: unknown subcommand \"" << args.front() << "\"\n";
    printUsage(err);
    return 2;
}

} // namespace kc::server
