// Review, audit, registers and exports through the real handlers.
#include "ApiFixture.hpp"

#include "kc/json/Json.hpp"

#include <catch2/catch.hpp>

#include <optional>
#include <set>

using kc::test::ApiFixture;
using kc::test::newId;
namespace bj = boost::json;

namespace {
std::string pushOne(ApiFixture& api, const std::string& user, const std::string& project, int percent = 60) {
    const std::string photo = api.upload(user, "photo of " + project);
    const std::string id = newId();
    const auto receipts = api.push(user, {api.progressReport(id, project, photo, percent)});
    REQUIRE(receipts[0].at("status") == "accepted");
    return id;
}
//! The ids the reviewer's list gives with `query`, page after page by its "next".
std::vector<std::string> pagedIds(ApiFixture& api, const std::string& query) {
    std::vector<std::string> seen;
    std::string before;
    for (int page = 0; page < 10; ++page) {
        const auto response = api.as("duyet", "GET", "/v1/submissions?" + query + (before.empty() ? "" : "&before=" + before));
        REQUIRE(response.status == 200);
        const auto body = api.json(response);
        for (const auto& item : body.at("submissions").as_array())
            seen.emplace_back(item.at("id").as_string());
        if (body.at("next").is_null())
            break;
        before = std::string(body.at("next").as_string());
    }
    return seen;
}
} // namespace

TEST_CASE("review: return with a comment, resubmit a revision, approve, every step audited", "[api][review]") {
    ApiFixture api("review-cycle");
    const std::string id = pushOne(api, "canbo", "KCQG-2024-01", 40);

    const auto listed = api.as("duyet", "GET", "/v1/submissions?form=progress_report&state=submitted");
    REQUIRE(listed.status == 200);
    REQUIRE(api.json(listed).at("submissions").as_array().size() == 1);
    CHECK(api.json(listed).at("submissions").at(0).at("owner").at("username") == "canbo");
    CHECK(api.json(listed).at("submissions").at(0).at("owner").at("display_name") == "Hoàng Văn Minh");  // the full name, for screens
    // The page size has the range protocol.md names, and a refusal says it.
    CHECK(api.as("duyet", "GET", "/v1/submissions?limit=500").status == 200);
    const auto tooMany = api.as("duyet", "GET", "/v1/submissions?limit=501");
    CHECK(tooMany.status == 400);
    CHECK(api.json(tooMany).at("error").at("message").as_string().find("from 1 to 500") != std::string::npos);

    CHECK(api.as("canbo", "POST", "/v1/submissions/" + id + "/review", R"({"action":"approve","revision":1})").status == 403);
    const auto noComment = api.as("duyet", "POST", "/v1/submissions/" + id + "/review", R"({"action":"return","revision":1})");
    CHECK(noComment.status == 400);
    CHECK(api.json(noComment).at("error").at("fields").at(0).at("path") == "comment");

    const auto returned = api.as("duyet", "POST", "/v1/submissions/" + id + "/review",
                                 R"({"action":"return","revision":1,"comment":"Tiến độ chưa khớp biên bản","fields":["percent_done"]})");
    REQUIRE(returned.status == 200);
    CHECK(api.json(returned).at("state") == "returned");

    const std::string photo = api.upload("canbo", "photo of KCQG-2024-01");
    auto fix = api.progressReport(id, "KCQG-2024-01", photo, 55);
    fix["base_revision"] = 1;
    const auto revised = api.push("canbo", {fix});
    CHECK(revised[0].at("status") == "revision");
    CHECK(api.store->findSubmission(id)->state == kc::protocol::SubmissionState::Submitted);

    const auto diff = api.as("duyet", "GET", "/v1/submissions/" + id + "/diff");
    REQUIRE(diff.status == 200);
    const auto changes = api.json(diff).at("changes").as_array();
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].at("path") == "percent_done");
    CHECK(changes[0].at("before") == 40);
    CHECK(changes[0].at("after") == 55);

    const auto stale = api.as("duyet", "POST", "/v1/submissions/" + id + "/review", R"({"action":"approve","revision":1})");
    CHECK(stale.status == 409);
    CHECK(api.errorCode(stale) == "stale_revision");
    REQUIRE(api.as("duyet", "POST", "/v1/submissions/" + id + "/review", R"({"action":"approve","revision":2})").status == 200);
    const auto twice = api.as("duyet", "POST", "/v1/submissions/" + id + "/review", R"({"action":"reject","revision":2,"comment":"x"})");
    CHECK(twice.status == 409);
    CHECK(api.errorCode(twice) == "invalid_state");

    const auto detail = api.as("canbo", "GET", "/v1/submissions/" + id);
    REQUIRE(detail.status == 200);
    CHECK(api.json(detail).at("state") == "approved");
    CHECK(api.json(detail).at("revisions").as_array().size() == 2);

    const auto audit = api.as("quantri", "GET", "/v1/audit?record=submission/" + id);
    REQUIRE(audit.status == 200);
    const auto entries = api.json(audit).at("entries").as_array();
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].at("action") == "submission.return");
    CHECK(entries[0].at("before").at("state") == "submitted");
    CHECK(entries[0].at("after").at("state") == "returned");
    CHECK(entries[0].at("after").at("review_comment") == "Tiến độ chưa khớp biên bản");
    CHECK(entries[1].at("action") == "submission.approve");
    CHECK(api.as("duyet", "GET", "/v1/audit").status == 403);
}

