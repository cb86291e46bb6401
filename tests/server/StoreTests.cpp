#include "auth/PasswordHasher.hpp"
#include "seed/DemoProvince.hpp"
#include "seed/FormLibrarySeed.hpp"

#include "kc/forms/FormLoader.hpp"
#include "kc/json/Json.hpp"
#include "ApiFixture.hpp"
#include "store/SqliteCentralStore.hpp"

#include "kc/db/Database.hpp"
#include "kc/text/Fold.hpp"
#include "../support/ServerProcess.hpp"

#include "store/ServerSchema.hpp"
#include "sync/AttachmentFiles.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include <atomic>
#include <sstream>
#include <thread>

using namespace kc::server;

namespace {
kc::domain::Facility sampleFacility() {
    kc::domain::Facility facility;
    facility.name = "HTX Tâm Hòa";
    facility.legalForm = "cooperative";
    facility.sector = "agro_forestry_processing";
    facility.provinceCode = "04";
    return facility;
}

void addProvince(CentralStore& store) { store.upsertProvince({"04", "Cao Bằng"}); }
} // namespace

TEST_CASE("the SQLite store creates its file in the data folder and migrates it", "[store][sqlite]") {
    const auto dir = kc::test::freshTempDir("store-open") / "nested" / "var";
    auto storeOpened = kc::test::openStore(dir);
    auto& store = *storeOpened;
    CHECK(store.engine() == "sqlite");
    CHECK(store.location() == (dir / "kcfield.sqlite3").string());
    CHECK(std::filesystem::exists(dir / "kcfield.sqlite3"));
    CHECK(store.schemaVersion() == kc::server::serverMigrations().back().version);
    CHECK(store.ping());
    CHECK(store.counts().users == 0);
}

TEST_CASE("facilities are stored in NFC with a folded name for search", "[store]") {
    const auto dir = kc::test::freshTempDir("store-facility");
    auto storeOpened = kc::test::openStore(dir);
    auto& store = *storeOpened;
    addProvince(store);
    auto facility = sampleFacility();
    facility.name = "HTX Ta\xCC\x82m Ho\xCC\x80" "a";  // NFD, as some keyboards send it
    const std::string id = store.createFacility(facility);
    CHECK(id.size() == 36);

    REQUIRE(store.findFacility(id));
    CHECK(store.findFacility(id)->name == "HTX Tâm Hòa");
    const auto found = store.listFacilities({{"04"}, std::nullopt, "tam hoa", "", 10});  // by the folded name
    REQUIRE(found.size() == 1);
    CHECK(found[0].id == id);
}

TEST_CASE("bad register data is refused with the field named, and nothing is stored", "[store]") {
    const auto dir = kc::test::freshTempDir("store-invalid");
    auto storeOpened = kc::test::openStore(dir);
    auto& store = *storeOpened;
    addProvince(store);

    auto facility = sampleFacility();
    facility.legalForm = "corporation";
    CHECK_THROWS_WITH(store.createFacility(facility),
                      Catch::StartsWith("facility.legal_form: unknown code \"corporation\""));
    facility = sampleFacility();
    facility.provinceCode = "99";  // no such province
    CHECK_THROWS(store.createFacility(facility));

    kc::domain::Project project;
    project.code = "KCQG-2025-01";
    project.title = "Hỗ trợ máy sấy";
    project.year = 2025;
    project.fundingSource = "provincial";
    project.activityType = "advanced_machinery";
    project.provinceCode = "04";
    CHECK_THROWS_WITH(store.createProject(project),
                      Catch::StartsWith("project.funding_source: unknown code \"provincial\""));
    project.fundingSource = "local";
    project.status = "stalled";  // a stalled project needs its reason
    CHECK_THROWS(store.createProject(project));
    CHECK(store.counts().facilities == 0);
    CHECK(store.counts().projects == 0);
}

TEST_CASE("atomically() keeps all writes or none", "[store]") {
    const auto dir = kc::test::freshTempDir("store-atomic");
    auto storeOpened = kc::test::openStore(dir);
    auto& store = *storeOpened;
    addProvince(store);
    CHECK_THROWS(store.atomically([&] {
        store.createFacility(sampleFacility());
        store.createFacility(sampleFacility());
        throw std::runtime_error("power cut");
    }));
    CHECK(store.counts().facilities == 0);
    store.atomically([&] { store.createFacility(sampleFacility()); });
    CHECK(store.counts().facilities == 1);
}

