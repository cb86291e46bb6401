// Push and pull through the real handlers and store, without sockets.
#include "ApiFixture.hpp"
#include "store/SqliteCentralStore.hpp"

#include "seed/DemoActivity.hpp"
#include "seed/ReportedForms.hpp"

#include "kc/db/Database.hpp"
#include "kc/json/Json.hpp"

#include <catch2/catch.hpp>

#include <set>
#include <sstream>

using kc::test::ApiFixture;
using kc::test::newId;
namespace bj = boost::json;

namespace {
std::string statusOf(const bj::value& receipt) { return std::string(receipt.at("status").as_string()); }

std::string serialize(const bj::value& value) { return kc::json::serialize(value); }

//! Every change a user can pull, page by page.
std::vector<bj::object> pullAll(ApiFixture& api, const std::string& user, int limit = 1000,
                                std::string* cursor = nullptr) {
    std::vector<bj::object> changes;
    std::string since = cursor ? *cursor : "0";
    for (int page = 0; page < 1000; ++page) {
        const auto response = api.as(user, "GET", "/v1/pull?since=" + since + "&limit=" + std::to_string(limit));
        REQUIRE(response.status == 200);
        const auto body = api.json(response);
        for (const auto& change : body.at("changes").as_array())
            changes.push_back(change.as_object());
        since = std::string(body.at("next").as_string());
        if (!body.at("more").as_bool())
            break;
    }
    if (cursor)
        *cursor = since;
    return changes;
}
} // namespace

TEST_CASE("push: accepted, then the same batch again gets the original receipts as duplicates", "[api][push]") {
    ApiFixture api("api-push-accept");
    const std::string photo = api.upload("canbo", "JPEG bytes of a progress photo");
    const std::string id = newId();
    const bj::array batch{api.progressReport(id, "KCQG-2024-01", photo)};
    const auto first = api.push("canbo", batch);
    REQUIRE(first.size() == 1);
    CHECK(statusOf(first[0]) == "accepted");
    CHECK(first[0].at("revision").as_int64() == 1);
    CHECK(first[0].at("id").as_string() == id);

    const auto again = api.push("canbo", batch);
    CHECK(statusOf(again[0]) == "duplicate");
    CHECK(serialize(again[0].at("original")) == serialize(first[0]));
    CHECK(api.store->counts().submissions == 1);
    CHECK(api.store->revisions(id).size() == 1);

    SECTION("the same content with its keys in another order is still a duplicate") {
        bj::object reordered;
        reordered["answers"] = batch[0].at("answers");
        reordered["form_version"] = 1;
        reordered["form_id"] = "progress_report";
        reordered["id"] = id;
        CHECK(statusOf(api.push("canbo", bj::array{reordered})[0]) == "duplicate");
    }
}

TEST_CASE("push: one id twice in one batch: the copy is a duplicate, a changed copy is kept beside as a conflict",
          "[api][push]") {
    ApiFixture api("api-push-twice");
    const std::string photo = api.upload("canbo", "photo of a twice-sent report");
    // A long batch (validated on two threads, stored after a read-ahead of its ids) whose first
    // and last items are one report, and whose second and second-last are one id with other answers.
    const std::string same = newId(), changed = newId();
    bj::array batch;
    batch.push_back(api.progressReport(same, "KCQG-2024-01", photo));
    batch.push_back(api.progressReport(changed, "KCQG-2024-01", photo));
    for (int i = 0; i < 16; ++i)
        batch.push_back(api.progressReport(newId(), "KCQG-2024-01", photo));
    auto edited = api.progressReport(changed, "KCQG-2024-01", photo);
    edited["answers"].as_object()["percent_done"] = 90;
    batch.push_back(edited);
    batch.push_back(api.progressReport(same, "KCQG-2024-01", photo));
    const auto receipts = api.push("canbo", batch);
    REQUIRE(receipts.size() == 20);
    CHECK(statusOf(receipts[0]) == "accepted");
    CHECK(statusOf(receipts[1]) == "accepted");
    for (int i = 2; i < 18; ++i)
        CHECK(statusOf(receipts[i]) == "accepted");
    CHECK(statusOf(receipts[18]) == "conflict");
    CHECK(receipts[18].at("revision").as_int64() == 2);
    CHECK(statusOf(receipts[19]) == "duplicate");
    CHECK(serialize(receipts[19].at("original")) == serialize(receipts[0]));
    CHECK(api.store->counts().submissions == 18);
    CHECK(api.store->revisions(same).size() == 1);
    CHECK(api.store->revisions(changed).size() == 2);
    CHECK(api.store->findSubmission(changed)->conflict);
}

