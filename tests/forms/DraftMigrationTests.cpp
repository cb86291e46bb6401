#include "FormTestSupport.hpp"

#include "kc/forms/DraftMigration.hpp"

#include <catch2/catch.hpp>

using namespace kc::forms;
using namespace kc::forms::test;

TEST_CASE("a draft moves to a new form version without silent loss", "[forms][drafts]") {
    const auto v1 = mustLoad(R"j({"id":"visit","version":1,"title":{"vi":"v"},"questions":[
      {"name":"findings","type":"text","label":{"vi":"Kết quả","en":"Findings"}},
      {"name":"visitors","type":"integer","label":{"vi":"Số người"}},
      {"name":"rating","type":"select_one","list_name":"r","label":{"vi":"Đánh giá"}},
      {"name":"topics","type":"select_multiple","list_name":"r","label":{"vi":"Chủ đề"}},
      {"name":"old_note","type":"text","label":{"vi":"Ghi chú cũ","en":"Old note"}},
      {"name":"phone","type":"text","label":{"vi":"ĐT"}},
      {"name":"photo","type":"photo","multiple":true,"label":{"vi":"Ảnh"}},
      {"name":"total","type":"calculate","calculate":"${visitors} * 2"},
      {"name":"items","type":"repeat","label":{"vi":"Mục"},"questions":[
        {"name":"serial","type":"text","label":{"vi":"Seri"}},
        {"name":"price","type":"money","label":{"vi":"Giá"}}]}],
     "choices":{"r":[{"name":"good","label":{"vi":"Tốt"}},{"name":"bad","label":{"vi":"Kém"}},
                     {"name":"mixed","label":{"vi":"Vừa"}}]}})j");
    const auto v2 = mustLoad(R"j({"id":"visit","version":2,"title":{"vi":"v"},"questions":[
      {"name":"findings","type":"text","label":{"vi":"Kết quả"},"required":true},
      {"name":"visitors","type":"decimal","label":{"vi":"Số người"}},
      {"name":"rating","type":"select_one","list_name":"r","label":{"vi":"Đánh giá"}},
      {"name":"topics","type":"select_multiple","list_name":"r","label":{"vi":"Chủ đề"}},
      {"name":"phone","type":"integer","label":{"vi":"ĐT"}},
      {"name":"photo","type":"photo","label":{"vi":"Ảnh"}},
      {"name":"total","type":"calculate","calculate":"${visitors} * 3"},
      {"name":"items","type":"repeat","label":{"vi":"Mục"},"questions":[
        {"name":"serial","type":"barcode","label":{"vi":"Seri"}},
        {"name":"price","type":"money","label":{"vi":"Giá"}}]},
      {"name":"new_question","type":"text","label":{"vi":"Mới"}}],
     "choices":{"r":[{"name":"good","label":{"vi":"Tốt"}},{"name":"mixed","label":{"vi":"Vừa"}}]}})j");
    const auto sha = std::string(64, 'c');
    const auto draft = json(R"j({"findings": "Máy chạy tốt", "visitors": 4, "rating": "bad",
      "topics": ["good", "bad"], "old_note": "gọi lại", "phone": "0912 345 678",
      "photo": [")j" + sha + "\",\"" + sha + R"j("], "total": 8,
      "items": [{"serial": "SN1", "price": 5000000}, {"price": 7000000}]})j");

    const auto migrated = migrateDraft(*v1, *v2, draft.as_object());

    CHECK(migrated.answers == json(R"j({"findings": "Máy chạy tốt", "visitors": 4,
      "topics": ["good"], "items": [{"price": 5000000}, {"price": 7000000}]})j").as_object());
    std::vector<std::string> lostPaths;
    for (const auto& lost : migrated.lost)
        lostPaths.push_back(lost.path);
    CHECK(lostPaths == std::vector<std::string>{"rating", "topics", "old_note", "phone", "photo",
                                                "items[0].serial"});
    const auto& oldNote = migrated.lost[2];
    CHECK(oldNote.label.en == "Old note");
    CHECK(oldNote.value == json(R"j("gọi lại")j"));
    CHECK(oldNote.reason.en == "The question was removed from the new version of the form");
    CHECK(migrated.lost[0].reason.vi == "Lựa chọn này không còn trong phiên bản mới");
    CHECK(migrated.lost[1].value == json(R"j("bad")j"));
    CHECK(migrated.lost[3].reason.en == "The question's type changed in the new version");
    CHECK(migrated.lost[4].reason.en ==
          "The answer no longer fits the question in the new version");

    SECTION("a question moved into a repeat is listed, not guessed") {
        const auto v3 = mustLoad(R"j({"id":"visit","version":3,"title":{"vi":"v"},"questions":[
          {"name":"items","type":"repeat","label":{"vi":"Mục"},"questions":[
            {"name":"findings","type":"text","label":{"vi":"Kết quả"}}]}]})j");
        const auto moved = migrateDraft(*v1, *v3, json(R"j({"findings": "x"})j").as_object());
        CHECK(moved.answers.empty());
        REQUIRE(moved.lost.size() == 1);
        CHECK(moved.lost[0].reason.en == "The question moved to another part of the form");
    }
    SECTION("the same version keeps everything but calculations") {
        const auto same = migrateDraft(*v1, *v1, draft.as_object());
        CHECK(same.lost.empty());
        CHECK(same.answers.size() == draft.as_object().size() - 1);
    }
}