TEST_CASE("concurrent atomically() calls, committed in groups, each land whole or not at all", "[store]") {
    const auto dir = kc::test::freshTempDir("store-group-commit");
    auto storeOpened = kc::test::openStore(dir);
    auto& store = *storeOpened;
    addProvince(store);
    constexpr int kThreads = 12, kCalls = 25;
    std::atomic<int> landed{0}, refused{0}, wrongError{0};  // Catch2 assertions are for one thread
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
        threads.emplace_back([&, t] {
            for (int c = 0; c < kCalls; ++c) {
                const bool fails = (t * kCalls + c) % 7 == 0;
                try {
                    store.atomically([&] {
                        store.createFacility(sampleFacility());
                        if (fails)
                            throw std::runtime_error("refused");
                        store.createFacility(sampleFacility());
                    });
                    ++landed;
                } catch (const std::runtime_error& error) {
                    ++(std::string(error.what()) == "refused" ? refused : wrongError);  // its own, not another's
                }
            }
        });
    for (auto& thread : threads)
        thread.join();
    CHECK(wrongError == 0);
    const int expectedRefused = (kThreads * kCalls + 6) / 7;
    CHECK(refused == expectedRefused);
    CHECK(landed == kThreads * kCalls - expectedRefused);
    // Two facilities for each call that landed, none of a refused one's first.
    CHECK(store.counts().facilities == 2 * landed);
    // And what landed is on disk: a new connection sees it.
    auto reopenedOpened = kc::test::openStore(dir);
    auto& reopened = *reopenedOpened;
    CHECK(reopened.counts().facilities == 2 * landed);
}

