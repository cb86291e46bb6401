#include "cli/AdminCommands.hpp"
#include "cli/FormsCommand.hpp"
#include "cli/ServeCommand.hpp"
#include "cli/StoreCommand.hpp"
#include "cli/TemplateCommand.hpp"

#include "kc/Version.hpp"

#include <iostream>
#include <string>
#include <vector>

namespace {

void printUsage(std::ostream& out) {
    out << "kcfield-server " << kc::kVersion << " — the KCField sync server and admin tool\n\n"
        << "usage: kcfield-server <command> [options]\n\n"
        << "commands:\n"
        << "  serve [--listen ADDR:PORT] [--data DIR] [--store sqlite|URI] [--attachments DIR]\n"
        << "        [--threads N] [--signin-limit N]\n"
        << "        [--tls-cert FILE --tls-key FILE] [--no-demo] [--no-demo-activity]\n"
        << "        serve the sync API (default 127.0.0.1:8080, data in ./var); an empty\n"
        << "        store is seeded with a demo province unless --no-demo is given, and\n"
        << "        its history (reviewed submissions) unless --no-demo-activity is given;\n"
        << "        --signin-limit: sign-in attempts per address per minute (default 30)\n"
        << "  forms check FILE...\n"
        << "        check form definitions (.json, or XLSForm .xlsx); prints each problem with\n"
        << "        its path (or sheet, row and column), exits 1 if any\n"
        << "  forms import FORM.xlsx [-o FORM.json]   convert an XLSForm workbook to a form\n"
        << "  forms export-xlsform FORM_ID|FILE.json -o FORM.xlsx   a form as an XLSForm workbook\n"
        << "  forms list   list the built-in form library\n"
        << "  forms publish FILE.json|FILE.xlsx [--data DIR]   check and publish a form version\n"
        << "  users list|add|passwd|disable|enable [NAME] [--role R --province P,..\n"
        << "        --name TEXT] [--data DIR]   manage users (passwords read from stdin)\n"
        << "  enroll NAME [--device LABEL] [--server URL] [--png FILE] [--data DIR]\n"
        << "        issue a one-time enrollment code, shown as a QR code\n"
        << "  units import FILE.csv | units list [--data DIR]\n"
        << "        the administrative units (GSO codes: provinces, communes, validity, successor)\n"
        << "  import facilities|projects FILE.csv|FILE.xlsx [--data DIR]   all rows or none\n"
        << "  template facilities|projects [--output FILE.xlsx]   a workbook to fill in for import\n"
        << "  report [--provinces P,..] [--from YEAR|DATE] [--to YEAR|DATE] [--source national|local]\n"
        << "        [--format text|csv|json|xlsx] [--output FILE] [--data DIR]\n"
        << "        the programme report over approved data (default: every province, this year)\n"
        << "  backup FILE [--data DIR]   a consistent copy of the SQLite store, while it serves\n"
        << "  store copy --from DIR --to URI   a whole SQLite store into an empty PostgreSQL store\n"
        << "\nevery command that works on a store takes --store URI (or KC_STORE): a PostgreSQL\n"
        << "connection string or URI (postgresql://kcfield@db:5432/kcfield; the password from\n"
        << "PGPASSWORD or ~/.pgpass, never on the command line); without it, SQLite in --data\n"
        << "  version   print the version\n"
        << "  help      print this help\n";
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) {
        printUsage(std::cerr);
        return 2;
    }
    const std::string command = args.front();
    args.erase(args.begin());
    if (command == "serve")
        return kc::server::runServe(args);
    if (command == "forms" && !args.empty() && args.front() == "publish")
        return kc::server::runAdmin(command, args, std::cin, std::cout, std::cerr);
    if (command == "forms")
        return kc::server::runForms(args, std::cout, std::cerr);
    if (command == "store")
        return kc::server::runStore(args, std::cout, std::cerr);
    if (command == "template")
        return kc::server::runTemplate(args, std::cout, std::cerr);
    if (command == "users" || command == "enroll" || command == "import" || command == "backup" ||
        command == "report" || command == "units")
        return kc::server::runAdmin(command, args, std::cin, std::cout, std::cerr);
    if (command == "version" || command == "--version") {
        std::cout << kc::kVersion << '\n';
        return 0;
    }
    if (command == "help" || command == "--help" || command == "-h") {
        printUsage(std::cout);
        return 0;
    }
    std::cerr << "kcfield-server: unknown command \"" << command << "\"\n\n";
    printUsage(std::cerr);
    return 2;
}
