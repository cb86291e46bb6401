// The real kcfield-server under what a hostile or unlucky environment does to it: floods of
// idle connections, descriptors running out, many large bodies at once, a full disk, a crowd
// signing in at once, and kill -9 while devices push.
#include "../support/HttpClient.hpp"
#include "../support/ServerProcess.hpp"
#include "ApiFixture.hpp"
#include "E2eSteps.hpp"

#include "http/ApiError.hpp"
#include "ops/StorageFaults.hpp"
#include "util/Sha256.hpp"

#include "kc/db/DbError.hpp"

#include "kc/db/Database.hpp"
#include "kc/db/Statement.hpp"
#include "kc/ids/Uuid.hpp"
#include "kc/json/Json.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>

#include <catch2/catch.hpp>

#include <sys/mount.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <iostream>
#include <system_error>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <optional>
#include <random>
#include <map>
#include <set>
#include <sstream>
#include <thread>

using kc::test::batch;
using kc::test::bearer;
using kc::test::httpRequest;
using kc::test::projectId;
using kc::test::report;
using kc::test::ServerProcess;
using kc::test::signIn;
using kc::test::upload;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using namespace std::chrono_literals;

namespace {

//! Seconds of CPU the process has used (user and system), from /proc.
double cpuSeconds(int pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::istringstream fields(text.substr(text.rfind(')') + 2));
    std::string field;
    long utime = 0, stime = 0;
    for (int i = 3; fields >> field; ++i) {  // field 3 is the state
        if (i == 14)
            utime = std::stol(field);
        if (i == 15) {
            stime = std::stol(field);
            break;
        }
    }
    return static_cast<double>(utime + stime) / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

//! A line of /proc/PID/status in kB ("VmHWM", "VmRSS").
long statusKb(int pid, const std::string& key) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    for (std::string line; std::getline(in, line);)
        if (line.rfind(key + ":", 0) == 0)
            return std::stol(line.substr(key.size() + 1));
    return -1;
}

//! A metric's value in the Prometheus text of /metrics.
long long metricValue(const std::string& text, const std::string& name) {
    const auto at = text.find("\n" + name + " ");
    REQUIRE(at != std::string::npos);
    return std::stoll(text.substr(at + name.size() + 2));
}

std::string metrics(const ServerProcess& server) {
    const auto reply = httpRequest(server.port(), "GET", "/metrics", "", bearer(signIn(server, "quantri")));
    REQUIRE(reply.status == 200);
    return reply.body;
}

//! Opens `count` connections that send nothing.
std::vector<tcp::socket> idleConnections(net::io_context& io, unsigned short port, int count) {
    std::vector<tcp::socket> sockets;
    const tcp::endpoint server(net::ip::make_address("127.0.0.1"), port);
    for (int i = 0; i < count; ++i) {
        tcp::socket socket(io);
        boost::system::error_code ec;
        socket.connect(server, ec);
        if (!ec)
            sockets.push_back(std::move(socket));
    }
    return sockets;
}

//! /healthz answered, and how long it took.
std::pair<int, double> timedHealth(unsigned short port) {
    const auto started = std::chrono::steady_clock::now();
    const int status = httpRequest(port, "GET", "/healthz").status;
    return {status, std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count()};
}

//! Sets an environment variable for the servers started in one scope.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const std::string& value) : m_name(name) {
        if (const char* old = std::getenv(name))
            m_old = old;
        ::setenv(name, value.c_str(), 1);
    }
    ~ScopedEnv() {
        if (m_old)
            ::setenv(m_name, m_old->c_str(), 1);
        else
            ::unsetenv(m_name);
    }

private:
    const char* m_name;
    std::optional<std::string> m_old;
};

} // namespace