TEST_CASE("push: invalid items get field errors and store nothing, good items beside them land", "[api][push]") {
    ApiFixture api("api-push-invalid");
    const std::string photo = api.upload("canbo", "photo");
    auto tooMuch = api.progressReport(newId(), "KCQG-2024-01", photo);
    tooMuch["answers"].as_object()["amount_disbursed"] = 650'000'001;  // above the project's funding
    auto serverOwned = api.progressReport(newId(), "KCQG-2024-01", photo);
    serverOwned["state"] = "approved";
    auto badId = api.progressReport("not-a-uuid", "KCQG-2024-01", photo);
    auto unknownForm = api.progressReport(newId(), "KCQG-2024-01", photo);
    unknownForm["form_version"] = 9;
    const std::string goodId = newId();
    const auto receipts = api.push("canbo", {tooMuch, serverOwned, badId, unknownForm,
                                             api.progressReport(goodId, "KCQG-2024-01", photo)});
    REQUIRE(receipts.size() == 5);
    CHECK(statusOf(receipts[0]) == "invalid");
    CHECK(receipts[0].at("errors").at(0).at("path").as_string() == "answers.amount_disbursed");
    CHECK(receipts[0].at("errors").at(0).at("code").as_string() == "constraint");
    CHECK(receipts[0].at("errors").at(0).at("message").at("vi").as_string() ==
          "Không được vượt kinh phí khuyến công của đề án");
    CHECK(statusOf(receipts[1]) == "invalid");
    CHECK(receipts[1].at("errors").at(0).at("path").as_string() == "state");
    CHECK(statusOf(receipts[2]) == "invalid");
    CHECK(receipts[2].at("errors").at(0).at("path").as_string() == "id");
    CHECK(statusOf(receipts[3]) == "invalid");
    CHECK(receipts[3].at("errors").at(0).at("path").as_string() == "form_version");
    CHECK(statusOf(receipts[4]) == "accepted");
    CHECK(api.store->counts().submissions == 1);
    CHECK(api.store->findSubmission(goodId));
}

TEST_CASE("push: missing attachments are listed and nothing is stored until they arrive", "[api][push]") {
    ApiFixture api("api-push-missing");
    const std::string sha = std::string(64, 'e');
    const std::string id = newId();
    const auto receipts = api.push("canbo", {api.progressReport(id, "KCQG-2024-01", sha)});
    CHECK(statusOf(receipts[0]) == "missing_attachments");
    CHECK(receipts[0].at("missing").as_array() == bj::array{bj::value(sha)});
    CHECK_FALSE(api.store->findSubmission(id));
    const std::string real = api.upload("canbo", "the photo");
    CHECK(statusOf(api.push("canbo", {api.progressReport(id, "KCQG-2024-01", real)})[0]) == "accepted");
}

