// Several kcfield-server processes on one PostgreSQL store, as behind a load balancer: what one
// accepts the other serves, and the change feed never skips a change whichever server wrote it.
// Tagged [postgres]: CTest runs them in the PostgreSQL run only (one SQLite file has one server).
#include "../support/HttpClient.hpp"
#include "../support/ServerProcess.hpp"
#include "../support/TestStore.hpp"
#include "E2eSteps.hpp"

#include "util/Sha256.hpp"

#include "kc/ids/Uuid.hpp"
#include "kc/json/Json.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <thread>

using namespace kc::test;
namespace bj = boost::json;

namespace {

//! Two servers on the database of `dir`, sharing one attachments folder.
struct TwoServers {
    std::filesystem::path dir;
    std::unique_ptr<ServerProcess> a, b;
    explicit TwoServers(const std::string& name) : dir(freshTempDir(name)) {
        REQUIRE(onPostgres());
        const std::string store = postgresFor(dir);
        const std::string shared = (dir / "shared").string();
        a = std::make_unique<ServerProcess>(dir / "a", std::vector<std::string>{"--store", store, "--attachments", shared});
        b = std::make_unique<ServerProcess>(dir / "b", std::vector<std::string>{"--store", store, "--attachments", shared});
    }
    ServerProcess& at(int i) { return i % 2 ? *b : *a; }
};

bj::value parsed(const HttpReply& reply) {
    INFO(reply.status << " " << reply.body);
    return kc::json::parse(reply.body);
}

//! One page of `token`'s feed after `since`: (seq, record id) of each change, the next cursor, more.
struct Page {
    std::vector<std::pair<std::int64_t, std::string>> changes;
    std::string next;
    bool more = false;
};

Page pullPage(HttpConnection& connection, const std::string& token, const std::string& since, int limit) {
    const auto reply = connection.request("GET", "/v1/pull?since=" + since + "&limit=" + std::to_string(limit), "",
                                          bearer(token));
    REQUIRE(reply.status == 200);
    const auto body = kc::json::parse(reply.body);
    Page page;
    for (const auto& change : body.at("changes").as_array())
        page.changes.emplace_back(change.at("seq").to_number<std::int64_t>(),
                                  std::string(change.at("kind").as_string()) + "/" +
                                      std::string(change.at("id").as_string()));
    page.next = std::string(body.at("next").as_string());
    page.more = body.at("more").as_bool();
    return page;
}

} // namespace

