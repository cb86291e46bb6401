// The sync protocol's shared types: what the app sends and reads is what the server reads and
// sends, and each rule answers the same wherever it is asked.
#include "kc/ids/Uuid.hpp"
#include "kc/json/Json.hpp"
#include "kc/protocol/PushItem.hpp"
#include "kc/protocol/Receipt.hpp"
#include "kc/protocol/Review.hpp"
#include "kc/protocol/SubmissionHead.hpp"

#include <catch2/catch.hpp>

using namespace kc;
using namespace kc::protocol;
namespace bj = boost::json;

TEST_CASE("protocol: states and actions read back from their codes, and unknown codes are refused", "[protocol]") {
    for (const auto state : kSubmissionStates)
        CHECK(parseSubmissionState(stateCode(state)) == state);
    for (const auto action : kReviewActions)
        CHECK(parseReviewAction(actionCode(action)) == action);
    CHECK_FALSE(parseSubmissionState("Submitted"));
    CHECK_FALSE(parseSubmissionState("sent"));  // the device's word, not the server's
    CHECK_FALSE(parseReviewAction("approved"));
    CHECK(submissionStatesText() == "submitted, approved, returned or rejected");
    CHECK(reviewActionsText() == "approve, return or reject");
}

TEST_CASE("protocol: only a submitted record is reviewed, and returning or rejecting needs a comment", "[protocol]") {
    CHECK(mayReview(SubmissionState::Submitted));
    CHECK_FALSE(mayReview(SubmissionState::Approved));
    CHECK_FALSE(mayReview(SubmissionState::Returned));
    CHECK_FALSE(mayReview(SubmissionState::Rejected));
    CHECK(stateAfter(ReviewAction::Approve) == SubmissionState::Approved);
    CHECK(stateAfter(ReviewAction::Return) == SubmissionState::Returned);
    CHECK(stateAfter(ReviewAction::Reject) == SubmissionState::Rejected);
    CHECK_FALSE(needsComment(ReviewAction::Approve));
    CHECK(needsComment(ReviewAction::Return));
    CHECK(needsComment(ReviewAction::Reject));
    CHECK_FALSE(isComment(""));
    CHECK_FALSE(isComment(" \t\r\n "));
    CHECK(isComment(" thiếu ảnh "));
    // The submitter may correct an open record, not a closed one.
    CHECK(ownerMayRevise(SubmissionState::Submitted));
    CHECK(ownerMayRevise(SubmissionState::Returned));
    CHECK_FALSE(ownerMayRevise(SubmissionState::Approved));
    CHECK_FALSE(ownerMayRevise(SubmissionState::Rejected));
}

TEST_CASE("protocol: a conflict is settled by the standing revision or a conflicting one after it", "[protocol]") {
    CHECK(mayStand(2, 2, false));  // keep what stands
    CHECK(mayStand(3, 2, true));   // the edit kept beside takes its place
    CHECK(mayStand(5, 2, true));
    CHECK_FALSE(mayStand(3, 2, false));  // a later revision that was no conflict: not a choice
    CHECK_FALSE(mayStand(1, 2, true));   // one the standing revision already replaced
    CHECK_FALSE(mayStand(1, 2, false));
    CHECK_FALSE(mayStand(0, 2, true));
    // Keeping leaves the state (an approval stands); a new revision waits for review.
    for (const auto state : kSubmissionStates) {
        CHECK(stateAfterSettling(state, true) == state);
        CHECK(stateAfterSettling(state, false) == SubmissionState::Submitted);
    }
}

TEST_CASE("protocol: the review list's orders read back from their codes", "[protocol]") {
    for (const auto order : kSubmissionOrders)
        CHECK(parseSubmissionOrder(orderCode(order)) == order);
    CHECK_FALSE(parseSubmissionOrder("Newest"));
    CHECK_FALSE(parseSubmissionOrder(""));
    CHECK(submissionOrdersText() == "newest, oldest or changed");
}