TEST_CASE("review lists filter and page by keyset", "[api][review]") {
    ApiFixture api("review-list");
    std::vector<std::string> ids;
    for (int i = 0; i < 5; ++i)
        ids.push_back(pushOne(api, "canbo", "KCQG-2024-01", 10 + i));
    pushOne(api, "canbo_cm", "KCĐP-2025-11");
    const auto seen = pagedIds(api, "limit=2");
    std::sort(ids.begin(), ids.end());
    std::reverse(ids.begin(), ids.end());
    CHECK(seen == ids);  // newest first, none from Cà Mau
    CHECK(api.json(api.as("duyet", "GET", "/v1/submissions?officer=canbo_cm")).at("submissions").as_array().empty());
    CHECK(api.json(api.as("duyet", "GET", "/v1/submissions?state=approved")).at("submissions").as_array().empty());
    CHECK(api.as("duyet", "GET", "/v1/submissions?state=done").status == 400);
    CHECK(api.as("duyet", "GET", "/v1/submissions?from=yesterday").status == 400);
    // An officer sees only their own.
    CHECK(api.json(api.as("canbo_cm", "GET", "/v1/submissions")).at("submissions").as_array().size() == 1);
}

TEST_CASE("registering a facility from the field flags likely duplicates for a reviewer", "[api][registers]") {
    ApiFixture api("registers-duplicates");
    bj::object fresh{{"id", newId()}, {"name", "HTX Chè Phja Thắp"}, {"legal_form", "cooperative"},
                     {"sector", "agro_forestry_processing"}, {"province", "04"}, {"commune", "04-003"},
                     {"latitude", 22.80}, {"longitude", 106.00}};
    const auto created = api.as("canbo", "POST", "/v1/facilities", kc::json::serialize(fresh));
    REQUIRE(created.status == 201);
    CHECK_FALSE(api.json(created).at("needs_review").as_bool());
    CHECK(api.as("canbo", "POST", "/v1/facilities", kc::json::serialize(fresh)).status == 200);  // replay

    bj::object sameName = fresh;
    sameName["id"] = newId();
    sameName["name"] = "htx tam hoa";  // HTX Tâm Hòa, typed without diacritics
    sameName["latitude"] = 22.70;
    const auto dup = api.as("canbo", "POST", "/v1/facilities", kc::json::serialize(sameName));
    REQUIRE(dup.status == 201);
    CHECK(api.json(dup).at("needs_review").as_bool());
    CHECK(api.json(dup).at("possible_duplicates").at(0).at("reason") == "same_name_same_commune");

    bj::object near = fresh;
    near["id"] = newId();
    near["name"] = "Cơ sở sấy chè mới";
    near["latitude"] = 22.8005;  // about 55 m north of the first one
    const auto nearby = api.as("canbo", "POST", "/v1/facilities", kc::json::serialize(near));
    REQUIRE(nearby.status == 201);
    const auto nearbyBody = api.json(nearby);
    const auto& candidate = nearbyBody.at("possible_duplicates").at(0);
    CHECK(candidate.at("reason") == "nearby");
    CHECK(candidate.at("distance_m").as_int64() == Approx(56).margin(3));
    CHECK(api.store->counts().facilities == 14 + 3);  // flagged, never merged

    bj::object foreign = fresh;
    foreign["id"] = newId();
    foreign["province"] = "96";
    foreign["commune"] = "96-001";
    CHECK(api.as("canbo", "POST", "/v1/facilities", kc::json::serialize(foreign)).status == 403);
    bj::object badCommune = fresh;
    badCommune["id"] = newId();
    badCommune["commune"] = "96-001";
    CHECK(api.as("canbo", "POST", "/v1/facilities", kc::json::serialize(badCommune)).status == 400);
    CHECK(api.as("ctv", "POST", "/v1/facilities", kc::json::serialize(fresh)).status == 403);
    const auto search = api.as("canbo", "GET", "/v1/facilities?q=phja%20thap");
    CHECK(api.json(search).at("facilities").as_array().size() == 2);
}

