#include "FormTestSupport.hpp"

#include "kc/forms/FormLibrary.hpp"
#include "kc/json/Json.hpp"

#include <catch2/catch.hpp>

#include <map>

using namespace kc::forms;
using namespace kc::forms::test;

namespace {

const std::string kPhoto1 = std::string(64, '1');
const std::string kPhoto2 = std::string(64, '2');
const std::string kSign1 = std::string(64, 'a');
const std::string kSign2 = std::string(64, 'b');

std::shared_ptr<const Form> library(std::string_view id) {
    for (const auto& entry : formLibrary())
        if (entry.id == id)
            return mustLoad(entry.json);
    FAIL("no library form " << id);
    return nullptr;
}

//! Registers as a device or the server would know them: one facility, one project with
//! 450 million đồng of extension funding.
ValidationOptions withRegisters() {
    auto options = fixedOptions();
    options.registers.exists = [](std::string_view reg, std::string_view id) {
        return (reg == "facility" && id == "fac-tamhoa") || (reg == "project" && id == "prj-2025-07");
    };
    options.registers.value = [](std::string_view reg, std::string_view id,
                                 std::string_view column) -> std::optional<std::string> {
        if (reg == "project" && id == "prj-2025-07" && column == "extension_funding")
            return "450000000";
        return std::nullopt;
    };
    return options;
}

ValidationResult validate(const Form& form, const boost::json::value& answers) {
    return validateSubmission(form, answers, withRegisters());
}

//! Validates, printing the errors when it fails.
void requireValid(const Form& form, const boost::json::value& answers) {
    const auto result = validate(form, answers);
    for (const auto& e : result.errors)
        UNSCOPED_INFO(e.path << ": " << e.message.en);
    REQUIRE(result.ok());
}

//! A copy of `answers` with `key` set (or removed, when `value` is null) at a top-level key.
boost::json::value with(boost::json::value answers, std::string_view key, boost::json::value v) {
    if (v.is_null())
        answers.as_object().erase(key);
    else
        answers.as_object()[key] = std::move(v);
    return answers;
}

void requireRefused(const Form& form, const boost::json::value& answers, std::string_view path,
                    std::string_view code) {
    const auto result = validate(form, answers);
    INFO(kc::json::serialize(answers));
    REQUIRE(result.errors.size() == 1);
    CHECK(result.errors[0].path == path);
    CHECK(result.errors[0].code == code);
}

} // namespace

TEST_CASE("the library has the six forms and each loads cleanly", "[forms][library]") {
    std::vector<std::string> ids;
    for (const auto& entry : formLibrary()) {
        const auto loaded = loadFormText(entry.json);
        for (const auto& issue : loaded.issues)
            UNSCOPED_INFO(entry.id << ": " << issue.toString());
        CHECK(loaded.ok());
        if (loaded.form) {
            CHECK(loaded.form->id == entry.id);
            CHECK_FALSE(loaded.form->title.vi.empty());
            CHECK_FALSE(loaded.form->title.en.empty());
            for (const auto& q : loaded.form->questions)
                if (q.type != QuestionType::Calculate) {
                    INFO(entry.id << "." << q.name);
                    CHECK_FALSE(q.label.vi.empty());
                    CHECK_FALSE(q.label.en.empty());
                }
        }
        ids.emplace_back(entry.id);
    }
    CHECK(ids == std::vector<std::string>{"facility_profile", "site_survey", "equipment_handover",
                                          "progress_report", "monitoring_visit", "typical_product"});
}

TEST_CASE("facility profile", "[forms][library]") {
    const auto form = library("facility_profile");
    const auto good = json(R"j({"facility_name": "HTX Tâm Hòa", "legal_form": "cooperative",
      "sector": "agro_forestry_processing", "established_year": 2012, "province": "04",
      "commune": "04-003", "village": "Xóm Nà Rị",
      "location": {"lat": 22.6657, "lon": 106.2522, "accuracy": 12},
      "representative": "Nông Thị Tâm", "representative_title": "Giám đốc",
      "phone": "0912 345 678", "workforce": 35, "workforce_female": 22,
      "products": "Miến dong, bún khô", "annual_revenue": 3200000000,
      "raw_material_area_ha": 40.5, "photos": [")j" + kPhoto1 + R"j("]})j");
    requireValid(*form, good);
    requireRefused(*form, with(good, "commune", "96-002"), "commune", "choice");
    requireRefused(*form, with(good, "workforce_female", 50), "workforce_female", "constraint");
    requireRefused(*form, with(good, "phone", "12345"), "phone", "constraint");
    requireRefused(*form, with(good, "established_year", 2031), "established_year", "constraint");
    requireRefused(*form, with(good, "sector", "other"), "sector_other", "required");
    requireRefused(*form, with(good, "facility_name", nullptr), "facility_name", "required");
}