TEST_CASE("e2e: a flood of idle connections is shed: the server neither spins nor keeps new clients out",
          "[e2e][limits][connections]") {
    // 128 descriptors, as a small server's limit: the cap comes from it (128 less 64 and a
    // descriptor per handler thread).
    ServerProcess server(kc::test::freshTempDir("e2e-flood"), {"--threads", "4"},
                         {"/usr/bin/prlimit", "--nofile=128:128", "--"});
    CHECK_THAT(server.output(), Catch::Contains("at most 60 connections"));
    net::io_context io;
    auto flood = idleConnections(io, server.port(), 300);
    CHECK(flood.size() == 300);
    std::this_thread::sleep_for(500ms);
    const double before = cpuSeconds(server.pid());
    std::this_thread::sleep_for(2s);
    CHECK(cpuSeconds(server.pid()) - before < 0.5);  // it once spun a core at 98 % here
    for (int i = 0; i < 3; ++i) {
        const auto [status, seconds] = timedHealth(server.port());
        CHECK(status == 200);
        CHECK(seconds < 3.0);
    }
    const std::string text = metrics(server);
    CHECK(metricValue(text, "kcfield_connections_limit") == 60);
    CHECK(metricValue(text, "kcfield_connections_shed_total") >= 200);
    CHECK(metricValue(text, "kcfield_connections_open") <= 60);
}

TEST_CASE("e2e: when descriptors run out the server backs off, sheds idle connections and still answers",
          "[e2e][limits][connections]") {
    // A cap set above what the descriptor limit allows: accept() itself fails.
    ServerProcess server(kc::test::freshTempDir("e2e-emfile"), {"--threads", "4", "--max-connections", "1000"},
                         {"/usr/bin/prlimit", "--nofile=128:128", "--"});
    net::io_context io;
    auto flood = idleConnections(io, server.port(), 300);
    std::this_thread::sleep_for(500ms);
    const double before = cpuSeconds(server.pid());
    std::this_thread::sleep_for(2s);
    CHECK(cpuSeconds(server.pid()) - before < 0.5);
    const auto [status, seconds] = timedHealth(server.port());
    CHECK(status == 200);
    CHECK(seconds < 10.0);
    flood.clear();
    const std::string text = metrics(server);
    CHECK(metricValue(text, "kcfield_accept_errors_total") > 0);
    CHECK(metricValue(text, "kcfield_connections_shed_total") > 0);
}

TEST_CASE("e2e: at the cap with every connection busy, a new one is answered 503 with Retry-After",
          "[e2e][limits][connections]") {
    ServerProcess server(kc::test::freshTempDir("e2e-cap-busy"), {"--no-demo", "--max-connections", "8"});
    net::io_context io;
    auto slow = idleConnections(io, server.port(), 8);
    REQUIRE(slow.size() == 8);
    for (auto& socket : slow)  // half a request each: being read, so not idle, not shed
        net::write(socket, net::buffer(std::string("GET /healthz HTTP/1.1\r\nHost: x\r\n")));
    std::this_thread::sleep_for(300ms);
    const std::string answer = kc::test::rawExchange(server.port(), "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    CHECK_THAT(answer, Catch::StartsWith("HTTP/1.1 503"));
    CHECK_THAT(answer, Catch::Contains("Retry-After: 2") && Catch::Contains("\"code\":\"busy\""));
    // The slow ones finish their requests and are answered: the cap refused no one it had.
    for (auto& socket : slow) {
        net::write(socket, net::buffer(std::string("\r\n")));
        std::string reply(12, '\0');
        net::read(socket, net::buffer(reply));
        CHECK(reply == "HTTP/1.1 200");
    }
}

TEST_CASE("e2e: a connection that sends nothing is closed after the idle deadline", "[e2e][limits][connections]") {
    ServerProcess server(kc::test::freshTempDir("e2e-idle"), {"--no-demo"});
    net::io_context io;
    auto sockets = idleConnections(io, server.port(), 1);
    REQUIRE(sockets.size() == 1);
    const auto started = std::chrono::steady_clock::now();
    char byte = 0;
    boost::system::error_code ec;
    sockets[0].read_some(net::buffer(&byte, 1), ec);
    const double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    CHECK(ec == net::error::eof);
    CHECK(waited > 8.0);
    CHECK(waited < 14.0);  // 10 s idle deadline, not the 30 s for reading a request
}

TEST_CASE("e2e: many large bodies at once stay within the body memory budget, and the rest are told to retry",
          "[e2e][limits][memory]") {
    // Freed memory goes straight back under a sanitizer too, so that the peak is the server's.
    const char* asan = std::getenv("ASAN_OPTIONS");
    ScopedEnv env("ASAN_OPTIONS", std::string(asan ? asan : "") + ":quarantine_size_mb=0");
    ServerProcess server(kc::test::freshTempDir("e2e-bodies"), {"--no-demo", "--body-memory", "32"});
    const long baseline = statusKb(server.pid(), "VmHWM");
    constexpr int kClients = 24;
    constexpr std::size_t kBody = 16u << 20;
    std::vector<int> statuses(kClients, 0);
    std::vector<std::string> retryAfter(kClients);
    std::vector<std::thread> clients;
    for (int i = 0; i < kClients; ++i)
        clients.emplace_back([&, i] {
            net::io_context io;
            tcp::socket socket(io);
            boost::system::error_code ec;
            socket.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), server.port()), ec);
            if (ec)
                return;
            const std::string head = "POST /v1/push HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                     "Content-Length: " + std::to_string(kBody) + "\r\n\r\n";
            net::write(socket, net::buffer(head), ec);
            const std::string piece(1 << 20, ' ');
            for (std::size_t sent = 0; !ec && sent < kBody; sent += piece.size())
                net::write(socket, net::buffer(piece), ec);
            std::string answer;
            char buffer[4096];
            for (;;) {
                const std::size_t n = socket.read_some(net::buffer(buffer), ec);
                answer.append(buffer, n);
                if (ec || answer.find("\r\n\r\n") != std::string::npos)
                    break;
            }
            if (answer.rfind("HTTP/1.1 ", 0) == 0)
                statuses[i] = std::stoi(answer.substr(9, 3));
            if (const auto at = answer.find("Retry-After: "); at != std::string::npos)
                retryAfter[i] = answer.substr(at + 13, answer.find("\r\n", at) - at - 13);
        });
    for (auto& client : clients)
        client.join();
    const long peak = statusKb(server.pid(), "VmHWM");
    int refused = 0, read = 0;
    for (int i = 0; i < kClients; ++i) {
        INFO("client " << i);
        CHECK((statuses[i] == 401 || statuses[i] == 503));  // 401: read whole, then asked to sign in
        if (statuses[i] == 503) {
            ++refused;
            CHECK(retryAfter[i] == "2");
        }
        read += statuses[i] == 401;
    }
    CHECK(refused > 0);
    CHECK(read > 0);
    // 24 bodies of 16 MiB held whole would be 384 MiB; the budget is 32 MiB.
    INFO("peak resident growth " << (peak - baseline) / 1024 << " MiB");
    CHECK(peak - baseline < (32 + 40) * 1024);
}