TEST_CASE("exports: CSV with a BOM, repeats as their own CSV, JSON, scoped and for reviewers", "[api][export]") {
    ApiFixture api("export");
    const std::string id = pushOne(api, "canbo", "KCQG-2024-01");
    pushOne(api, "canbo_cm", "KCĐP-2025-11");
    const auto csv = api.as("duyet", "GET", "/v1/exports/progress_report.csv");
    REQUIRE(csv.status == 200);
    CHECK(csv.contentType == "text/csv; charset=utf-8");
    CHECK(csv.body.rfind("\xEF\xBB\xBFsubmission_id,revision,state,province,officer,received_at,project,", 0) == 0);
    CHECK(std::count(csv.body.begin(), csv.body.end(), '\n') == 2);  // header and one row (Cà Mau's is not in scope)
    CHECK(csv.body.find(id) != std::string::npos);

    bj::object report = api.progressReport(newId(), "KCQG-2024-01", api.upload("canbo", "p"));
    report["answers"].as_object()["milestones"] = bj::array{
        bj::object{{"milestone", "Ký hợp đồng, \"gói 1\""}, {"milestone_date", "2026-07-15"}}};
    REQUIRE(api.push("canbo", {report})[0].at("status") == "accepted");
    const auto repeat = api.as("duyet", "GET", "/v1/exports/progress_report.csv?repeat=milestones");
    REQUIRE(repeat.status == 200);
    CHECK(repeat.body.find("submission_id,entry,milestone,milestone_date") != std::string::npos);
    CHECK(repeat.body.find(",1,\"Ký hợp đồng, \"\"gói 1\"\"\",2026-07-15") != std::string::npos);

    const auto json = api.as("duyet", "GET", "/v1/exports/progress_report.json");
    REQUIRE(json.status == 200);
    CHECK(api.json(json).as_array().size() == 2);
    CHECK(api.as("canbo", "GET", "/v1/exports/progress_report.csv").status == 403);
    CHECK(api.as("duyet", "GET", "/v1/exports/progress_report.pdf").status == 400);
    CHECK(api.as("duyet", "GET", "/v1/exports/nothing.csv").status == 404);
}

TEST_CASE("exports stream page by page: more rows than a page, each once, in order", "[api][export]") {
    ApiFixture api("export-pages");
    const std::string photo = api.upload("canbo", "one photo for all");
    std::vector<std::string> ids;
    for (int batch = 0; batch < 11; ++batch) {  // 1,100 rows: three pages of 500
        bj::array items;
        for (int i = 0; i < 100; ++i) {
            ids.push_back(newId());
            items.push_back(api.progressReport(ids.back(), "KCQG-2024-01", photo, i));
        }
        for (const auto& receipt : api.push("canbo", items))
            REQUIRE(receipt.at("status") == "accepted");
    }
    const int streamedBefore = api.streamedResponses;
    const auto csv = api.as("duyet", "GET", "/v1/exports/progress_report.csv");
    REQUIRE(csv.status == 200);
    CHECK(api.streamedResponses == streamedBefore + 1);
    std::vector<std::string> rows;
    std::size_t start = csv.body.find("\r\n") + 2;
    while (start < csv.body.size()) {
        const auto end = csv.body.find("\r\n", start);
        rows.push_back(csv.body.substr(start, csv.body.find(',', start) - start));
        start = end + 2;
    }
    std::sort(ids.begin(), ids.end());
    CHECK(rows == ids);  // every submission once, in id order, across page boundaries

    const auto json = api.as("duyet", "GET", "/v1/exports/progress_report.json");
    REQUIRE(json.status == 200);
    const auto exported = api.json(json);
    REQUIRE(exported.as_array().size() == ids.size());
    CHECK(exported.as_array()[500].at("id").as_string() == ids[500]);
    CHECK(api.as("duyet", "GET", "/v1/exports/progress_report.json?repeat=milestones").status == 400);
}

