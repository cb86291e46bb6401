// The register codes (legal forms, sectors, funding sources, activities, project statuses) and
// the submission states have one source each: kc/domain/Registers.hpp and kc/protocol/Review.
// The store's CHECK constraints, the app's names for them (qml/Codes.qml) and the library's
// facility profile form are written out separately; these tests hold them to that source.
#include "store/ServerSchema.hpp"

#include "kc/db/Database.hpp"
#include "kc/db/Migrations.hpp"
#include "kc/db/Statement.hpp"
#include "kc/domain/Registers.hpp"
#include "kc/forms/FormLibrary.hpp"
#include "kc/forms/FormLoader.hpp"
#include "kc/protocol/Review.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace {

using Codes = std::set<std::string>;

template <std::size_t N> Codes codesOf(const std::string_view (&list)[N]) { return Codes(std::begin(list), std::end(list)); }

Codes stateCodes() {
    Codes codes;
    for (const auto state : kc::protocol::kSubmissionStates)
        codes.emplace(kc::protocol::stateCode(state));
    return codes;
}

//! The quoted words of `text`: 'a', 'b' (SQL) or "a", "b" (QML).
Codes quoted(const std::string& text, char quote) {
    Codes codes;
    const std::regex word(std::string(1, quote) + "([a-z_]+)" + std::string(1, quote));
    for (std::sregex_iterator it(text.begin(), text.end(), word), end; it != end; ++it)
        codes.insert((*it)[1]);
    return codes;
}

//! The codes a CHECK (column IN (...)) of the migrated store's table allows.
Codes checkedCodes(const std::string& table, const std::string& column) {
    auto db = kc::db::Database::openInMemory();
    kc::db::migrate(db, kc::server::serverMigrations());
    auto statement = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?");
    statement.bind(1, table);
    REQUIRE(statement.step());
    const std::string sql = statement.getText(0);
    std::smatch match;
    REQUIRE(std::regex_search(sql, match, std::regex(column + R"(\s+TEXT NOT NULL CHECK \(\w+ IN\s*\(([^)]*)\)\))")));
    return quoted(match[1], '\'');
}

std::string codesQml() {
    std::ifstream in(KC_SOURCE_ROOT "/qml/Codes.qml");
    REQUIRE(in);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

//! The cases of a function of Codes.qml: function name(code) { switch (code) { case "x": … } }
Codes qmlCases(const std::string& qml, const std::string& function) {
    const auto start = qml.find("function " + function + "(code)");
    REQUIRE(start != std::string::npos);
    const auto end = qml.find("return code", start);
    REQUIRE(end != std::string::npos);
    return quoted(qml.substr(start, end - start), '"');
}

//! The list property of Codes.qml: readonly property var name: ["a", "b"]
Codes qmlList(const std::string& qml, const std::string& property) {
    const auto start = qml.find("readonly property var " + property + ":");
    REQUIRE(start != std::string::npos);
    const auto end = qml.find(']', start);
    return quoted(qml.substr(start, end - start), '"');
}

Codes libraryChoices(std::string_view formId, const std::string& listName) {
    for (const auto& entry : kc::forms::formLibrary())
        if (entry.id == formId) {
            const auto loaded = kc::forms::loadFormText(entry.json);
            REQUIRE(loaded.ok());
            for (const auto& list : loaded.form->choiceLists)
                if (list.name == listName) {
                    Codes codes;
                    for (const auto& choice : list.choices)
                        codes.insert(choice.name);
                    return codes;
                }
        }
    FAIL("no choice list " << listName << " in " << formId);
    return {};
}

} // namespace

TEST_CASE("register codes: the store's CHECK constraints allow exactly the domain's codes", "[codes]") {
    using namespace kc::domain;
    CHECK(checkedCodes("facilities", "legal_form") == codesOf(kLegalForms));
    CHECK(checkedCodes("projects", "funding_source") == codesOf(kFundingSources));
    CHECK(checkedCodes("projects", "status") == codesOf(kProjectStatuses));
    CHECK(checkedCodes("submissions", "state") == stateCodes());
}

TEST_CASE("register codes: the app names every code, and no other", "[codes]") {
    using namespace kc::domain;
    const std::string qml = codesQml();
    CHECK(qmlCases(qml, "legalForm") == codesOf(kLegalForms));
    CHECK(qmlList(qml, "legalForms") == codesOf(kLegalForms));
    CHECK(qmlCases(qml, "sector") == codesOf(kSectors));
    CHECK(qmlList(qml, "sectors") == codesOf(kSectors));
    CHECK(qmlCases(qml, "fundingSource") == codesOf(kFundingSources));
    CHECK(qmlCases(qml, "activityType") == codesOf(kActivityTypes));
    CHECK(qmlCases(qml, "projectStatus") == codesOf(kProjectStatuses));
    // The device's own states, then every state the server sends.
    Codes states = stateCodes();
    states.insert({"draft", "queued", "sending", "sent"});
    CHECK(qmlCases(qml, "state") == states);
}

TEST_CASE("register codes: the facility profile form offers exactly the domain's legal forms and sectors", "[codes]") {
    using namespace kc::domain;
    CHECK(libraryChoices("facility_profile", "legal_forms") == codesOf(kLegalForms));
    CHECK(libraryChoices("facility_profile", "sectors") == codesOf(kSectors));
}