TEST_CASE("push: an edit on the current revision is a revision, on a stale one a conflict that overwrites nothing",
          "[api][push]") {
    ApiFixture api("api-push-conflict");
    const std::string photo = api.upload("canbo", "photo");
    const std::string id = newId();
    REQUIRE(statusOf(api.push("canbo", {api.progressReport(id, "KCQG-2024-01", photo, 40)})[0]) == "accepted");

    auto edit = api.progressReport(id, "KCQG-2024-01", photo, 70);
    edit["base_revision"] = 1;
    const auto revised = api.push("canbo", {edit});
    CHECK(statusOf(revised[0]) == "revision");
    CHECK(revised[0].at("revision").as_int64() == 2);
    CHECK(api.store->findSubmission(id)->currentRevision == 2);

    auto stale = api.progressReport(id, "KCQG-2024-01", photo, 90);
    stale["base_revision"] = 1;  // made on another device from revision 1
    const auto conflict = api.push("canbo", {stale});
    CHECK(statusOf(conflict[0]) == "conflict");
    CHECK(conflict[0].at("revision").as_int64() == 3);
    CHECK(conflict[0].at("current_revision").as_int64() == 2);
    const auto head = api.store->findSubmission(id);
    CHECK(head->currentRevision == 2);  // nothing overwritten
    CHECK(head->conflict);              // flagged for review
    const auto revisions = api.store->revisions(id);
    REQUIRE(revisions.size() == 3);
    CHECK(revisions[2].conflict);
    CHECK(kc::json::parse(revisions[1].answers).at("percent_done").as_int64() == 70);
    // Replaying the conflicting item gives the same receipt and stores nothing more.
    CHECK(statusOf(api.push("canbo", {stale})[0]) == "duplicate");
    CHECK(api.store->revisions(id).size() == 3);
}

TEST_CASE("push: a full batch, validated in two halves, answers every item in order whatever its fate",
          "[api][push]") {
    ApiFixture api("api-push-long");
    const std::string photo = api.upload("canbo", "photo");
    // Submissions already on the server, to be replayed, edited and edited from a stale base.
    std::vector<bj::object> earlier;
    for (int i = 0; i < 10; ++i)
        earlier.push_back(api.progressReport(newId(), "KCQG-2024-01", photo, 10 + i));
    REQUIRE(api.push("canbo", bj::array(earlier.begin(), earlier.end())).size() == 10);
    for (int i = 0; i < 5; ++i) {
        auto edit = earlier[static_cast<std::size_t>(i)];
        edit["answers"].as_object()["percent_done"] = 50;
        edit["base_revision"] = 1;
        REQUIRE(statusOf(api.push("canbo", {edit})[0]) == "revision");
    }
    const auto before = api.store->counts().submissions;

    bj::array batch;
    std::vector<std::pair<std::string, std::string>> expected;  // id, status
    const std::string fresh = newId();
    for (int i = 0; i < 100; ++i) {
        bj::object item;
        std::string status;
        switch (i % 8) {
        case 0: item = api.progressReport(i == 0 ? fresh : newId(), "KCQG-2024-01", photo); status = "accepted"; break;
        case 1: item = api.progressReport(newId(), "KCQG-2024-01", photo);
                item["answers"].as_object()["percent_done"] = 140; status = "invalid"; break;
        case 2: item = api.progressReport(newId(), "KCQG-2024-01", std::string(64, 'f')); status = "missing_attachments"; break;
        case 3: item = earlier[static_cast<std::size_t>(i / 8 % 10)]; status = "duplicate"; break;
        case 4: item = api.progressReport("not-a-uuid-" + std::to_string(i), "KCQG-2024-01", photo); status = "invalid"; break;
        case 5: {  // an edit from the revision the server has: 5..9 are still at revision 1
            item = earlier[static_cast<std::size_t>(5 + i / 8 % 5)];
            item["answers"].as_object()["percent_done"] = 60 + i / 8;
            item["base_revision"] = 1;
            status = i / 8 < 5 ? "revision" : "conflict";  // the second edit of one base is stale
            break;
        }
        case 6: {  // made on another device from revision 1 of 0..4, which are at revision 2
            item = earlier[static_cast<std::size_t>(i / 8 % 5)];
            item["answers"].as_object()["percent_done"] = 90 - i / 8;
            item["base_revision"] = 1;
            status = "conflict";
            break;
        }
        default: item = api.progressReport(fresh, "KCQG-2024-01", photo); status = "duplicate"; break;
        }
        expected.emplace_back(std::string(item.at("id").as_string()), status);
        batch.push_back(std::move(item));
    }
    const auto receipts = api.push("canbo", batch);
    REQUIRE(receipts.size() == 100);
    int accepted = 0;
    for (std::size_t i = 0; i < receipts.size(); ++i) {
        INFO("item " << i << ": " << serialize(receipts[i]));
        CHECK(receipts[i].at("id").as_string() == expected[i].first);
        CHECK(statusOf(receipts[i]) == expected[i].second);
        accepted += statusOf(receipts[i]) == "accepted";
    }
    CHECK(accepted == 13);
    CHECK(api.store->counts().submissions == before + 13);
    // The same batch again: every stored item's receipt comes back, nothing is stored twice.
    const auto replay = api.push("canbo", batch);
    for (std::size_t i = 0; i < replay.size(); ++i) {
        INFO("item " << i);
        const auto status = expected[i].second;
        CHECK(statusOf(replay[i]) == (status == "invalid" || status == "missing_attachments" ? status : "duplicate"));
    }
    CHECK(api.store->counts().submissions == before + 13);
}