TEST_CASE("submission counts by state follow the list's filters and scope", "[api][review]") {
    ApiFixture api("review-counts");
    const std::string photo = api.upload("canbo", "a photo of the dryer");
    std::vector<std::string> ids;
    for (int i = 0; i < 3; ++i) {
        ids.push_back(newId());
        REQUIRE(api.push("canbo", {api.progressReport(ids.back(), "KCQG-2024-01", photo)})[0].at("status") == "accepted");
    }
    REQUIRE(api.as("duyet", "POST", "/v1/submissions/" + ids[0] + "/review", R"({"action":"approve","revision":1})").status == 200);
    const auto counted = api.json(api.as("duyet", "GET", "/v1/submission-counts"));
    CHECK(counted.at("counts").at("submitted") == 2);
    CHECK(counted.at("counts").at("approved") == 1);
    CHECK(counted.at("counts").at("rejected") == 0);
    CHECK(counted.at("conflicts") == 0);
    // The same filters as the list; a state filter does not narrow the counts.
    CHECK(api.json(api.as("duyet", "GET", "/v1/submission-counts?form=site_survey")).at("counts").at("submitted") == 0);
    CHECK(api.json(api.as("duyet", "GET", "/v1/submission-counts?state=approved")).at("counts").at("submitted") == 2);
    CHECK(api.json(api.as("duyet", "GET", "/v1/submission-counts?officer=canbo")).at("counts").at("submitted") == 2);
    CHECK(api.as("duyet", "GET", "/v1/submission-counts?from=yesterday").status == 400);
    // Another province's reviewer counts nothing of these; an officer counts their own.
    CHECK(api.json(api.as("duyet_cm", "GET", "/v1/submission-counts")).at("counts").at("submitted") == 0);
    CHECK(api.json(api.as("canbo", "GET", "/v1/submission-counts")).at("counts").at("submitted") == 2);
    CHECK(api.json(api.as("canbo_cm", "GET", "/v1/submission-counts")).at("counts").at("submitted") == 0);
}

TEST_CASE("the review list searches the facility's name without diacritics, the project's code and the officer", "[api][review]") {
    ApiFixture api("review-search");
    const std::string photo = api.upload("canbo", "a photo of the dryer");
    const std::string id = newId();
    REQUIRE(api.push("canbo", {api.progressReport(id, "KCQG-2024-01", photo)})[0].at("status") == "accepted");
    const auto count = [&](const std::string& query) {
        const auto response = api.as("duyet", "GET", "/v1/submissions?" + query);
        REQUIRE(response.status == 200);
        return api.json(response).at("submissions").as_array().size();
    };
    CHECK(count("q=kcqg-2024") == 1);
    CHECK(count("q=canbo") == 1);
    CHECK(count("q=CANBO%20kcqg") == 1);      // every word, in any field
    CHECK(count("q=canbo%20kcqg-2019") == 0);
    CHECK(count("q=%25") == 0);               // LIKE's wildcards are plain characters here
    CHECK(count("q=_") == 0);
    CHECK(api.json(api.as("duyet", "GET", "/v1/submission-counts?q=kcqg-2024")).at("counts").at("submitted") == 1);
    CHECK(api.json(api.as("duyet_cm", "GET", "/v1/submissions?q=canbo")).at("submissions").as_array().empty());
    CHECK(api.as("duyet", "GET", "/v1/submissions?q=" + std::string(201, 'a')).status == 400);
}

namespace {
std::string post(ApiFixture& api, const std::string& user, const std::string& id, const std::string& what,
                 const std::string& body, int expected) {
    const auto response = api.as(user, "POST", "/v1/submissions/" + id + "/" + what, body);
    CHECK(response.status == expected);
    return response.status == 200 ? std::string() : api.errorCode(response);
}
} // namespace

