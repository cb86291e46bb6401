#include "cli/FormsCommand.hpp"

#include "kc/forms/FormLibrary.hpp"
#include "kc/forms/FormLoader.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

namespace kc::server {
namespace {

void printUsage(std::ostream& out) {
    out << "usage: kcfield-server forms check FILE...   check form definitions before "
           "publishing\n"
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
    for (const auto& file : files) {
        std::ifstream in(file, std::ios::binary);
        if (!in) {
            err << file << ": cannot be read\n";
            ++total;
            ++badFiles;
            continue;
        }
        std::ostringstream text;
        text << in.rdbuf();
        const auto loaded = forms::loadFormText(text.str());
        for (const auto& issue : loaded.issues)
            out << file << ": " << issue.toString() << '\n';
        total += loaded.issues.size();
        if (!loaded.issues.empty())
            ++badFiles;
        else
            out << file << ": ok (" << loaded.form->id << " version " << loaded.form->version
                << ", " << loaded.form->questions.size() << " questions)\n";
    }
    if (total > 0) {
        out << total << " problem" << (total == 1 ? "" : "s") << " in " << badFiles << " of "
            << files.size() << " file" << (files.size() == 1 ? "" : "s") << '\n';
        return 1;
    }
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