TEST_CASE("e2e: a full disk answers 507, stores nothing of the refused request, and says so in /healthz",
          "[e2e][storage][sqlite]") {
    if (::geteuid() != 0) {
        WARN("not run: mounting a small file system for the full disk needs root");
        return;
    }
    const auto dir = kc::test::freshTempDir("e2e-disk-full");
    if (::mount("tmpfs", dir.c_str(), "tmpfs", 0, "size=48m") != 0) {
        const int error = errno;
        WARN("not run: cannot mount a small tmpfs for the full disk: " << std::strerror(error));
        return;
    }
    struct Unmount {
        std::filesystem::path dir;
        ~Unmount() { ::umount2(dir.c_str(), MNT_DETACH); }
    } unmount{dir};
    ServerProcess server(dir);
    const std::string token = signIn(server, "canbo");
    const std::string project = projectId(server, token, "KCQG-2024-01");
    const std::string photo = upload(server, token, "before the disk filled");
    kc::test::fillDisk(dir);
    const auto [refused, refusedIds, refusedItems] = kc::test::pushUntilRefused(server, token, project, photo, 400);
    CHECK(refused.status == 507);
    const auto error = kc::json::parse(refused.body).at("error");
    CHECK(error.at("code") == "storage_full");
    CHECK(std::string(error.at("message").as_string()).find("nothing of this request was stored") != std::string::npos);
    CHECK(refused.headers.at("retry-after") == "60");

    // An upload's chunk is refused whole: the offset stays where it was.
    const std::string bytes = "\xFF\xD8\xFF" + std::string(256 * 1024, 'p');
    const std::string sha = kc::server::sha256Hex(bytes);
    const auto declared = httpRequest(server.port(), "POST", "/v1/attachments",
                                      kc::json::serialize(boost::json::object{{"sha256", sha}, {"size", bytes.size()},
                                                                              {"content_type", "image/jpeg"}}),
                                      bearer(token));
    if (declared.status != 507) {
        REQUIRE(declared.status == 201);
        auto headers = bearer(token);
        headers["upload-offset"] = "0";
        headers["content-type"] = "application/offset+octet-stream";
        CHECK(httpRequest(server.port(), "PATCH", "/v1/attachments/" + sha, bytes, headers).status == 507);
        const auto status = httpRequest(server.port(), "POST", "/v1/attachments",
                                        kc::json::serialize(boost::json::object{{"sha256", sha}, {"size", bytes.size()},
                                                                                {"content_type", "image/jpeg"}}),
                                        bearer(token));
        if (status.status == 200)
            CHECK(kc::json::parse(status.body).at("offset").as_int64() == 0);
    }

    const auto full = httpRequest(server.port(), "GET", "/healthz");
    CHECK(full.status == 503);
    CHECK(kc::json::parse(full.body).at("status") == "storage_full");
    CHECK(kc::json::parse(full.body).at("store").at("full") == true);

    std::filesystem::remove(dir / "filler");
    const auto healthy = httpRequest(server.port(), "GET", "/healthz");
    CHECK(healthy.status == 200);
    CHECK(kc::json::parse(healthy.body).at("store").at("full") == false);
    // Nothing of the refused push was kept: sent again, every item is new.
    const auto again = httpRequest(server.port(), "POST", "/v1/push", batch(refusedItems), bearer(token));
    REQUIRE(again.status == 200);
    const auto receipts = kc::json::parse(again.body);
    for (const auto& receipt : receipts.at("receipts").as_array())
        CHECK(receipt.at("status") == "accepted");
}