TEST_CASE("review: a conflict is settled by the revision the reviewer chooses, the edit beside taking the place of an approval",
          "[api][review][conflict]") {
    ApiFixture api("review-resolve-adopt");
    const std::string id = pushOne(api, "canbo", "KCQG-2024-01", 40);
    post(api, "duyet", id, "review", R"({"action":"approve","revision":1})", 200);
    // The officer edits it after approval, naming another project: kept beside.
    auto edit = api.progressReport(id, "KCQG-2023-01", api.upload("canbo", "photo of KCQG-2023-01"), 70);
    edit["base_revision"] = 1;
    REQUIRE(api.push("canbo", {edit})[0].at("status") == "conflict");
    const auto flagged = api.json(api.as("duyet", "GET", "/v1/submissions?conflict=true"));
    REQUIRE(flagged.at("submissions").as_array().size() == 1);

    // Who may settle it, and what they must say.
    CHECK(post(api, "canbo", id, "resolve", R"({"revision":2,"seen":2})", 403) == "forbidden");
    CHECK(post(api, "duyet_cm", id, "resolve", R"({"revision":2,"seen":2})", 404) == "not_found");
    CHECK(post(api, "duyet", id, "resolve", R"({"revision":2,"seen":1})", 409) == "stale_revision");
    CHECK(post(api, "duyet", id, "resolve", R"({"revision":3,"seen":2})", 400) == "invalid_input");
    CHECK(post(api, "duyet", id, "resolve", R"({"revision":"2","seen":2})", 400) == "invalid_input");
    CHECK(post(api, "duyet", id, "resolve", R"({"seen":2})", 400) == "invalid_input");
    const auto named = api.as("duyet", "POST", "/v1/submissions/" + id + "/resolve", R"({"revision":0,"seen":2})");
    CHECK(api.json(named).at("error").at("fields").at(0).at("path") == "revision");
    CHECK(api.json(named).at("error").at("message").as_string().find("the standing revision (1) or a conflicting one (2)") !=
          std::string::npos);
    CHECK(api.store->findSubmission(id)->state == kc::protocol::SubmissionState::Approved);  // nothing changed
    CHECK(api.store->findSubmission(id)->conflict);

    const auto settled = api.as("duyet", "POST", "/v1/submissions/" + id + "/resolve", R"({"revision":2,"seen":2})");
    REQUIRE(settled.status == 200);
    const auto head = api.json(settled);
    CHECK(head.at("revision") == 2);
    CHECK(head.at("state") == "submitted");  // its answers wait for a review
    CHECK(head.at("conflict") == false);
    CHECK(head.at("project_id").as_string() == api.projectId("KCQG-2023-01"));  // what it is about follows the answers
    CHECK(post(api, "duyet", id, "resolve", R"({"revision":2,"seen":2})", 409) == "no_conflict");
    CHECK(api.json(api.as("duyet", "GET", "/v1/submissions/" + id)).at("may_stand").as_array().empty());
    // The submitter's device learns it through pull.
    const auto pulled = api.json(api.as("canbo", "GET", "/v1/pull?since=0&limit=1000"));
    std::optional<bj::object> change;
    for (const auto& c : pulled.at("changes").as_array())
        if (c.at("kind") == "submission" && c.at("id").as_string() == id)
            change = c.at("data").as_object();
    REQUIRE(change);
    CHECK(change->at("revision") == 2);
    CHECK(change->at("state") == "submitted");
    CHECK(change->at("conflict") == false);
    // Then it is reviewed as any other.
    post(api, "duyet", id, "review", R"({"action":"approve","revision":2})", 200);

    const auto history = api.as("duyet", "GET", "/v1/submissions/" + id + "/history");
    REQUIRE(history.status == 200);
    const auto entries = api.json(history).at("entries").as_array();
    REQUIRE(entries.size() == 3);
    CHECK(entries[0].at("action") == "approve");
    CHECK(entries[1].at("action") == "resolve");
    CHECK(entries[1].at("from_revision") == 1);
    CHECK(entries[1].at("revision") == 2);
    CHECK(entries[1].at("actor").at("username") == "duyet");
    CHECK(entries[2].at("action") == "approve");
    CHECK(api.as("duyet_cm", "GET", "/v1/submissions/" + id + "/history").status == 404);
    CHECK(api.as("canbo", "GET", "/v1/submissions/" + id + "/history").status == 200);  // the submitter sees its review
}