TEST_CASE("push: a long batch whose later items use a form not yet loaded is validated beside the transaction "
          "without waiting on it", "[api][push]") {
    ApiFixture api("api-push-two-forms");
    const std::string photo = api.upload("canbo", "photo");
    const std::string facility = api.facilityId("HTX Tâm Hòa");
    // The first item is a progress report; the helper thread meets the survey form first
    // while this thread holds the batch's transaction (the form cache is empty).
    bj::array batch{api.progressReport(newId(), "KCQG-2024-01", photo)};
    for (int i = 0; i < 40; ++i)
        batch.push_back(kc::server::answers::pushItem(
            newId(), "site_survey",
            kc::server::answers::siteSurvey(facility, "2025-03-1" + std::to_string(i % 10), 22.7, 106.16,
                                            "Miến dong", 5 + i, photo)));
    const auto receipts = api.push("canbo", batch);
    REQUIRE(receipts.size() == 41);
    for (const auto& receipt : receipts) {
        INFO(serialize(receipt));
        CHECK(statusOf(receipt) == "accepted");
    }
    CHECK(api.store->counts().submissions == 41);
}

TEST_CASE("push: a collaborator may report only on assigned projects", "[api][push][scope]") {
    ApiFixture api("api-push-collaborator");
    const std::string photo = api.upload("ctv", "photo");
    const auto receipts = api.push("ctv", {api.progressReport(newId(), "KCQG-2024-01", photo),
                                           api.progressReport(newId(), "KCQG-2023-01", photo)});
    CHECK(statusOf(receipts[0]) == "accepted");
    CHECK(statusOf(receipts[1]) == "invalid");
    CHECK(receipts[1].at("errors").at(0).at("code").as_string() == "reference");
    SECTION("and an officer of another province may not name a Cao Bằng project") {
        const std::string theirs = api.upload("canbo_cm", "photo");
        const auto foreign = api.push("canbo_cm", {api.progressReport(newId(), "KCQG-2024-01", theirs)});
        CHECK(statusOf(foreign[0]) == "invalid");
    }
}

TEST_CASE("push: malformed bodies and oversized batches are refused whole", "[api][push]") {
    ApiFixture api("api-push-malformed");
    CHECK(api.as("canbo", "POST", "/v1/push", "{not json").status == 400);
    CHECK(api.errorCode(api.as("canbo", "POST", "/v1/push", "{not json")) == "invalid_json");
    const auto noList = api.as("canbo", "POST", "/v1/push", R"({"items": []})");
    CHECK(noList.status == 400);
    CHECK(api.json(noList).at("error").at("fields").at(0).at("path").as_string() == "submissions");
    bj::array many;
    for (int i = 0; i < 101; ++i)
        many.push_back(api.progressReport(newId(), "KCQG-2024-01", std::string(64, 'a')));
    const auto big = api.as("canbo", "POST", "/v1/push", serialize(bj::object{{"submissions", many}}));
    CHECK(big.status == 413);
    CHECK(api.errorCode(big) == "batch_too_large");
    CHECK(api.store->counts().submissions == 0);
}