TEST_CASE("e2e: a crowd signing in at once is queued fairly and told when to retry past the bound",
          "[e2e][auth][limits]") {
    ServerProcess server(kc::test::freshTempDir("e2e-signin-crowd"), {"--signin-queue", "0", "--signin-limit", "1000"});
    constexpr int kDevices = 24;
    std::vector<kc::test::HttpReply> replies(kDevices);
    std::vector<std::thread> devices;
    for (int i = 0; i < kDevices; ++i)
        devices.emplace_back([&, i] {
            replies[i] = httpRequest(server.port(), "POST", "/v1/auth/sign-in",
                                     R"({"username":"canbo","password":"khuyencong","device":"crowd"})");
        });
    for (auto& device : devices)
        device.join();
    int signedIn = 0, busy = 0;
    for (const auto& reply : replies) {
        CHECK((reply.status == 200 || reply.status == 503));  // every one answered, none timed out
        signedIn += reply.status == 200;
        if (reply.status == 503) {
            ++busy;
            CHECK(kc::json::parse(reply.body).at("error").at("code") == "busy");
            CHECK(std::stoi(reply.headers.at("retry-after")) >= 1);
        }
    }
    CHECK(signedIn >= 1);
    CHECK(busy >= 1);
}

TEST_CASE("e2e: kill -9 while devices push: nothing acknowledged is lost or stored twice", "[e2e][crash]") {
    const auto dir = kc::test::freshTempDir("e2e-kill-loop");
    constexpr int kCycles = 16;
    constexpr int kPushers = 4;
    std::mt19937 random(20261202);
    std::vector<std::string> pushed, acknowledged;
    std::mutex mutex;
    std::string photo, project;
    for (int cycle = 0; cycle < kCycles; ++cycle) {
        ServerProcess server(dir, {"--threads", "4"});
        const std::string token = signIn(server, "canbo");
        if (cycle == 0) {
            project = projectId(server, token, "KCQG-2024-01");
            photo = upload(server, token, "kill loop photo");
        }
        std::atomic<bool> stop{false};
        std::vector<std::thread> pushers;
        for (int p = 0; p < kPushers; ++p)
            pushers.emplace_back([&] {
                while (!stop) {
                    std::vector<std::string> ids, items;
                    for (int i = 0; i < 5; ++i) {
                        ids.push_back(kc::Uuid::v7().toString());
                        items.push_back(report(ids.back(), project, photo, 20));
                    }
                    {
                        std::lock_guard lock(mutex);
                        pushed.insert(pushed.end(), ids.begin(), ids.end());
                    }
                    try {
                        const auto reply = httpRequest(server.port(), "POST", "/v1/push", batch(items), bearer(token));
                        if (reply.status != 200)
                            return;
                        const auto receipts = kc::json::parse(reply.body).at("receipts").as_array();
                        std::lock_guard lock(mutex);
                        for (std::size_t i = 0; i < receipts.size(); ++i)
                            if (receipts[i].at("status") == "accepted")
                                acknowledged.push_back(ids[i]);
                    } catch (const std::exception&) {
                        return;  // killed under it
                    }
                }
            });
        std::this_thread::sleep_for(std::chrono::milliseconds(100 + random() % 400));
        server.stop(SIGKILL);
        stop = true;
        for (auto& pusher : pushers)
            pusher.join();
    }
    INFO(pushed.size() << " pushed, " << acknowledged.size() << " acknowledged over " << kCycles << " kills");
    REQUIRE(acknowledged.size() > 100);
    {
        if (!kc::test::onPostgres()) {
            auto db = kc::db::Database::open(dir / "kcfield.sqlite3");
            auto check = db.prepare("PRAGMA integrity_check");
            REQUIRE(check.step());
            CHECK(check.getText(0) == "ok");
        }
        std::set<std::string> acked(acknowledged.begin(), acknowledged.end());
        CHECK(acked.size() == acknowledged.size());
        // What the store holds, read through the store on either engine: each submission's
        // revisions, and how often the officer's feed names it.
        auto store = kc::test::openStore(dir);
        const auto officer = store->findUserByName("canbo");
        REQUIRE(officer);
        std::map<std::string, int> inFeed;
        for (std::int64_t since = 0;;) {
            const auto page = store->changesSince({officer->id, officer->role, officer->provinces}, since, 1000);
            if (page.empty())
                break;
            for (const auto& change : page)
                inFeed[change.recordId] += change.kind == "submission";
            since = page.back().seq;
        }
        int lost = 0, twice = 0;
        for (const auto& id : pushed) {
            const auto held = static_cast<std::int64_t>(store->revisions(id).size());
            lost += acked.count(id) && held != 1;
            twice += held > 1 || inFeed[id] != held;
        }
        CHECK(lost == 0);
        CHECK(twice == 0);
    }
    // A device that never heard back sends again: what landed is a duplicate, with its receipt.
    ServerProcess server(dir);
    const std::string token = signIn(server, "canbo");
    std::vector<std::string> items;
    for (std::size_t i = 0; i < acknowledged.size() && items.size() < 50; i += 7)
        items.push_back(report(acknowledged[i], project, photo, 20));
    const auto replay = httpRequest(server.port(), "POST", "/v1/push", batch(items), bearer(token));
    REQUIRE(replay.status == 200);
    const auto receipts = kc::json::parse(replay.body);
    for (const auto& receipt : receipts.at("receipts").as_array())
        CHECK(receipt.at("status") == "duplicate");
}