TEST_CASE("protocol: a push item the app writes is the item the server reads", "[protocol]") {
    PushItem item{Uuid::v7().toString(), "progress_report", 3, 2, "2026-11-20T03:00:00.000Z",
                  bj::object{{"percent_done", 40}, {"note", "Lò sấy đã lắp"}}};
    const bj::value wire = json::parse(json::serialize(toJson(item)));
    const PushItem read = readPushItem(wire, "submissions[0]");
    CHECK(read.id == item.id);
    CHECK(read.formId == "progress_report");
    CHECK(read.formVersion == 3);
    CHECK(read.baseRevision == 2);
    CHECK(read.capturedAt == item.capturedAt);
    CHECK(read.answers == item.answers);

    // The server moves the answers out of the request instead of copying them.
    bj::value request = wire;
    const PushItem moved = readPushItem(std::move(request), "submissions[0]");
    CHECK(moved.answers == item.answers);

    PushItem fresh{Uuid::v7().toString(), "site_survey", 1, std::nullopt, std::nullopt, {}};
    const PushItem again = readPushItem(toJson(std::move(fresh)), "item");
    CHECK_FALSE(again.baseRevision);
    CHECK_FALSE(again.capturedAt);
}

TEST_CASE("protocol: a careless or hostile push item is refused by the field at fault", "[protocol]") {
    const std::string id = Uuid::v7().toString();
    const auto problemOf = [](const bj::value& item) -> ItemProblem {
        try {
            readPushItem(item, "submissions[0]");
        } catch (const PushItemError& e) {
            return e.problem;
        }
        FAIL("accepted " << json::serialize(item));
        return {};
    };
    const bj::object good{{"id", id}, {"form_id", "site_survey"}, {"form_version", 1}, {"answers", bj::object{}}};

    auto withState = good;
    withState["state"] = "approved";  // set by the server, never by a client
    const auto unknown = problemOf(withState);
    CHECK(unknown.path == "state");
    CHECK(unknown.code == "unknown_field");
    CHECK_THAT(unknown.vi, Catch::Contains("state"));

    // Refused while moving: the item is left whole, for the receipt to name its id.
    bj::value refused = withState;
    CHECK_THROWS_AS(readPushItem(std::move(refused), "submissions[0]"), PushItemError);
    CHECK(refused.at("answers").is_object());
    CHECK(refused.at("id").as_string() == id);

    auto v4 = good;
    v4["id"] = "3f2c1b4e-8d9a-4c7b-9e1f-0a2b3c4d5e6f";
    CHECK(problemOf(v4).path == "id");
    auto upper = good;
    upper["id"] = Uuid::v7().toString();
    for (auto& c : upper["id"].as_string())
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    CHECK(problemOf(upper).path == "id");

    auto badTime = good;
    badTime["captured_at"] = "20/11/2026";
    CHECK(problemOf(badTime).path == "captured_at");

    auto list = good;
    list["answers"] = bj::array{1, 2};
    const auto answers = problemOf(list);
    CHECK(answers.path == "answers");
    CHECK_THAT(answers.en, Catch::Contains("array"));

    auto noVersion = good;
    noVersion.erase("form_version");
    CHECK_THROWS_WITH(readPushItem(noVersion, "submissions[4]"), Catch::Contains("submissions[4].form_version"));
    auto textVersion = good;
    textVersion["form_version"] = "1";
    CHECK_THROWS_AS(readPushItem(textVersion, "submissions[0]"), json::JsonError);
    CHECK_THROWS_AS(readPushItem(bj::value("not an item"), "submissions[0]"), json::JsonError);
}