TEST_CASE("pull: pages follow the cursor without gaps or repeats, filtered to the caller's scope", "[api][pull]") {
    ApiFixture api("api-pull");
    const auto all = pullAll(api, "canbo", 1000);
    const auto paged = pullAll(api, "canbo", 7);
    REQUIRE(all.size() == paged.size());
    std::set<std::string> seen;
    std::int64_t last = 0;
    for (std::size_t i = 0; i < paged.size(); ++i) {
        CHECK(paged[i].at("seq").as_int64() > last);
        last = paged[i].at("seq").as_int64();
        CHECK(seen.insert(std::string(paged[i].at("kind").as_string()) + "/" +
                          std::string(paged[i].at("id").as_string())).second);
    }
    std::map<std::string, int> kinds;
    for (const auto& change : all) {
        ++kinds[std::string(change.at("kind").as_string())];
        if (change.at("kind") == "facility" || change.at("kind") == "project")
            CHECK(change.at("data").at("province").as_string() == "04");
    }
    CHECK(kinds["form"] == 6);
    CHECK(kinds["facility"] == 12);
    CHECK(kinds["project"] == 11);
    CHECK(kinds["assignment"] == 0);

    SECTION("a collaborator gets only the assigned project, its facility and the assignment") {
        std::map<std::string, int> theirs;
        for (const auto& change : pullAll(api, "ctv"))
            ++theirs[std::string(change.at("kind").as_string())];
        CHECK(theirs["project"] == 1);
        CHECK(theirs["facility"] == 1);
        CHECK(theirs["assignment"] == 1);
        CHECK(theirs["form"] == 6);
    }
    SECTION("the other province sees only its own registers") {
        std::map<std::string, int> theirs;
        for (const auto& change : pullAll(api, "canbo_cm"))
            ++theirs[std::string(change.at("kind").as_string())];
        CHECK(theirs["facility"] == 2);
        CHECK(theirs["project"] == 1);
    }
    SECTION("a malformed cursor is refused by name") {
        const auto bad = api.as("canbo", "GET", "/v1/pull?since=abc");
        CHECK(bad.status == 400);
        CHECK(api.json(bad).at("error").at("fields").at(0).at("path").as_string() == "since");
    }
}

TEST_CASE("pull: every user's feed, in pages of 3 or 1000, is exactly what one scan of the feed by the scope rules selects",
          "[api][pull][scope][sqlite]") {
    ApiFixture api("api-pull-oracle");
    std::ostringstream quiet;
    kc::server::seedDemoActivity(api.router, quiet);  // submissions of several owners, reviewed
    // The scope rules of docs/protocol.md as one plain scan over the whole feed.
    auto db = kc::db::Database::open(api.dir / kc::server::SqliteCentralStore::kFileName, {.readOnly = true});
    for (const auto& user : api.store->listUsers()) {
        if (user.disabled)
            continue;
        const bool collaborator = user.role == kc::domain::Role::Collaborator;
        const bool staff = user.role == kc::domain::Role::Admin || user.role == kc::domain::Role::Reviewer;
        std::string inScope = "province_code IN (";
        for (std::size_t i = 0; i < user.provinces.size(); ++i)
            inScope += (i ? ", '" : "'") + user.provinces[i] + "'";
        inScope += user.provinces.empty() ? "NULL)" : ")";
        const std::string me = "'" + user.id + "'";
        std::string where = "kind = 'form' OR (kind IN ('facility', 'project') AND " + inScope;
        if (collaborator)
            where += " AND ((kind = 'project' AND record_id IN (SELECT project_id FROM assignments WHERE user_id = " + me +
                     ")) OR (kind = 'facility' AND record_id IN (SELECT b.facility_id FROM project_beneficiaries b "
                     "JOIN assignments a ON a.project_id = b.project_id WHERE a.user_id = " + me + ")))";
        where += ") OR (kind = 'assignment' AND (owner_id = " + me + (staff ? " OR " + inScope : std::string()) +
                 ")) OR (kind = 'submission' AND owner_id = " + me + ")";
        auto scan = db.prepare("SELECT seq FROM changes NOT INDEXED WHERE " + where + " ORDER BY seq");
        std::vector<std::int64_t> expected;
        while (scan.step())
            expected.push_back(scan.getInt64(0));
        REQUIRE_FALSE(expected.empty());
        for (int limit : {3, 1000}) {
            INFO(user.username << " in pages of " << limit);
            std::vector<std::int64_t> pulled;
            for (const auto& change : pullAll(api, user.username, limit))
                pulled.push_back(change.at("seq").as_int64());
            CHECK(pulled == expected);
        }
    }
}

