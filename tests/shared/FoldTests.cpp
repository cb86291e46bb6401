#include "kc/text/Fold.hpp"

#include <catch2/catch.hpp>

using namespace kc::text;

TEST_CASE("Vietnamese names fold to plain lower-case search keys", "[fold]") {
    CHECK(foldForSearch("HTX Tâm Hòa") == "htx tam hoa");
    CHECK(foldForSearch("Đông Khê") == "dong khe");
    CHECK(foldForSearch("đường Đinh Tiên Hoàng") == "duong dinh tien hoang");
    CHECK(foldForSearch("Chè Giảo cổ lam") == "che giao co lam");
    CHECK(foldForSearch("Phường Nùng Trí Cao") == "phuong nung tri cao");
    CHECK(foldForSearch("Ỷ Lan, Ứng Hòa, Ữ") == "y lan, ung hoa, u");
    CHECK(foldForSearch("ĐẠI HỌC") == "dai hoc");
}

TEST_CASE("NFD input folds the same as NFC", "[fold]") {
    const std::string nfc = "Tâm Hòa";
    // "Tâm Hòa" decomposed: a + U+0302 COMBINING CIRCUMFLEX, o + U+0300 COMBINING GRAVE.
    const std::string nfd = "Ta\xCC\x82m Ho\xCC\x80" "a";
    REQUIRE(nfd != nfc);
    CHECK(foldForSearch(nfd) == foldForSearch(nfc));
    CHECK(foldForSearch(nfd) == "tam hoa");
    CHECK(toNfc(nfd) == nfc);
}

TEST_CASE("NFC text, ASCII or Vietnamese, comes back from toNfc unchanged, and mixed text is composed", "[fold]") {
    CHECK(toNfc("HTX 12") == "HTX 12");
    CHECK(toNfc("") == "");
    CHECK(toNfc("Đường vào xóm sạt lở") == "Đường vào xóm sạt lở");
    // Composed "Tâm" then a decomposed "Hòa": only the second changes.
    CHECK(toNfc("Tâm Ho\xCC\x80" "a") == "Tâm Hòa");
    CHECK(toNfc("Ho\xCC\x80" "a \xFF") == "Hòa \xEF\xBF\xBD");  // ill-formed: U+FFFD, the rest still composed
}

TEST_CASE("white space is trimmed and collapsed", "[fold]") {
    CHECK(foldForSearch("  HTX   Tâm\tHòa \n") == "htx tam hoa");
    CHECK(foldForSearch("") == "");
    CHECK(foldForSearch("   ") == "");
}

TEST_CASE("text without diacritics and other scripts pass through", "[fold]") {
    CHECK(foldForSearch("tam hoa") == "tam hoa");
    CHECK(foldForSearch("KCQG-2023-01") == "kcqg-2023-01");
    CHECK(foldForSearch("Straße") == "strasse");  // full case folding, not just lower-casing
}

TEST_CASE("invalid UTF-8 is detected and does not crash folding", "[fold]") {
    CHECK(isValidUtf8("Tâm Hòa"));
    CHECK_FALSE(isValidUtf8("T\xC3"));
    CHECK_FALSE(isValidUtf8("\xFF\xFE"));
    CHECK_NOTHROW(foldForSearch("T\xC3m"));
    CHECK(toNfc("\xFF") == "\xEF\xBF\xBD");  // U+FFFD
}

TEST_CASE("a search matches when its words occur in order", "[fold]") {
    const std::string name = foldForSearch("HTX Tâm Hòa");
    CHECK(matchesSearch(name, foldForSearch("tam hoa")));
    CHECK(matchesSearch(name, foldForSearch("Tâm")));
    CHECK(matchesSearch(name, foldForSearch("htx hoa")));
    CHECK(matchesSearch(name, ""));
    CHECK_FALSE(matchesSearch(name, foldForSearch("hoa tam")));
    CHECK_FALSE(matchesSearch(name, foldForSearch("cai bo")));
    CHECK(matchesSearch(foldForSearch("Xã Đông Khê"), "dong"));
}