TEST_CASE("repeatable works committed together land once each, and one that fails, in C++ or in the database, fails alone",
          "[store]") {
    const auto dir = kc::test::freshTempDir("store-group-repeatable");
    auto storeOpened = kc::test::openStore(dir);
    auto& store = *storeOpened;
    addProvince(store);
    auto taken = sampleFacility();
    taken.id = "facility-taken";
    store.createFacility(taken);
    constexpr int kThreads = 12, kCalls = 25;
    std::atomic<int> landed{0}, refused{0}, clashed{0}, wrongError{0}, runs{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
        threads.emplace_back([&, t] {
            for (int c = 0; c < kCalls; ++c) {
                const int call = t * kCalls + c;
                const bool refuses = call % 7 == 0, clashes = call % 11 == 5;  // never both
                try {
                    store.atomicallyRepeatable(
                        [&] {
                            ++runs;
                            store.createFacility(sampleFacility());
                            if (refuses)
                                throw std::runtime_error("refused");
                            store.createFacility(clashes ? taken : sampleFacility());  // the id is taken
                        },
                        {});
                    ++(refuses || clashes ? wrongError : landed);
                } catch (const std::runtime_error& error) {
                    if (refuses)
                        ++(std::string(error.what()) == "refused" ? refused : wrongError);  // its own, not another's
                    else
                        ++(clashes ? clashed : wrongError);
                }
            }
        });
    for (auto& thread : threads)
        thread.join();
    CHECK(wrongError == 0);
    int expectRefused = 0, expectClashed = 0;
    for (int call = 0; call < kThreads * kCalls; ++call) {
        expectRefused += call % 7 == 0;
        expectClashed += call % 7 != 0 && call % 11 == 5;
    }
    CHECK(refused == expectRefused);
    CHECK(clashed == expectClashed);
    CHECK(landed == kThreads * kCalls - expectRefused - expectClashed);
    // Two facilities for each call that landed, nothing of a failed one's, nothing twice from
    // a group that ran again; and on disk.
    CHECK(store.counts().facilities == 2 * landed + 1);
    CHECK(runs > kThreads * kCalls);  // groups with a failed work in them ran again
    auto reopenedOpened = kc::test::openStore(dir);
    CHECK(reopenedOpened->counts().facilities == 2 * landed + 1);
}

TEST_CASE("atomically() inside atomically() joins the outer one, in a savepoint of its own", "[store]") {
    const auto dir = kc::test::freshTempDir("store-nested-atomic");
    auto storeOpened = kc::test::openStore(dir);
    auto& store = *storeOpened;
    addProvince(store);
    CHECK_THROWS(store.atomically([&] {
        store.atomically([&] { store.createFacility(sampleFacility()); });
        throw std::runtime_error("the outer one fails");
    }));
    CHECK(store.counts().facilities == 0);
    store.atomically([&] { store.atomically([&] { store.createFacility(sampleFacility()); }); });
    CHECK(store.counts().facilities == 1);
    // A nested one that fails, caught by the outer one, leaves nothing of its own behind.
    store.atomically([&] {
        store.createFacility(sampleFacility());
        try {
            store.atomically([&] {
                store.createFacility(sampleFacility());
                throw std::runtime_error("the inner one fails");
            });
        } catch (const std::runtime_error&) {
        }
    });
    CHECK(store.counts().facilities == 2);
}

TEST_CASE("passwords are hashed with Argon2id at or above OWASP's minimum", "[auth]") {
    const std::string hash = hashPassword("khuyencong");
    CHECK(hash.rfind("$argon2id$v=19$m=65536,t=2,p=1$", 0) == 0);
    CHECK(verifyPassword("khuyencong", hash));
    CHECK_FALSE(verifyPassword("khuyencong ", hash));
    CHECK_FALSE(verifyPassword("", hash));
    CHECK(hashPassword("khuyencong") != hash);  // salted
}

TEST_CASE("the demo province is seeded once, with every role and realistic registers", "[seed]") {
    const auto dir = kc::test::freshTempDir("store-seed");
    auto storeOpened = kc::test::openStore(dir);
    auto& store = *storeOpened;
    std::ostringstream out;
    REQUIRE(seedDemoProvince(store, out));
    const StoreCounts counts = store.counts();
    CHECK(counts.provinces == 2);  // Cao Bằng, and Cà Mau to show scopes
    CHECK(counts.users == 6);
    CHECK(counts.facilities >= 10);
    CHECK(counts.projects >= 10);
    CHECK_THAT(out.str(), Catch::Contains("Cao Bằng") && Catch::Contains(kDemoPassword) &&
                              Catch::Contains("quantri") && Catch::Contains("ctv"));

    // One demo password, but each user's hash has its own salt.
    std::set<std::string> hashes;
    for (const auto& user : store.listUsers())
        hashes.insert(user.passwordHash);
    CHECK(hashes.size() == 6);

    std::set<std::string> roles;
    for (const auto& user : store.listUsers())
        if (std::find(user.provinces.begin(), user.provinces.end(), "04") != user.provinces.end())
            roles.insert(std::string(kc::domain::roleCode(user.role)));
    CHECK(roles == std::set<std::string>{"admin", "collaborator", "officer", "reviewer"});
    const auto officer = store.findUserByName("canbo");
    REQUIRE(officer);
    CHECK(verifyPassword(kDemoPassword, officer->passwordHash));
    std::set<std::string> sources;
    std::int64_t funding = 0;
    int explained = 0, orphans = 0;
    for (const auto& project : store.listProjects({{"04", "96"}, std::nullopt, "", "", 1000})) {
        sources.insert(project.fundingSource);
        funding += project.extensionFunding;
        explained += (project.status == "stalled" || project.status == "cancelled") && project.statusReason && !project.statusReason->empty();
        orphans += project.beneficiaryIds.empty();
    }
    CHECK(sources.size() == 2);
    CHECK(funding > 0);
    CHECK(explained >= 1);
    CHECK(orphans == 0);

    std::ostringstream again;
    CHECK_FALSE(seedDemoProvince(store, again));
    CHECK(again.str().empty());
    CHECK(store.counts().facilities == counts.facilities);
}

TEST_CASE("the form library is published once, a published version never changes", "[store][forms]") {
    const auto dir = kc::test::freshTempDir("store-forms");
    auto storeOpened = kc::test::openStore(dir);
    auto& store = *storeOpened;
    std::ostringstream out;
    CHECK(installFormLibrary(store, out) == 6);
    CHECK(out.str() == "Published 6 forms of the library (shared/forms/).\n");
    CHECK(store.counts().forms == 6);
    std::ostringstream again;
    CHECK(installFormLibrary(store, again) == 0);
    CHECK(again.str().empty());

    const auto latest = store.latestForms();
    REQUIRE(latest.size() == 6);
    CHECK(latest[0].id == "equipment_handover");
    CHECK(latest[0].titleVi == "Biên bản bàn giao, nghiệm thu thiết bị");
    // What is stored loads back into the same form.
    const auto reloaded = kc::forms::loadFormText(latest[0].definition);
    REQUIRE(reloaded.ok());
    CHECK(reloaded.form->questions.size() == 22);

    auto changed = kc::json::parse(latest[0].definition);
    changed.as_object()["title"].as_object()["vi"] = "Bàn giao (sửa)";
    const auto sameVersion = kc::forms::loadForm(changed);
    REQUIRE(sameVersion.ok());
    CHECK_THROWS_WITH(store.publishForm(*sameVersion.form),
                      "form equipment_handover version 1 is already published with another "
                      "definition; publish it as version 2");
    changed.as_object()["version"] = 2;
    const auto next = kc::forms::loadForm(changed);
    REQUIRE(next.ok());
    CHECK(store.publishForm(*next.form));
    CHECK(store.latestForms()[0].version == 2);
    CHECK(store.counts().forms == 7);
}

TEST_CASE("attachment files: one chunk appended at once by two servers' folders lands once", "[attachments]") {
    const auto dir = kc::test::freshTempDir("chunk-lock");
    // Two instances on one folder, as two servers sharing --attachments: their mutexes are
    // their own, so only the lock on the file keeps them apart.
    kc::server::AttachmentFiles one(dir), two(dir);
    const std::string chunk(4 * 1024 * 1024, 'c');
    for (int round = 0; round < 20; ++round) {
        const std::string sha = std::string(63, 'a') + static_cast<char>('a' + round % 6);
        const std::string user = "u" + std::to_string(round);
        std::atomic<int> ready{0};
        kc::server::AttachmentFiles::Appended results[4]{};
        std::vector<std::thread> threads;
        for (int i = 0; i < 4; ++i)
            threads.emplace_back([&, i] {
                ++ready;
                while (ready < 4) {
                }
                results[i] = (i % 2 ? two : one).append(sha, user, 0, chunk);
            });
        for (auto& thread : threads)
            thread.join();
        int landed = 0;
        for (const auto& result : results) {
            landed += result.atOffset;
            CHECK(result.offset == static_cast<std::int64_t>(chunk.size()));
        }
        CHECK(landed == 1);
        CHECK(one.offset(sha, user) == static_cast<std::int64_t>(chunk.size()));
    }
}
