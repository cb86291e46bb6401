#include "AppTestSupport.hpp"

#include "store/LocalStore.hpp"

#include "kc/ids/Uuid.hpp"
#include "kc/json/Json.hpp"

#include <catch2/catch.hpp>

using namespace kc;
using kc::test::StoreFixture;

namespace {
const std::string kPhoto(64, 'a');

//! A receipt as the sync engine reads it off the wire.
protocol::Receipt receiptFrom(const boost::json::value& wire) { return protocol::readReceipt(wire); }
}

TEST_CASE("a submission moves draft → queued → sending → sent, and only forward", "[app][store]") {
    StoreFixture f("store-lifecycle");
    test::putLibraryForm(f.local(), "progress_report");
    auto& store = f.local();

    const std::string id = store.createDraft("progress_report", {{"percent_done", 10}});
    REQUIRE(Uuid::parse(id));
    CHECK(Uuid::parse(id)->version() == 7);
    auto s = store.submission(id);
    REQUIRE(s);
    CHECK(s->state == "draft");
    CHECK(s->formVersion == 1);
    CHECK(s->answers.at("percent_done").as_int64() == 10);

    store.saveDraft(id, {{"percent_done", 20}});
    CHECK(store.submission(id)->answers.at("percent_done").as_int64() == 20);

    // An attachment must be on the device before the submission can be queued with it.
    CHECK_THROWS_WITH(store.finalize(id, {kPhoto}), Catch::Contains("not on this device"));
    CHECK(store.submission(id)->state == "draft"); // nothing changed
    store.putAttachment(kPhoto, 1234, "image/jpeg");
    store.finalize(id, {kPhoto});
    CHECK(store.submission(id)->state == "queued");
    CHECK_THROWS_WITH(store.saveDraft(id, {}), Catch::Contains("queued"));
    REQUIRE(store.attachmentsToUpload().size() == 1);

    store.markSending({id});
    CHECK(store.submission(id)->state == "sending");
    store.requeueSending(); // a push that got no answer
    CHECK(store.submission(id)->state == "queued");
    store.markSending({id});

    store.applyReceipt(receiptFrom(boost::json::object{{"id", id}, {"status", "accepted"}, {"revision", 1},
                                           {"received_at", "2026-11-22T01:00:00.000Z"}}));
    s = store.submission(id);
    CHECK(s->state == "sent");
    CHECK(s->revision == 1);
    REQUIRE(s->receipt);
    CHECK_THAT(*s->receipt, Catch::Contains("\"accepted\""));
    CHECK(store.outbox(10).empty());
    CHECK(store.attachmentsToUpload().empty()); // nothing waiting uses it any more

    // A receipt arriving twice (a replayed push) changes nothing.
    store.applyReceipt(receiptFrom(boost::json::object{{"id", id}, {"status", "accepted"}, {"revision", 7}}));
    CHECK(store.submission(id)->revision == 1);
}

TEST_CASE("receipts: duplicate takes the original, invalid returns to drafts, missing re-queues",
          "[app][store]") {
    StoreFixture f("store-receipts");
    test::putLibraryForm(f.local(), "progress_report");
    auto& store = f.local();
    store.putAttachment(kPhoto, 10, "image/jpeg");
    store.markUploaded(kPhoto, true);

    const auto queued = [&] {
        const std::string id = store.createDraft("progress_report");
        store.finalize(id, {kPhoto});
        store.markSending({id});
        return id;
    };

    const std::string dup = queued();
    store.applyReceipt(receiptFrom(boost::json::object{
        {"id", dup}, {"status", "duplicate"},
        {"original", {{"id", dup}, {"status", "accepted"}, {"revision", 1}}}}));
    CHECK(store.submission(dup)->state == "sent");
    CHECK(store.submission(dup)->revision == 1);

    const std::string bad = queued();
    store.applyReceipt(receiptFrom(json::parse(R"({"id": ")" + bad + R"(", "status": "invalid", "errors": [
        {"path": "percent_done", "code": "required", "message": {"vi": "Bắt buộc", "en": "required"}}]})")
                           ));
    auto s = store.submission(bad);
    CHECK(s->state == "draft");
    REQUIRE(s->syncError);
    CHECK_THAT(*s->syncError, Catch::Contains("percent_done"));

    const std::string missing = queued();
    store.applyReceipt(receiptFrom(boost::json::object{{"id", missing}, {"status", "missing_attachments"},
                                           {"missing", boost::json::array{kPhoto}}}));
    CHECK(store.submission(missing)->state == "queued");
    CHECK_FALSE(store.attachment(kPhoto)->uploaded); // to be uploaded again
    CHECK(store.attachmentsToUpload().size() == 1);

    CHECK_THROWS_WITH(store.applyReceipt(receiptFrom(boost::json::object{{"id", missing}, {"status", "weird"}})),
                      Catch::Contains("unknown status"));
    CHECK(store.submission(missing)->state == "queued"); // the failed receipt changed nothing
}