TEST_CASE("two servers on one PostgreSQL store: push to one, pull, replay and review on the other",
          "[postgres][e2e][multi]") {
    TwoServers servers("multi-agree");
    const std::string officer = signIn(*servers.a, "canbo");
    const std::string reviewer = signIn(*servers.b, "duyet");
    // A token issued by one server is honoured by the other: tokens live in the store.
    REQUIRE(httpRequest(servers.b->port(), "GET", "/v1/me", "", bearer(officer)).status == 200);

    // A photo uploaded through B is found by A when the push names it (one attachments folder).
    const std::string project = projectId(*servers.a, officer, "KCQG-2024-01");
    const std::string photo = upload(*servers.b, officer, "multi-server photo");
    const std::string id = kc::Uuid::v7().toString();
    const std::string body = batch({report(id, project, photo, 40)});
    const auto pushed = httpRequest(servers.a->port(), "POST", "/v1/push", body, bearer(officer));
    REQUIRE(pushed.status == 200);
    const auto receipt = parsed(pushed).at("receipts").at(0);
    CHECK(receipt.at("status").as_string() == "accepted");

    // The same batch sent to B: the receipt A gave, as a duplicate.
    const auto replay = httpRequest(servers.b->port(), "POST", "/v1/push", body, bearer(officer));
    REQUIRE(replay.status == 200);
    const auto again = parsed(replay).at("receipts").at(0);
    CHECK(again.at("status").as_string() == "duplicate");
    CHECK(kc::json::serialize(again.at("original")) == kc::json::serialize(receipt));

    // B's pull carries what A accepted; the reviewer on B returns it; A's pull carries that.
    HttpConnection onB(servers.b->port());
    bool seen = false;
    for (std::string since = "0";;) {
        const auto page = pullPage(onB, officer, since, 500);
        for (const auto& [seq, record] : page.changes)
            seen = seen || record == "submission/" + id;
        since = page.next;
        if (!page.more)
            break;
    }
    CHECK(seen);
    const auto returned = httpRequest(servers.b->port(), "POST", "/v1/submissions/" + id + "/review",
                                      R"({"action":"return","revision":1,"comment":"Ảnh mờ, chụp lại"})",
                                      bearer(reviewer));
    REQUIRE(returned.status == 200);
    const auto head = parsed(httpRequest(servers.a->port(), "GET", "/v1/submissions/" + id, "", bearer(reviewer)));
    CHECK(head.at("state").as_string() == "returned");

    // Sign-out on A revokes the token on B as well.
    const std::string second = signIn(*servers.b, "canbo");
    REQUIRE(httpRequest(servers.a->port(), "POST", "/v1/auth/sign-out", "", bearer(second)).status == 204);
    CHECK(httpRequest(servers.b->port(), "GET", "/v1/me", "", bearer(second)).status == 401);

    // An enrollment code made on A works once, on B; a second try on A is refused.
    const std::string admin = signIn(*servers.a, "quantri");
    const auto issued = httpRequest(servers.a->port(), "POST", "/v1/admin/enrollment-codes",
                                    R"({"username":"ctv","device":"Redmi","server":"http://lb"})", bearer(admin));
    REQUIRE(issued.status == 201);
    const std::string code(parsed(issued).at("code").as_string());
    const std::string enroll = R"({"code":")" + code + R"(","device":"Redmi"})";
    CHECK(httpRequest(servers.b->port(), "POST", "/v1/auth/enroll", enroll).status == 200);
    CHECK(httpRequest(servers.a->port(), "POST", "/v1/auth/enroll", enroll).status == 401);

    // Failed sign-ins count together: five wrong passwords spread over both servers lock the
    // account at this address on either.
    const std::string wrong = R"({"username":"canbo_cm","password":"sai-mat-khau","device":"x"})";
    for (int i = 0; i < 5; ++i)
        CHECK(httpRequest(servers.at(i).port(), "POST", "/v1/auth/sign-in", wrong).status == 401);
    const std::string right = R"({"username":"canbo_cm","password":"khuyencong","device":"x"})";
    for (int i = 0; i < 2; ++i) {
        const auto locked = httpRequest(servers.at(i).port(), "POST", "/v1/auth/sign-in", right);
        CHECK(locked.status == 429);
        CHECK(locked.headers.count("retry-after") == 1);
    }
}

TEST_CASE("two servers: a client alternating between them converges, every push once", "[postgres][e2e][multi]") {
    TwoServers servers("multi-alternate");
    const std::string token = signIn(*servers.a, "canbo");
    const std::string project = projectId(*servers.b, token, "KCQG-2024-01");
    const std::string photo = upload(*servers.a, token, "alternating photo");
    std::set<std::string> ids;
    std::string since = "0";
    std::set<std::string> pulled;
    for (int round = 0; round < 20; ++round) {
        const std::string id = kc::Uuid::v7().toString();
        ids.insert(id);
        const auto reply = httpRequest(servers.at(round).port(), "POST", "/v1/push",
                                       batch({report(id, project, photo, 5 + round)}), bearer(token));
        REQUIRE(reply.status == 200);
        CHECK(parsed(reply).at("receipts").at(0).at("status").as_string() == "accepted");
        HttpConnection other(servers.at(round + 1).port());  // the pull goes to the other server
        for (;;) {
            const auto page = pullPage(other, token, since, 7);
            for (const auto& change : page.changes)
                if (change.second.rfind("submission/", 0) == 0)
                    pulled.insert(change.second.substr(11));
            since = page.next;
            if (!page.more)
                break;
        }
        CHECK(pulled.count(id) == 1);  // what one accepted, the other serves at once
    }
    for (const auto& id : ids)
        CHECK(pulled.count(id) == 1);
}

TEST_CASE("two servers: one chunk sent to both at once is added once, and the photo completes whole",
          "[postgres][e2e][multi][attachments]") {
    TwoServers servers("multi-chunk");
    const std::string token = signIn(*servers.a, "canbo");
    for (int round = 0; round < 8; ++round) {
        const std::string bytes = "\xFF\xD8\xFF" + std::string(3 * 1024 * 1024, static_cast<char>('a' + round));
        const std::string sha = kc::server::sha256Hex(bytes);
        REQUIRE(httpRequest(servers.a->port(), "POST", "/v1/attachments",
                            kc::json::serialize(bj::object{{"sha256", sha}, {"size", bytes.size()},
                                                           {"content_type", "image/jpeg"}}),
                            bearer(token))
                    .status == 201);
        auto headers = bearer(token);
        headers["upload-offset"] = "0";
        headers["content-type"] = "application/offset+octet-stream";
        const std::string first = bytes.substr(0, bytes.size() / 2);
        // The same first half to both servers at once, as a phone that retried on the other.
        HttpReply replies[2];
        std::atomic<int> ready{0};
        std::vector<std::thread> senders;
        for (int i = 0; i < 2; ++i)
            senders.emplace_back([&, i] {
                HttpConnection connection(servers.at(i).port());
                ++ready;
                while (ready < 2) {
                }
                replies[i] = connection.request("PATCH", "/v1/attachments/" + sha, first, headers);
            });
        for (auto& sender : senders)
            sender.join();
        const int accepted = (replies[0].status == 200) + (replies[1].status == 200);
        INFO("round " << round << ": " << replies[0].status << " " << replies[0].body << " / " << replies[1].status
                      << " " << replies[1].body);
        REQUIRE(accepted == 1);
        const HttpReply& other = replies[0].status == 200 ? replies[1] : replies[0];
        CHECK(other.status == 409);
        CHECK(other.headers.at("upload-offset") == std::to_string(first.size()));
        headers["upload-offset"] = std::to_string(first.size());
        const auto last = httpRequest(servers.at(round + 1).port(), "PATCH", "/v1/attachments/" + sha,
                                      bytes.substr(first.size()), headers);
        REQUIRE(last.status == 200);
        CHECK(parsed(last).at("complete").as_bool());
        const auto content = httpRequest(servers.at(round).port(), "GET", "/v1/attachments/" + sha + "/content", "",
                                         bearer(token));
        REQUIRE(content.status == 200);
        CHECK(content.body.size() == bytes.size());
        CHECK(kc::server::sha256Hex(content.body) == sha);
    }
}

TEST_CASE("the change feed never skips a change: pushers and reviewers on two servers, pullers paging all along",
          "[postgres][e2e][multi][feed]") {
    TwoServers servers("multi-feed");
    const std::string project = projectId(*servers.a, signIn(*servers.a, "canbo"), "KCQG-2024-01");
    const std::string photo = upload(*servers.a, signIn(*servers.a, "canbo"), "feed photo");
    std::atomic<bool> stop{false};
    std::mutex mutex;
    std::vector<std::string> submitted;  // ids a reviewer may decide on
    std::atomic<int> pushes{0}, reviews{0}, failures{0};

    std::vector<std::thread> writers;
    for (int p = 0; p < 4; ++p)  // pushers: two on each server
        writers.emplace_back([&, p] {
            const std::string token = signIn(servers.at(p), "canbo");
            HttpConnection connection(servers.at(p).port());
            while (!stop) {
                std::vector<std::string> items, ids;
                for (int i = 0; i < 3; ++i) {
                    ids.push_back(kc::Uuid::v7().toString());
                    items.push_back(report(ids.back(), project, photo, 10 + i));
                }
                const auto reply = connection.request("POST", "/v1/push", batch(items), bearer(token));
                if (reply.status != 200) {
                    ++failures;
                    continue;
                }
                pushes += 3;
                std::lock_guard lock(mutex);
                submitted.insert(submitted.end(), ids.begin(), ids.end());
            }
        });
    for (int r = 0; r < 2; ++r)  // reviewers, one on each server: each decision moves a row in the feed
        writers.emplace_back([&, r] {
            const std::string token = signIn(servers.at(r), "duyet");
            HttpConnection connection(servers.at(r).port());
            std::mt19937 random(static_cast<unsigned>(r + 7));
            while (!stop) {
                std::string id;
                {
                    std::lock_guard lock(mutex);
                    if (!submitted.empty()) {
                        const auto at = random() % submitted.size();
                        id = submitted[at];
                        submitted.erase(submitted.begin() + static_cast<std::ptrdiff_t>(at));
                    }
                }
                if (id.empty()) {
                    std::this_thread::sleep_for(std::chrono::milliseconds(5));
                    continue;
                }
                const char* action = random() % 2 ? R"({"action":"approve","revision":1})"
                                                  : R"({"action":"return","revision":1,"comment":"Bổ sung ảnh"})";
                const auto reply = connection.request("POST", "/v1/submissions/" + id + "/review", action, bearer(token));
                if (reply.status == 200)
                    ++reviews;
                else
                    ++failures;
            }
        });

    // Pullers page through the officer's feed all along, each on one server, small pages.
    struct Puller {
        std::vector<std::int64_t> seqs;
        std::set<std::int64_t> distinct;
        std::string since = "0";
    };
    std::vector<Puller> pullers(4);
    std::vector<std::thread> readers;
    for (int q = 0; q < 4; ++q)
        readers.emplace_back([&, q] {
            const std::string token = signIn(servers.at(q), "canbo");
            HttpConnection connection(servers.at(q).port());
            auto& puller = pullers[static_cast<std::size_t>(q)];
            while (!stop) {
                const auto page = pullPage(connection, token, puller.since, 5 + q * 3);
                for (const auto& change : page.changes) {
                    puller.seqs.push_back(change.first);
                    puller.distinct.insert(change.first);
                }
                puller.since = page.next;
            }
        });
    std::this_thread::sleep_for(std::chrono::seconds(12));
    stop = true;
    for (auto& thread : writers)
        thread.join();
    for (auto& thread : readers)
        thread.join();
    INFO(pushes << " pushed, " << reviews << " reviewed, " << failures << " failed requests");
    CHECK(failures == 0);
    REQUIRE(pushes > 100);
    REQUIRE(reviews > 20);

    // The final feed, read once from the start; each puller catches up to the end, then holds
    // every change of it, each once.
    const std::string token = signIn(*servers.a, "canbo");
    HttpConnection connection(servers.a->port());
    std::set<std::int64_t> final;
    for (std::string since = "0";;) {
        const auto page = pullPage(connection, token, since, 1000);
        for (const auto& change : page.changes)
            final.insert(change.first);
        since = page.next;
        if (!page.more)
            break;
    }
    for (std::size_t q = 0; q < pullers.size(); ++q) {
        auto& puller = pullers[q];
        for (HttpConnection other(servers.at(static_cast<int>(q)).port());;) {
            const auto page = pullPage(other, token, puller.since, 1000);
            for (const auto& change : page.changes) {
                puller.seqs.push_back(change.first);
                puller.distinct.insert(change.first);
            }
            puller.since = page.next;
            if (!page.more)
                break;
        }
        INFO("puller " << q << " read " << puller.seqs.size() << " changes");
        CHECK(puller.seqs.size() == puller.distinct.size());  // nothing repeated
        std::vector<std::int64_t> missing;
        for (auto seq : final)
            if (!puller.distinct.count(seq))
                missing.push_back(seq);
        CHECK(missing.empty());  // nothing skipped
        CHECK(puller.seqs.size() >= final.size());
    }
}
