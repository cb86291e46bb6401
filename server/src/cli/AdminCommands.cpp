#include "cli/AdminCommands.hpp"

#include "admin/QrCode.hpp"
#include "auth/UserRules.hpp"
#include "admin/FormPublishing.hpp"
#include "admin/RegisterImport.hpp"
#include "admin/RegisterWorkbook.hpp"
#include "auth/Authenticator.hpp"
#include "auth/PasswordHasher.hpp"
#include "report/ProgrammeReportQuery.hpp"
#include "report/ReportRequest.hpp"
#include "store/OpenStore.hpp"
#include "xlsform/FormFile.hpp"

#include "kc/forms/FormLoader.hpp"
#include "kc/json/Json.hpp"
#include "kc/time/Timestamp.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>

namespace kc::server {

namespace {

struct Usage {
    std::string message;
};

//! Splits "--flag value" options from positional arguments.
struct Args {
    std::vector<std::string> positional;
    std::map<std::string, std::string> options;

    Args(const std::vector<std::string>& args, std::initializer_list<const char*> known) {
        for (std::size_t i = 0; i < args.size(); ++i) {
            if (args[i].rfind("--", 0) != 0) {
                positional.push_back(args[i]);
                continue;
            }
            bool ok = false;
            for (const char* name : known)
                ok = ok || args[i] == name;
            if (!ok)
                throw Usage{"unknown option \"" + args[i] + "\""};
            if (i + 1 >= args.size())
                throw Usage{args[i] + " needs a value"};
            options[args[i]] = args[i + 1];
            ++i;
        }
    }
    std::string option(const std::string& name, const std::string& fallback = {}) const {
        auto found = options.find(name);
        return found == options.end() ? fallback : found->second;
    }
    const std::string& at(std::size_t index, const char* what) const {
        if (index >= positional.size())
            throw Usage{std::string("missing ") + what};
        return positional[index];
    }
};

std::string readPassword(std::istream& in, std::ostream& out) {
    out << "password (read from stdin): " << std::flush;
    std::string password;
    std::getline(in, password);
    out << '\n';
    if (password.size() < 8)
        throw std::invalid_argument("the password must have at least 8 characters");
    return password;
}

UserRecord requireUser(CentralStore& store, const std::string& username) {
    auto user = store.findUserByName(username);
    if (!user)
        throw std::invalid_argument("no user \"" + username + "\"");
    return *user;
}

std::vector<std::string> splitList(const std::string& text) {
    std::vector<std::string> items;
    std::stringstream stream(text);
    for (std::string item; std::getline(stream, item, ',');)
        if (!item.empty())
            items.push_back(item);
    return items;
}

int users(CentralStore& store, const Args& args, std::istream& in, std::ostream& out) {
    const std::string& action = args.at(1, "action: list, add, passwd, disable or enable");
    const std::string now = Timestamp::now().toRfc3339();
    if (action == "list") {
        for (const auto& user : store.listUsers()) {
            out << user.username << '\t' << domain::roleCode(user.role) << '\t';
            for (std::size_t i = 0; i < user.provinces.size(); ++i)
                out << (i ? "," : "") << user.provinces[i];
            out << '\t' << user.displayName << (user.disabled ? "\t(disabled)" : "") << '\n';
        }
        return 0;
    }
    const std::string& username = args.at(2, "username");
    if (action == "add") {
        const auto role = domain::roleFromCode(args.option("--role"));
        if (!role)
            throw Usage{"--role must be admin, reviewer, officer or collaborator"};
        const auto provinces = splitList(args.option("--province"));
        if (provinces.empty())
            throw Usage{"--province needs one or more province codes, e.g. 04 or 04,96"};
        if (auto problem = usernameProblem(username))
            throw std::invalid_argument("\"" + username + "\": " + *problem);
        if (store.findUserByName(username))
            throw std::invalid_argument("a user called \"" + username + "\" already exists; choose another name "
                                        "(users list shows them)");
        for (const auto& code : provinces)
            if (!store.provinceName(code))
                throw std::invalid_argument(missingProvinceMessage(code));
        const std::string hash = hashPassword(readPassword(in, out));
        store.createUser({username, args.option("--name", username), *role, hash, provinces});
        out << "added " << username << " (" << domain::roleCode(*role) << ")\n";
        return 0;
    }
    const auto user = requireUser(store, username);
    if (action == "passwd") {
        store.setPassword(user.id, hashPassword(readPassword(in, out)));
        const int revoked = store.revokeUserTokens(user.id, now);
        out << "password changed for " << username << "; " << revoked << " sign-in(s) revoked\n";
    } else if (action == "disable") {
        store.setUserDisabled(user.id, true);
        const int revoked = store.revokeUserTokens(user.id, now);
        out << username << " disabled; " << revoked << " sign-in(s) revoked\n";
    } else if (action == "enable") {
        store.setUserDisabled(user.id, false);
        out << username << " enabled\n";
    } else {
        throw Usage{"unknown users action \"" + action + "\""};
    }
    store.appendAudit({0, now, "cli", "user." + action, "user/" + user.id, std::nullopt, std::nullopt});
    return 0;
}

int enroll(CentralStore& store, const Args& args, std::ostream& out) {
    const auto user = requireUser(store, args.at(1, "username"));
    Authenticator auth(store);
    const std::string device = args.option("--device", "device of " + user.username);
    const auto issued = auth.issueEnrollmentCode(user.id, device, "cli");
    const std::string server = args.option("--server", "http://127.0.0.1:8080");
    const std::string uri = "kcfield://enroll?server=" + server + "&code=" + issued.code;
    out << "Enrollment code for " << user.username << " (" << device << "): " << issued.code
        << "\nValid once, until " << issued.expiresAt << ". Scan it in the app, or type it.\n\n"
        << qrForTerminal(uri) << '\n' << uri << '\n';
    if (const std::string png = args.option("--png"); !png.empty()) {
        writeQrPng(uri, png);
        out << "QR code written to " << png << '\n';
    }
    store.appendAudit({0, Timestamp::now().toRfc3339(), "cli", "enrollment_code.issue", "user/" + user.id,
                       std::nullopt, std::nullopt});
    return 0;
}

std::string readFile(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file)
        throw std::invalid_argument("cannot read " + path);
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

std::string readFile(const std::string& path);

//! `units import FILE` (the GSO's provinces and communes) and `units list`.
int units(CentralStore& store, const Args& args, std::ostream& out, std::ostream& err) {
    const std::string& action = args.at(1, "action: import or list");
    if (action == "list") {
        for (const auto& unit : store.listUnits())
            out << unit.kind << '\t' << unit.code << '\t' << unit.name << '\t' << unit.parent.value_or("")
                << '\t' << unit.validFrom.value_or("") << '\t' << unit.validTo.value_or("") << '\t'
                << unit.successor.value_or("") << '\n';
        return 0;
    }
    if (action != "import")
        throw Usage{"unknown units action \"" + action + "\" (import FILE or list)"};
    const std::string& path = args.at(2, "the CSV file of units");
    const ImportReport report = importUnits(store, readFile(path));
    if (!report.errors.empty()) {
        for (const auto& error : report.errors)
            err << path << ": " << error << '\n';
        err << "nothing was imported (" << report.errors.size() << " problem(s))\n";
        return 1;
    }
    store.appendAudit({0, Timestamp::now().toRfc3339(), "cli", "units.import", "units", std::nullopt, std::nullopt});
    out << "imported " << report.imported << " administrative units from " << path << '\n';
    return 0;
}

int import(CentralStore& store, const Args& args, std::ostream& out, std::ostream& err) {
    const std::string& what = args.at(1, "what to import: facilities or projects");
    const std::string& path = args.at(2, "the file (.csv or .xlsx)");
    if (what != "facilities" && what != "projects")
        throw Usage{"import facilities FILE or import projects FILE"};
    CsvTable table;
    try {
        table = xlsform::isWorkbookPath(path) ? tableFromWorkbook(readFile(path)) : parseCsv(readFile(path));
    } catch (const std::exception& error) {
        err << path << ": " << error.what() << "\nnothing was imported\n";
        return 1;
    }
    const ImportReport report = what == "facilities" ? importFacilities(store, table) : importProjects(store, table);
    if (!report.errors.empty()) {
        for (const auto& error : report.errors)
            err << path << ": " << error << '\n';
        err << "nothing was imported (" << report.errors.size() << " problem(s))\n";
        return 1;
    }
    out << "imported " << report.imported << ' ' << what << " from " << path << '\n';
    return 0;
}

int publish(CentralStore& store, const Args& args, std::ostream& out, std::ostream& err) {
    const std::string& path = args.at(2, "the form file (.json, or an XLSForm .xlsx)");
    const auto loaded = xlsform::readFormFile(path);
    for (const auto& notice : loaded.notices)
        err << path << ": note: " << notice << '\n';
    if (!loaded.ok()) {
        for (const auto& problem : loaded.problems)
            err << path << ": " << problem << '\n';
        err << "nothing was published\n";
        return 1;
    }
    const auto outcome = publishForm(store, *loaded.form);
    (outcome.ok() ? out : err) << outcome.message << '\n';
    return outcome.ok() ? 0 : 1;
}

//! The programme report over every province the store holds, or those named.
int report(CentralStore& store, const Args& args, std::ostream& out) {
    const auto given = [&](const char* name) {
        return args.options.count(name) ? std::optional(args.option(name)) : std::nullopt;
    };
    const std::string format = args.option("--format", "text");
    if (format != "text" && format != "csv" && format != "json" && format != "xlsx")
        throw Usage{"--format: expected text, csv, json or xlsx, got \"" + format + "\""};
    if (format == "xlsx" && !args.options.count("--output"))
        throw Usage{"--format xlsx writes a workbook: name it with --output FILE.xlsx"};
    std::vector<std::string> all;
    for (const auto& province : store.listProvinces())
        all.push_back(province.code);
    if (all.empty())
        throw std::invalid_argument("the store has no provinces yet; import the administrative units first: "
                                    "kcfield-server units import units.csv");
    if (const auto named = given("--provinces"))
        for (const auto& code : splitList(*named))
            if (!store.provinceName(code))
                throw std::invalid_argument(missingProvinceMessage(code));
    ReportScope scope;
    try {
        scope = reportScope({given("--provinces"), given("--from"), given("--to"), given("--source")}, all,
                            currentYear());
    } catch (const ReportRequestError& error) {
        throw Usage{"--" + error.parameter() + ": " + error.what()};
    }
    const ProgrammeReport figures = programmeReport(store, scope);
    const std::string text = format == "json"   ? json::serialize(reportJson(figures)) + "\n"
                             : format == "csv"  ? reportCsv(figures)
                             : format == "xlsx" ? reportXlsx(figures)
                                               : reportText(figures);
    if (const auto path = given("--output")) {
        std::ofstream file(*path, std::ios::binary);
        file << text;
        if (!file.flush())
            throw std::runtime_error("cannot write " + *path);
        out << "wrote the report to " << *path << '\n';
        return 0;
    }
    out << text;
    return 0;
}

} // namespace

int runAdmin(const std::string& command, std::vector<std::string> raw, std::istream& in,
             std::ostream& out, std::ostream& err) {
    try {
        raw.insert(raw.begin(), command);
        const Args args(raw, {"--data", "--store", "--role", "--province", "--name", "--device", "--server", "--png",
                              "--provinces", "--from", "--to", "--source", "--format", "--output"});
        // The admin commands work on a store in an existing folder: a mistyped --data must not
        // quietly make a new, empty store somewhere else.
        const std::filesystem::path data = args.option("--data", "var");
        if (std::error_code ec; !std::filesystem::is_directory(data, ec))
            throw std::invalid_argument("the data folder " + data.string() +
                                        " does not exist; check --data, or create the folder to set up a new store");
        const auto opened = openCentralStore(storeSetting(args.option("--store")), data, err, std::chrono::seconds(10));
        CentralStore& store = *opened;
        if (command == "users")
            return users(store, args, in, out);
        if (command == "enroll")
            return enroll(store, args, out);
        if (command == "import")
            return import(store, args, out, err);
        if (command == "units")
            return units(store, args, out, err);
        if (command == "forms")
            return publish(store, args, out, err);
        if (command == "report")
            return report(store, args, out);
        if (command == "backup") {
            store.backup(args.at(1, "the backup file"));
            out << "backed up " << store.location() << " to " << args.at(1, "") << '\n';
            return 0;
        }
        throw Usage{"unknown command \"" + command + "\""};
    } catch (const Usage& usage) {
        err << "kcfield-server " << command << ": " << usage.message << " (see kcfield-server help)\n";
        return 2;
    } catch (const std::exception& error) {
        err << "kcfield-server " << command << ": " << error.what() << '\n';
        return 1;
    }
}

} // namespace kc::server