TEST_CASE("protocol: every kind of receipt reads back as the server wrote it", "[protocol]") {
    Receipt accepted{"a", ReceiptStatus::Accepted, "2026-11-20T03:00:00.000Z", 1, {}, {}, {}, {}, {}};
    Receipt conflict{"c", ReceiptStatus::Conflict, "t", 4, 2, SubmissionState::Approved, {}, {}, {}};
    Receipt invalid{"i", ReceiptStatus::Invalid, "t", {}, {}, {}, {{"answers.percent_done", "required", "Bắt buộc", "required"}}, {}, {}};
    Receipt missing{"m", ReceiptStatus::MissingAttachments, "t", {}, {}, {}, {}, {std::string(64, 'b')}, {}};
    Receipt duplicate{"a", ReceiptStatus::Duplicate, "later", {}, {}, {}, {}, {}, std::make_shared<const Receipt>(accepted)};
    for (const Receipt* receipt : {&accepted, &conflict, &invalid, &missing, &duplicate}) {
        const bj::value wire = json::parse(json::serialize(toJson(*receipt)));
        const Receipt read = readReceipt(wire);
        INFO(json::serialize(wire));
        CHECK(toJson(read) == wire.as_object());
        CHECK(read.status == receipt->status);
        CHECK(read.effective().status == (receipt == &duplicate ? ReceiptStatus::Accepted : receipt->status));
    }
    const auto conflictWire = toJson(conflict);
    CHECK(conflictWire.at("current_revision") == 2);
    CHECK(conflictWire.at("state") == "approved");
    CHECK(toJson(invalid).at("errors").as_array().at(0).at("message").at("vi") == "Bắt buộc");
    CHECK(isStored(ReceiptStatus::Accepted));
    CHECK(isStored(ReceiptStatus::Revision));
    CHECK(isStored(ReceiptStatus::Conflict));
    CHECK_FALSE(isStored(ReceiptStatus::Invalid));
    CHECK_FALSE(isStored(ReceiptStatus::MissingAttachments));
    CHECK_FALSE(isStored(ReceiptStatus::Duplicate));

    CHECK_THROWS_WITH(readReceipt(json::parse(R"({"id":"x","status":"lost"})"), "receipts[2]"),
                      Catch::Contains("receipts[2].status") && Catch::Contains("lost"));
    CHECK_THROWS_WITH(readReceipt(json::parse(R"({"id":"x","status":"accepted"})"), "receipts[0]"),
                      Catch::Contains("receipts[0].revision"));
    CHECK_THROWS_WITH(readReceipt(json::parse(R"({"id":"x","status":"missing_attachments","missing":[7]})")),
                      Catch::Contains("receipt.missing[0]"));
}

TEST_CASE("protocol: a submission head reads back as the server wrote it", "[protocol]") {
    SubmissionHead head;
    head.id = Uuid::v7().toString();
    head.formId = "equipment_handover";
    head.formVersion = 2;
    head.ownerId = "u1";
    head.ownerName = "lan.nt";
    head.ownerDisplayName = "Nguyễn Thị Lan";
    head.provinceCode = "04";
    head.facilityId = "f1";
    head.state = SubmissionState::Returned;
    head.currentRevision = 3;
    head.reviewComment = "Thiếu số sê-ri";
    head.reviewFields = R"(["items[1].serial_number"])";
    head.reviewedBy = "r1";
    head.reviewedAt = "2026-11-21T08:00:00.000Z";
    head.receivedAt = "2026-11-20T03:00:00.000Z";
    head.updatedAt = *head.reviewedAt;
    const bj::object wire = toJson(head);
    CHECK(wire.at("state") == "returned");
    CHECK(wire.at("owner").at("display_name") == "Nguyễn Thị Lan");
    CHECK(wire.at("project_id").is_null());
    CHECK(wire.at("review_fields").as_array().at(0) == "items[1].serial_number");
    const SubmissionHead read = readSubmissionHead(json::parse(json::serialize(wire)));
    CHECK(toJson(read) == wire);

    auto unknownState = wire;
    unknownState["state"] = "archived";
    CHECK_THROWS_WITH(readSubmissionHead(unknownState), Catch::Contains("submission.state") && Catch::Contains("archived"));
}
