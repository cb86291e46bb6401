#include "cli/TemplateCommand.hpp"

#include "admin/RegisterWorkbook.hpp"

namespace kc::server {

int runTemplate(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    std::string which;
    std::string output;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if ((args[i] == "--output" || args[i] == "-o") && i + 1 < args.size())
            output = args[++i];
        else if (which.empty())
            which = args[i];
        else {
            err << "kcfield-server template: unexpected \"" << args[i] << "\"\n";
            return 2;
        }
    }
    if (which != "facilities" && which != "projects") {
        err << "usage: kcfield-server template facilities|projects [--output FILE.xlsx]\n";
        return 2;
    }
    if (output.empty())
        output = which + "-template.xlsx";
    try {
        writeRegisterTemplate(which, output);
    } catch (const std::exception& error) {
        err << "kcfield-server template: " << error.what() << '\n';
        return 1;
    }
    out << "wrote the " << which << " template to " << output << "; fill in its first sheet, then: kcfield-server import "
        << which << ' ' << output << '\n';
    return 0;
}

} // namespace kc::server