TEST_CASE("site survey", "[forms][library]") {
    const auto form = library("site_survey");
    const auto good = json(R"j({"facility": "fac-tamhoa", "survey_date": "2026-11-20",
      "location": {"lat": 22.6657, "lon": 106.2522, "accuracy": 6},
      "people_met": "Bà Nông Thị Tâm, giám đốc HTX",
      "main_product": "Miến dong", "capacity_per_year": 120, "capacity_unit": "tấn",
      "workforce": 35,
      "equipment": [{"equipment_name": "Máy tráng bánh", "equipment_year": 2015, "equipment_state": "worn"},
                    {"equipment_name": "Lò sấy than", "equipment_state": "broken"}],
      "needs": ["machinery", "packaging"], "needs_detail": "Dây chuyền sấy bằng hơi, bao bì hút chân không",
      "feasibility": "high",
      "feasibility_reasons": "Có vùng nguyên liệu ổn định và thị trường tiêu thụ",
      "recommended_activity": "advanced_machinery", "expected_funding": 450000000,
      "expected_counterpart_capital": 650000000, "photos": [")j" + kPhoto1 + "\",\"" + kPhoto2 + R"j("]})j");
    const auto result = validate(*form, good);
    REQUIRE(result.ok());
    CHECK(result.answers.at("equipment_count") == json("2"));
    CHECK(result.answers.at("expected_total_investment") == json("1100000000"));
    requireRefused(*form, with(good, "survey_date", "2026-12-01"), "survey_date", "constraint");
    requireRefused(*form, with(good, "facility", "fac-unknown"), "facility", "reference");
    requireRefused(*form, with(good, "photos", boost::json::array{}), "photos", "required");
    requireRefused(*form, with(good, "feasibility_reasons", "Tốt"), "feasibility_reasons", "constraint");
    SECTION("an infeasible site needs no recommendation, and one sent is dropped") {
        auto infeasible = with(good, "feasibility", "low");
        infeasible = with(infeasible, "expected_counterpart_capital", nullptr);
        const auto r = validate(*form, infeasible);
        REQUIRE(r.ok());
        CHECK(r.dropped == std::vector<std::string>{"recommended_activity", "expected_funding"});
        CHECK(r.answers.at("expected_total_investment") == json("0"));
    }
}

TEST_CASE("equipment handover", "[forms][library]") {
    const auto form = library("equipment_handover");
    const auto good = json(R"j({"project": "prj-2025-07", "facility": "fac-tamhoa",
      "handover_date": "2026-11-18", "location": {"lat": 22.6657, "lon": 106.2522, "accuracy": 5},
      "items": [
        {"item_name": "Máy sấy miến", "model": "MS-500", "serial_number": "MS5002025-0183",
         "quantity": 1, "unit_price": 285000000, "supplier": "Công ty CP Cơ khí Thái Nguyên",
         "condition": "new", "item_photo": ")j" + kPhoto1 + R"j("},
        {"item_name": "Máy đóng gói hút chân không", "serial_number": "DZ400-77120",
         "quantity": 2, "unit_price": 82500000, "supplier": "Công ty TNHH Thiết bị Việt",
         "condition": "working_with_issues", "condition_note": "Một máy rò khí nhẹ, đã hẹn bảo hành",
         "item_photo": ")j" + kPhoto2 + R"j("}],
      "facility_representative": "Nông Thị Tâm",
      "facility_signature": ")j" + kSign1 + R"j(", "officer_signature": ")j" + kSign2 + R"j("})j");
    const auto result = validate(*form, good);
    REQUIRE(result.ok());
    CHECK(result.answers.at("total_value") == json("450000000"));
    CHECK(result.answers.at("item_count") == json("3"));
    CHECK(result.answers.at("items").as_array()[1].at("line_total") == json("165000000"));

    SECTION("it cannot be finalized without both signatures") {
        requireRefused(*form, with(good, "facility_signature", nullptr), "facility_signature", "required");
        requireRefused(*form, with(good, "officer_signature", nullptr), "officer_signature", "required");
    }
    SECTION("a forged total is replaced by the computed one") {
        const auto forged = validate(*form, with(good, "total_value", 900000000));
        REQUIRE(forged.ok());
        CHECK(forged.answers.at("total_value") == json("450000000"));
        CHECK(forged.recomputed == std::vector<std::string>{"total_value"});
    }
    SECTION("broken items are refused at their path") {
        auto broken = good;
        broken.at("items").as_array()[1].as_object().erase("condition_note");
        requireRefused(*form, broken, "items[1].condition_note", "required");
        broken = good;
        broken.at("items").as_array()[0].as_object()["quantity"] = 0;
        requireRefused(*form, broken, "items[0].quantity", "constraint");
        requireRefused(*form, with(good, "items", boost::json::array{}), "items", "repeat_count");
    }
}

