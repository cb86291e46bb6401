// Answers as a Vietnamese reader writes them, on the review screen, the summary and the diff.
#include "AppTestSupport.hpp"

#include "models/AnswerSheet.hpp"

#include "kc/forms/FormLoader.hpp"
#include "kc/json/Json.hpp"

#include <catch2/catch.hpp>

#include <limits>

TEST_CASE("numbers are written with a decimal comma, never an exponent", "[app][answers]") {
    CHECK(answers::formatDecimal(12.5) == QStringLiteral("12,5"));
    CHECK(answers::formatDecimal(22.6712) == QStringLiteral("22,6712"));      // as precise as entered
    CHECK(answers::formatDecimal(106.25510001) == QStringLiteral("106,25510001"));
    CHECK(answers::formatDecimal(1e15) == QStringLiteral("1000000000000000")); // not 1E15
    CHECK(answers::formatDecimal(-0.5) == QStringLiteral("-0,5"));
    CHECK(answers::formatDecimal(std::numeric_limits<double>::quiet_NaN()).isEmpty());
    CHECK(answers::formatDay("2026-11-22") == QStringLiteral("22/11/2026"));
    CHECK(answers::formatDay("not a day") == QStringLiteral("not a day"));
    CHECK(answers::formatDong(std::numeric_limits<long long>::min()) == QStringLiteral("-9.223.372.036.854.775.808 đ"));
}

TEST_CASE("one answer reads as it does in the list of answers", "[app][answers]") {
    const auto loaded = kc::forms::loadForm(kc::json::parse(R"j({"id":"t","version":1,"title":{"vi":"t"},"questions":[
      {"name":"day","type":"date","label":{"vi":"Ngày"}},
      {"name":"share","type":"decimal","label":{"vi":"Tỷ lệ"}},
      {"name":"kind","type":"select_one","label":{"vi":"Loại"},"list_name":"kinds"},
      {"name":"place","type":"geopoint","label":{"vi":"Vị trí"}}],
      "choices":{"kinds":[{"name":"a","label":{"vi":"Loại A","en":"Kind A"}}]}})j"));
    REQUIRE(loaded.ok());
    const auto& form = *loaded.form;
    const auto text = [&](const char* name, const char* json) {
        return answers::answerText(form, *form.find(name), kc::json::parse(json), nullptr);
    };
    CHECK(text("day", R"("2026-03-07")") == QStringLiteral("07/03/2026"));
    CHECK(text("share", "12.5") == QStringLiteral("12,5"));
    const QString kind = text("kind", R"("a")");
    CHECK((kind == QStringLiteral("Loại A") || kind == QStringLiteral("Kind A")));  // its label, in the interface's language
    CHECK(text("place", R"({"lat":22.6712,"lon":106.2551,"manual":true})").startsWith(QStringLiteral("22,6712; 106,2551")));
    CHECK(text("share", "null").isEmpty());
}
