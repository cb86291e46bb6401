#include "kc/money/Money.hpp"

#include <catch2/catch.hpp>

#include <limits>

using namespace kc::money;

TEST_CASE("thousands are grouped with dots", "[money]") {
    CHECK(groupThousands(0) == "0");
    CHECK(groupThousands(999) == "999");
    CHECK(groupThousands(1759) == "1.759");
    CHECK(groupThousands(1'075'000'000) == "1.075.000.000");
    CHECK(groupThousands(-1'234'567) == "-1.234.567");
    CHECK(groupThousands(std::numeric_limits<std::int64_t>::min()) == "-9.223.372.036.854.775.808");
}

TEST_CASE("amounts format in đồng, triệu and tỷ the Vietnamese way", "[money]") {
    CHECK(formatDong(1'075'000'000) == "1.075.000.000 đồng");
    CHECK(formatBillions(12'310'000'000) == "12,31 tỷ đồng");
    CHECK(formatBillions(4'360'000'000) == "4,36 tỷ đồng");
    CHECK(formatBillions(1'290'000'000) == "1,29 tỷ đồng");
    CHECK(formatBillions(18'246'000'000, 3) == "18,246 tỷ đồng");
    CHECK(formatBillions(1'000'000'000) == "1,00 tỷ đồng");
    CHECK(formatBillions(205'000'000'000, 0) == "205 tỷ đồng");
    CHECK(formatBillions(1'234'567'890'123) == "1.234,57 tỷ đồng");
    CHECK(formatMillions(850'000'000) == "850 triệu đồng");
    CHECK(formatMillions(1'250'000, 1) == "1,3 triệu đồng");  // half away from zero
    CHECK(formatMillions(-1'250'000, 1) == "-1,3 triệu đồng");
    CHECK(formatBillions(4'994'999'999) == "4,99 tỷ đồng");
    CHECK(formatBillions(4'995'000'000) == "5,00 tỷ đồng");
}

TEST_CASE("compact form picks the unit a person would", "[money]") {
    CHECK(formatCompact(12'310'000'000) == "12,31 tỷ đồng");
    CHECK(formatCompact(850'000'000) == "850 triệu đồng");
    CHECK(formatCompact(1'000'000'000) == "1 tỷ đồng");
    CHECK(formatCompact(1'075'000'000) == "1,08 tỷ đồng");
    CHECK(formatCompact(999'999'999) == "1 tỷ đồng");
    CHECK(formatCompact(2'500'000) == "2,5 triệu đồng");
    CHECK(formatCompact(450'000) == "450.000 đồng");
    CHECK(formatCompact(0) == "0 đồng");
}

TEST_CASE("typed amounts parse to whole đồng", "[money]") {
    CHECK(parse("1.075.000.000").value() == 1'075'000'000);
    CHECK(parse("1075000000").value() == 1'075'000'000);
    CHECK(parse("1,075 tỷ").value() == 1'075'000'000);
    CHECK(parse("1,075 ty").value() == 1'075'000'000);
    CHECK(parse("12,31 tỷ đồng").value() == 12'310'000'000);
    CHECK(parse("850 triệu").value() == 850'000'000);
    CHECK(parse("850 TRIỆU ĐỒNG").value() == 850'000'000);
    CHECK(parse("1,5tr").value() == 1'500'000);
    CHECK(parse("500k").value() == 500'000);
    CHECK(parse("20 nghìn").value() == 20'000);
    CHECK(parse("1 tỷ 075 triệu đồng").value() == 1'075'000'000);
    CHECK(parse("2 tỷ 550 triệu").value() == 2'550'000'000);
    CHECK(parse("1.759 đ").value() == 1759);
    CHECK(parse("  450.000 VNĐ ").value() == 450'000);
    CHECK(parse("-50.000").value() == -50'000);
    CHECK(parse("9.223.372.036.854.775.807").value() == std::numeric_limits<std::int64_t>::max());
}

TEST_CASE("amounts that cannot be read get an error naming the problem", "[money]") {
    const auto error = [](const char* text) { return parse(text).error().message; };
    CHECK_THAT(error(""), Catch::Contains("empty"));
    CHECK_THAT(error("abc"), Catch::Contains("expected a number"));
    CHECK_THAT(error("1.5 triệu"), Catch::Contains("'.' groups thousands"));
    CHECK_THAT(error("1,5"), Catch::Contains("not a whole number of đồng"));
    CHECK_THAT(error("1,075"), Catch::Contains("for thousands write 1.075"));
    CHECK_THAT(error("1,0000000005 tỷ"), Catch::Contains("not a whole number"));
    CHECK_THAT(error("850 triệu 2 tỷ"), Catch::Contains("larger to smaller"));
    CHECK_THAT(error("1 tỷ 500"), Catch::Contains("needs a unit"));
    CHECK_THAT(error("1 075 000"), Catch::Contains("two numbers in a row"));
    CHECK_THAT(error("9.223.372.036.854.775.808"), Catch::Contains("too large"));
    CHECK_THAT(error("10000000000 tỷ"), Catch::Contains("too large"));
    CHECK_THAT(error("5 đồng 3"), Catch::Contains("after the currency"));
    CHECK_THAT(error("1,"), Catch::Contains("decimal digits"));
}

TEST_CASE("formatting then parsing gives the amount back", "[money]") {
    for (Dong amount : {Dong{0}, Dong{1759}, Dong{850'000'000}, Dong{12'310'000'000},
                        Dong{1'075'000'000}, Dong{-42'000}}) {
        INFO(amount);
        CHECK(parse(formatDong(amount)).value() == amount);
        CHECK(parse(groupThousands(amount)).value() == amount);
    }
    CHECK(parse(formatBillions(12'310'000'000)).value() == 12'310'000'000);
    CHECK(parse(formatMillions(850'000'000)).value() == 850'000'000);
}