TEST_CASE("review: keeping the standing revision over a stale edit leaves its state, and names the later conflicts",
          "[api][review][conflict]") {
    ApiFixture api("review-resolve-keep");
    const std::string id = pushOne(api, "canbo", "KCQG-2024-01", 40);
    const std::string photo = api.upload("canbo", "photo of KCQG-2024-01");
    for (int percent : {50, 60, 65}) {  // three edits of revision 1: the first a revision, two conflicts
        auto edit = api.progressReport(id, "KCQG-2024-01", photo, percent);
        edit["base_revision"] = 1;
        api.push("canbo", {edit});
    }
    REQUIRE(api.store->findSubmission(id)->currentRevision == 2);
    REQUIRE(api.store->lastRevision(id) == 4);
    const auto choices = api.json(api.as("duyet", "GET", "/v1/submissions/" + id)).at("may_stand");
    CHECK(kc::json::serialize(choices) == "[2,3,4]");
    // Choosing after seeing only revision 3: revision 4 came since.
    CHECK(post(api, "duyet", id, "resolve", R"({"revision":2,"seen":3})", 409) == "stale_revision");
    const auto wrong = api.as("duyet", "POST", "/v1/submissions/" + id + "/resolve", R"({"revision":1,"seen":4})");
    CHECK(wrong.status == 400);
    CHECK(api.json(wrong).at("error").at("message").as_string().find("(2) or a conflicting one (3, 4)") != std::string::npos);

    const auto kept = api.as("duyet", "POST", "/v1/submissions/" + id + "/resolve",
                             R"({"revision":2,"seen":4,"comment":"Giữ bản 50%, hai bản sau gửi nhầm"})");
    REQUIRE(kept.status == 200);
    CHECK(api.json(kept).at("revision") == 2);
    CHECK(api.json(kept).at("state") == "submitted");
    CHECK(api.json(kept).at("review_comment") == "Giữ bản 50%, hai bản sau gửi nhầm");
    CHECK(api.store->revisions(id).size() == 4);  // nothing is removed
    const auto audit = api.json(api.as("quantri", "GET", "/v1/audit?record=submission/" + id)).at("entries").as_array();
    REQUIRE(audit.size() == 1);
    CHECK(audit[0].at("action") == "submission.resolve");
    CHECK(audit[0].at("before").at("conflict") == true);
    CHECK(audit[0].at("after").at("conflict") == false);
    post(api, "duyet", id, "review", R"({"action":"approve","revision":2})", 200);
}

TEST_CASE("review lists sort newest, oldest or last changed first, each paged without gaps or repeats", "[api][review]") {
    ApiFixture api("review-sort");
    std::vector<std::string> ids;
    for (int i = 0; i < 5; ++i)
        ids.push_back(pushOne(api, "canbo", "KCQG-2024-01", 10 + i));
    post(api, "duyet", ids[1], "review", R"({"action":"approve","revision":1})", 200);  // changed last
    const auto walk = [&](const std::string& sort) { return pagedIds(api, "limit=2&sort=" + sort); };
    std::vector<std::string> oldest = ids;
    std::sort(oldest.begin(), oldest.end());
    std::vector<std::string> newest(oldest.rbegin(), oldest.rend());
    CHECK(walk("newest") == newest);
    CHECK(walk("oldest") == oldest);
    const auto changed = walk("changed");
    REQUIRE(changed.size() == 5);
    CHECK(changed.front() == ids[1]);
    CHECK(std::set<std::string>(changed.begin(), changed.end()).size() == 5);
    // Careless cursors and orders are named.
    const auto badSort = api.as("duyet", "GET", "/v1/submissions?sort=name");
    CHECK(badSort.status == 400);
    CHECK(api.json(badSort).at("error").at("message").as_string().find("newest, oldest or changed") != std::string::npos);
    CHECK(api.as("duyet", "GET", "/v1/submissions?sort=changed&before=" + ids[0]).status == 400);
    CHECK(api.as("duyet", "GET", "/v1/submissions?sort=changed&before=_x").status == 400);
    CHECK(api.as("duyet", "GET", "/v1/submissions?sort=newest&before=2026-01-01T00:00:00Z_" + ids[0]).status == 400);
    CHECK(api.as("duyet", "GET", "/v1/submissions?before=").status == 200);  // an empty parameter is none
}