TEST_CASE("a full disk is answered 507 and logged once a minute, however many requests it refuses", "[storage]") {
    kc::server::Request request;
    request.method = "POST";
    request.path = "/v1/push";
    const auto full = kc::server::failureResponse(
        request, std::make_exception_ptr(kc::db::DbError(13, "database or disk is full", "COMMIT")), "canbo");
    CHECK(full.status == 507);
    CHECK_THAT(full.body, Catch::Contains("\"code\":\"storage_full\""));
    CHECK_THAT(full.fault, Catch::Contains("database or disk is full"));
    CHECK_THAT(full.body, !Catch::Contains("COMMIT"));  // the detail is for the log only
    const auto noSpace = kc::server::failureResponse(
        request, std::make_exception_ptr(std::system_error(ENOSPC, std::generic_category(), "cannot write x.part")), "");
    CHECK(noSpace.status == 507);
    const auto other = kc::server::failureResponse(
        request, std::make_exception_ptr(std::system_error(EIO, std::generic_category(), "cannot write x.part")), "");
    CHECK(other.status == 500);

    kc::server::StorageFaults faults(kc::test::freshTempDir("storage-faults"));
    CHECK_FALSE(faults.state().full);
    std::ostringstream captured;
    auto* old = std::cerr.rdbuf(captured.rdbuf());
    for (int i = 0; i < 5; ++i)
        faults.noteFull("SQLite error 13 (database or disk is full)");
    std::cerr.rdbuf(old);
    const std::string log = captured.str();
    CHECK(std::count(log.begin(), log.end(), '\n') == 1);
    CHECK_THAT(log, Catch::Contains("storage is full under") && Catch::Contains("database or disk is full"));
    const auto state = faults.state();
    CHECK(state.full);
    CHECK(state.fullErrors == 5);
    CHECK(state.freeBytes > 0);
}
