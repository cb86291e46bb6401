#include "cli/ServeCommand.hpp"

#include "api/HealthApi.hpp"
#include "api/ServerContext.hpp"
#include "http/HttpServer.hpp"
#include "ops/RequestLog.hpp"
#include "seed/DemoActivity.hpp"
#include "seed/DemoProvince.hpp"
#include "seed/FormLibrarySeed.hpp"
#include "store/OpenStore.hpp"

#include "kc/Version.hpp"

#include <charconv>
#include <csignal>
#include <iostream>

namespace kc::server {

namespace {

struct ServeSettings {
    ServerOptions server;
    AuthSettings auth;
    std::string dataDir = "var";
    std::string store;  //!< --store: "" for KC_STORE or SQLite in dataDir
    std::string attachments;  //!< --attachments: "" for dataDir/attachments
    bool demo = true;
    bool demoActivity = true;  //!< the demo province's history, pushed and reviewed through the API
    bool threadsGiven = false;  //!< --threads: otherwise the default for the store's engine
};

bool parseNumber(const std::string& text, long min, long max, long& out) {
    long value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max)
        return false;
    out = value;
    return true;
}

// Returns an error message, or "" when the arguments are good.
std::string parseArgs(const std::vector<std::string>& args, ServeSettings& settings) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        const auto value = [&](std::string& out) {
            if (i + 1 >= args.size())
                return false;
            out = args[++i];
            return true;
        };
        std::string text;
        if (arg == "--listen") {
            if (!value(text))
                return "--listen needs ADDR:PORT, e.g. 127.0.0.1:8080";
            const auto colon = text.rfind(':');
            long port = 0;
            if (colon == std::string::npos || !parseNumber(text.substr(colon + 1), 0, 65535, port))
                return "--listen needs ADDR:PORT with a port from 0 to 65535, got \"" + text + "\"";
            settings.server.address = text.substr(0, colon);
            if (settings.server.address.size() > 2 && settings.server.address.front() == '[')
                settings.server.address = settings.server.address.substr(1, settings.server.address.size() - 2);
            settings.server.port = static_cast<unsigned short>(port);
        } else if (arg == "--data") {
            if (!value(settings.dataDir) || settings.dataDir.empty())
                return "--data needs a folder";
        } else if (arg == "--store") {
            if (!value(settings.store) || settings.store.empty())
                return "--store needs \"sqlite\" or a PostgreSQL connection string, e.g. postgresql://kcfield@db:5432/kcfield";
        } else if (arg == "--attachments") {
            if (!value(settings.attachments) || settings.attachments.empty())
                return "--attachments needs a folder (shared by every server on one PostgreSQL store)";
        } else if (arg == "--threads") {
            long threads = 0;
            if (!value(text) || !parseNumber(text, 1, 256, threads))
                return "--threads needs a number from 1 to 256";
            settings.server.threads = static_cast<int>(threads);
            settings.threadsGiven = true;
        } else if (arg == "--signin-limit") {
            long attempts = 0;
            if (!value(text) || !parseNumber(text, 1, 1'000'000, attempts))
                return "--signin-limit needs a number of sign-in attempts per address per minute";
            settings.auth.addressAttempts = static_cast<int>(attempts);
        } else if (arg == "--signin-queue") {
            long seconds = 0;
            if (!value(text) || !parseNumber(text, 0, 600, seconds))
                return "--signin-queue needs the seconds a sign-in may wait for a password check, from 0 to 600";
            settings.auth.signInQueue = std::chrono::seconds(seconds);
        } else if (arg == "--max-connections") {
            long connections = 0;
            if (!value(text) || !parseNumber(text, 8, 1'000'000, connections))
                return "--max-connections needs a number of connections from 8 to 1000000";
            settings.server.maxConnections = static_cast<int>(connections);
        } else if (arg == "--body-memory") {
            long mebibytes = 0;
            if (!value(text) || !parseNumber(text, 16, 1'000'000, mebibytes))
                return "--body-memory needs the MiB that request bodies may take at once, from 16";
            settings.server.bodyBudget = static_cast<std::size_t>(mebibytes) << 20;
        } else if (arg == "--tls-cert") {
            if (!value(settings.server.tlsCertFile) || settings.server.tlsCertFile.empty())
                return "--tls-cert needs a PEM certificate (chain) file";
        } else if (arg == "--tls-key") {
            if (!value(settings.server.tlsKeyFile) || settings.server.tlsKeyFile.empty())
                return "--tls-key needs the certificate's PEM private key file";
        } else if (arg == "--no-demo") {
            settings.demo = false;
        } else if (arg == "--no-demo-activity") {
            settings.demoActivity = false;
        } else if (arg == "--demo-activity") {  // the default; after --no-demo-activity it wins
            settings.demoActivity = true;
        } else {
            return "unknown option \"" + arg + "\"";
        }
    }
    if (settings.server.tlsCertFile.empty() != settings.server.tlsKeyFile.empty())
        return "HTTPS needs both --tls-cert and --tls-key";
    return {};
}

} // namespace

int runServe(const std::vector<std::string>& args) {
    ServeSettings settings;
    if (const std::string error = parseArgs(args, settings); !error.empty()) {
        std::cerr << "kcfield-server serve: " << error
                  << "\nusage: kcfield-server serve [--listen ADDR:PORT] [--data DIR] [--store sqlite|URI] [--attachments DIR] "
                     "[--threads N] [--signin-limit N] [--signin-queue S] [--max-connections N] [--body-memory MIB] [--tls-cert FILE --tls-key FILE] [--no-demo] [--no-demo-activity]\n";
        return 2;
    }
    try {
        const auto opened = openCentralStore(storeSetting(settings.store), settings.dataDir, std::cout);
        CentralStore& store = *opened;
        installFormLibrary(store, std::cout);
        const bool seeded = settings.demo && seedDemoProvince(store, std::cout);
        if (!settings.threadsGiven)
            settings.server.threads = defaultThreads(store.sharedByServers());
        Authenticator auth(store, settings.auth);
        FormCache forms(store);
        // Photos and unfinished uploads: in the data folder, or where every server of one
        // PostgreSQL store finds them (--attachments on shared storage).
        AttachmentFiles files(settings.attachments.empty() ? settings.dataDir : settings.attachments);
        Metrics metrics;
        TransportStats transport;
        StorageFaults storage(settings.dataDir);
        metrics.watch(&transport, &storage);
        ServerContext context{store, auth, forms, files, metrics, {}};
        Router router;
        addHealthRoutes(router, store, &storage);
        addApiRoutes(router, context);
        if (seeded && settings.demoActivity)
            seedDemoActivity(router, std::cout);
        settings.server.observer = requestLogger(std::cout, metrics, &storage);
        settings.server.stats = &transport;
        HttpServer server(settings.server, router);
        const unsigned short port = server.listen();
        std::cout << "kcfield-server " << kVersion << " listening on "
                  << (settings.server.tlsCertFile.empty() ? "http" : "https") << "://" << settings.server.address << ':' << port << " (store: " << store.location()
                  << ", schema " << store.schemaVersion() << "; at most " << server.connectionLimit()
                  << " connections, " << settings.server.threads << " handler threads, " << (settings.server.bodyBudget >> 20)
                  << " MiB for request bodies)" << std::endl;
        server.run();
        std::cout << "kcfield-server stopped" << std::endl;
        return 0;
    } catch (const std::exception& error) {
        std::cerr << "kcfield-server: " << error.what() << '\n';
        return 1;
    }
}

} // namespace kc::server