TEST_CASE("progress report", "[forms][library]") {
    const auto form = library("progress_report");
    const auto good = json(R"j({"project": "prj-2025-07", "period_start": "2026-07-01",
      "period_end": "2026-09-30", "percent_done": 60,
      "milestones": [{"milestone": "Ký hợp đồng mua thiết bị", "milestone_date": "2026-07-15"},
                     {"milestone": "Lắp đặt xong máy sấy", "milestone_date": "2026-09-02"}],
      "amount_disbursed": 285000000, "jobs_created": 6, "has_difficulties": "yes",
      "difficulties": "Đường vào xóm sạt lở, vận chuyển thiết bị chậm hai tuần",
      "photos": [")j" + kPhoto1 + R"j("]})j");
    requireValid(*form, good);
    requireRefused(*form, with(good, "amount_disbursed", 450000001), "amount_disbursed", "constraint");
    requireRefused(*form, with(good, "percent_done", 101), "percent_done", "constraint");
    requireRefused(*form, with(good, "period_end", "2026-06-30"), "period_end", "constraint");
    requireRefused(*form, with(good, "photos", nullptr), "photos", "required");
    requireRefused(*form, with(good, "difficulties", nullptr), "difficulties", "required");
    SECTION("the funding limit message is in both languages") {
        const auto r = validate(*form, with(good, "amount_disbursed", 500000000));
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0].message.vi == "Không được vượt kinh phí khuyến công của đề án");
        CHECK(r.errors[0].message.en == "Cannot exceed the project's extension funding");
    }
}

TEST_CASE("monitoring visit", "[forms][library]") {
    const auto form = library("monitoring_visit");
    const auto good = json(R"j({"project": "prj-2025-07", "visit_date": "2026-11-10",
      "inspectors": "Phòng Kỹ thuật Trung tâm Khuyến công; UBND xã Hòa An",
      "findings": "Thiết bị vận hành đúng công suất; sổ sách theo dõi đầy đủ",
      "compliance": "minor_deviation", "deviation_detail": "Chưa treo biển hiệu đề án",
      "recommendations": "Bổ sung biển hiệu trong tháng 12", "follow_up_date": "2026-12-15"})j");
    requireValid(*form, good);
    requireRefused(*form, with(good, "follow_up_date", "2026-11-01"), "follow_up_date", "constraint");
    requireRefused(*form, with(good, "recommendations", nullptr), "recommendations", "required");
    requireRefused(*form, with(with(good, "compliance", "major_deviation"), "follow_up_date", nullptr),
                   "follow_up_date", "required");
    const auto compliant = validate(*form, with(good, "compliance", "compliant"));
    REQUIRE(compliant.ok());
    CHECK(compliant.dropped == std::vector<std::string>{"deviation_detail", "follow_up_date"});
}

TEST_CASE("typical product recognition", "[forms][library]") {
    const auto form = library("typical_product");
    const auto good = json(R"j({"facility": "fac-tamhoa", "product_name": "Miến dong Tâm Hòa",
      "product_group": "agro_forestry_processing", "level": "provincial", "year": 2024,
      "selection_round": "Bình chọn sản phẩm CNNT tiêu biểu tỉnh Cao Bằng năm 2024",
      "certificate_number": "125/QĐ-SCT", "certificate_photo": ")j" + kPhoto1 + R"j("})j");
    requireValid(*form, good);
    requireRefused(*form, with(good, "level", "commune"), "level", "choice");
    requireRefused(*form, with(good, "year", 2027), "year", "constraint");
    requireRefused(*form, with(good, "certificate_photo", nullptr), "certificate_photo", "required");
}
