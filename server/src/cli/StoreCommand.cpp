#include "cli/StoreCommand.hpp"

#include "store/OpenStore.hpp"
#include "store/StoreCopy.hpp"
#include "store/pg/PgConnection.hpp"

#include <ostream>
#include <stdexcept>

namespace kc::server {

int runStore(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    const char* usage = "usage: kcfield-server store copy --from DIR --to postgresql://user@host:5432/kcfield";
    if (args.empty() || args.front() != "copy") {
        err << "kcfield-server store: " << (args.empty() ? "which command?" : "unknown command \"" + args.front() + "\"")
            << "\n" << usage << '\n';
        return 2;
    }
    std::string from, to;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const bool hasValue = i + 1 < args.size();
        if (args[i] == "--from" && hasValue)
            from = args[++i];
        else if (args[i] == "--to" && hasValue)
            to = args[++i];
        else {
            err << "kcfield-server store copy: unknown or incomplete option \"" << args[i] << "\"\n" << usage << '\n';
            return 2;
        }
    }
    if (from.empty() || to.empty()) {
        err << "kcfield-server store copy: both --from (the SQLite data folder) and --to (the PostgreSQL store) "
               "are needed\n" << usage << '\n';
        return 2;
    }
    try {
        if (!pg::isConnectionString(to))
            throw std::invalid_argument("--to \"" + to + "\" is not a PostgreSQL connection string or URI");
        const auto tables = copySqliteToPostgres(from, storeSetting(to), out);
        std::int64_t rows = 0;
        for (const auto& table : tables)
            rows += table.rows;
        out << "copied " << rows << " rows in " << tables.size() << " tables from " << from << " to postgresql://"
            << pg::describeConnection(to) << "; every table's count and SHA-256 match on both sides.\n"
            << "Photos stay in " << from << "/attachments: serve with --data " << from
            << " (or move them to the folder every server shares, --attachments).\n";
        return 0;
    } catch (const std::exception& error) {
        err << "kcfield-server store copy: " << error.what() << '\n';
        return 1;
    }
}

} // namespace kc::server