TEST_CASE("a returned submission is corrected as a new revision of the returned one", "[app][store]") {
    StoreFixture f("store-correction");
    test::putLibraryForm(f.local(), "progress_report");
    auto& store = f.local();
    const std::string id = store.createDraft("progress_report");
    store.finalize(id, {});
    store.markSending({id});
    store.applyReceipt(receiptFrom(boost::json::object{{"id", id}, {"status", "accepted"}, {"revision", 1}}));

    CHECK_THROWS_WITH(store.beginCorrection(id), Catch::Contains("sent"));
    store.applyPull({boost::json::array{boost::json::object{
                         {"seq", 5}, {"kind", "submission"}, {"id", id}, {"deleted", false},
                         {"data", {{"id", id}, {"form_id", "progress_report"}, {"form_version", 1},
                                   {"state", "returned"}, {"revision", 1}, {"conflict", false},
                                   {"review_comment", "Thiếu ảnh công trình"},
                                   {"review_fields", boost::json::array{"photos"}}}}}},
                     "5"});
    auto s = store.submission(id);
    CHECK(s->state == "returned");
    CHECK(s->reviewComment == "Thiếu ảnh công trình");
    CHECK(s->reviewFields == std::vector<std::string>{"photos"});
    CHECK(store.meta("pull_cursor") == "5");

    store.beginCorrection(id);
    s = store.submission(id);
    CHECK(s->state == "draft");
    CHECK(s->baseRevision == 1);
    CHECK_THROWS_WITH(store.deleteDraft(id), Catch::Contains("server holds"));

    // While the correction is unsent, the server's view does not overwrite it.
    const auto kept = store.applyPull(
        {boost::json::array{boost::json::object{
             {"seq", 6}, {"kind", "submission"}, {"id", id}, {"deleted", false},
             {"data", {{"id", id}, {"form_id", "progress_report"}, {"form_version", 1},
                       {"state", "returned"}, {"revision", 1}}}}},
         "6"});
    CHECK(kept.keptLocal == 1);
    CHECK(store.submission(id)->state == "draft");
}

TEST_CASE("pull applies registers and tombstones, but never a facility registered here and unsent",
          "[app][store]") {
    StoreFixture f("store-pull");
    auto& store = f.local();
    auto mine = test::facilityJson("HTX Tâm Hòa");
    store.putFacility(mine, true);
    auto theirs = test::facilityJson("Cơ sở rèn Phúc Sen");
    const std::string theirsId(theirs.at("id").as_string());
    const std::string mineId(mine.at("id").as_string());

    auto changedMine = mine;
    changedMine["name"] = "Tên khác từ máy chủ";
    const auto applied = store.applyPull(
        {boost::json::array{
             boost::json::object{{"seq", 1}, {"kind", "facility"}, {"id", theirsId},
                                 {"deleted", false}, {"data", theirs}},
             boost::json::object{{"seq", 2}, {"kind", "facility"}, {"id", mineId},
                                 {"deleted", false}, {"data", changedMine}},
             boost::json::object{{"seq", 3}, {"kind", "future_kind"}, {"id", "x"},
                                 {"deleted", false}, {"data", nullptr}}},
         "3"});
    CHECK(applied.applied == 1);
    CHECK(applied.keptLocal == 1);
    CHECK(store.facility(mineId)->name == "HTX Tâm Hòa");
    CHECK(store.facility(theirsId));

    store.applyPull({boost::json::array{boost::json::object{
                         {"seq", 4}, {"kind", "facility"}, {"id", theirsId}, {"deleted", true},
                         {"data", nullptr}}},
                     "4"});
    CHECK_FALSE(store.facility(theirsId));

    // A malformed page changes nothing, not even the cursor.
    CHECK_THROWS(store.applyPull({boost::json::array{
                                      boost::json::object{{"seq", 5}, {"kind", "facility"},
                                                          {"id", theirsId}, {"deleted", false},
                                                          {"data", theirs}},
                                      boost::json::object{{"seq", 6}, {"kind", "facility"}}},
                                  "6"}));
    CHECK_FALSE(store.facility(theirsId));
    CHECK(store.meta("pull_cursor") == "4");
}

TEST_CASE("facility search folds case and diacritics and pages by name", "[app][store]") {
    StoreFixture f("store-search");
    auto& store = f.local();
    for (const char* name : {"HTX Tâm Hòa", "Cơ sở rèn Phúc Sen", "HTX Hạt dẻ Trùng Khánh",
                             "Công ty TNHH Bún Cao Tuyền", "Đồ gỗ Đông Khê"})
        store.putFacility(test::facilityJson(name), false);
    CHECK(store.facilityCount() == 5);

    auto found = store.searchFacilities("tam hoa", 10);
    REQUIRE(found.size() == 1);
    CHECK(found[0].name == "HTX Tâm Hòa");
    CHECK(store.searchFacilities("TÂM HÒA", 10).size() == 1);
    CHECK(store.searchFacilities("dong khe", 10).size() == 1); // đ folds to d
    CHECK(store.searchFacilities("hoa tam", 10).empty());      // words in order
    CHECK(store.searchFacilities("htx", 10).size() == 2);

    auto first = store.searchFacilities("", 2);
    REQUIRE(first.size() == 2);
    auto rest = store.searchFacilities("", 10, app::PageKey{first[1].folded, first[1].id});
    CHECK(rest.size() == 3);
    CHECK(rest[0].folded > first[1].folded);
}

TEST_CASE("the store survives reopening and keeps every version of a form", "[app][store]") {
    test::StoreFixture f("store-reopen");
    test::putLibraryForm(f.local(), "site_survey", 1);
    test::putLibraryForm(f.local(), "site_survey", 2);
    const std::string id = f.local().createDraft("site_survey");
    CHECK(f.local().submission(id)->formVersion == 2);

    auto reopened = app::LocalStore::open(f.local().file());
    CHECK(reopened.latestForm("site_survey")->version == 2);
    CHECK(reopened.formVersion("site_survey", 1));
    CHECK(reopened.submission(id)->state == "draft");
    CHECK_THROWS_WITH(reopened.createDraft("no_such_form"), Catch::Contains("sync first"));

    auto broken = boost::json::object{{"id", "bad"}, {"version", 1}, {"title", {{"vi", "x"}}},
                                      {"definition", {{"id", "bad"}}}};
    CHECK_THROWS(reopened.putForm(broken));
    CHECK_FALSE(reopened.latestForm("bad"));
}