TEST_CASE("pull: later changes arrive after the cursor, deletions arrive as tombstones", "[api][pull]") {
    ApiFixture api("api-pull-tombstone");
    std::string cursor = "0";
    pullAll(api, "ctv", 1000, &cursor);
    CHECK(pullAll(api, "ctv", 1000, &cursor).empty());

    // A reviewer assigns ctv to a second project: it arrives with its facility.
    const auto assigned = api.as("duyet", "POST", "/v1/assignments",
                                 serialize(bj::object{{"project_id", api.projectId("KCĐP-2024-03")},
                                                      {"username", "ctv"}}));
    REQUIRE(assigned.status == 201);
    const std::string assignmentId(api.json(assigned).at("id").as_string());
    std::map<std::string, int> kinds;
    for (const auto& change : pullAll(api, "ctv", 1000, &cursor))
        ++kinds[std::string(change.at("kind").as_string())];
    CHECK(kinds["assignment"] == 1);
    CHECK(kinds["project"] == 1);
    CHECK(kinds["facility"] == 1);

    REQUIRE(api.as("duyet", "DELETE", "/v1/assignments/" + assignmentId).status == 204);
    const auto after = pullAll(api, "ctv", 1000, &cursor);
    REQUIRE(after.size() == 1);
    CHECK(after[0].at("kind") == "assignment");
    CHECK(after[0].at("id").as_string() == assignmentId);
    CHECK(after[0].at("deleted").as_bool());
    CHECK(after[0].at("data").is_null());
}

TEST_CASE("pull: a review decision reaches only the submitter", "[api][pull][review]") {
    ApiFixture api("api-pull-review");
    const std::string photo = api.upload("canbo", "photo");
    const std::string id = newId();
    REQUIRE(statusOf(api.push("canbo", {api.progressReport(id, "KCQG-2024-01", photo)})[0]) == "accepted");
    std::string cursor = "0";
    pullAll(api, "canbo", 1000, &cursor);
    std::string reviewerCursor = "0";
    pullAll(api, "duyet", 1000, &reviewerCursor);
    const auto returned = api.as("duyet", "POST", "/v1/submissions/" + id + "/review",
                                 R"({"action":"return","revision":1,"comment":"Thiếu ảnh máy sấy","fields":["photos"]})");
    REQUIRE(returned.status == 200);
    const auto changes = pullAll(api, "canbo", 1000, &cursor);
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].at("kind") == "submission");
    const auto& data = changes[0].at("data");
    CHECK(data.at("state") == "returned");
    CHECK(data.at("review_comment") == "Thiếu ảnh máy sấy");
    CHECK(data.at("review_fields") == bj::array{"photos"});
    // What it is about, so a device that never held it can name it.
    CHECK(data.at("project_id").is_string());
    CHECK(data.at("facility_id").is_null());
    CHECK(pullAll(api, "duyet", 1000, &reviewerCursor).empty());
}
