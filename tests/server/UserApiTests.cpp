// People through the API, as an admin's console uses it: who an admin may see and change,
// a password shown once that signs in, disabling and signing out everywhere, enrollment codes
// with their QR code, and what a careless or hostile client sends.
#include "ApiFixture.hpp"

#include "auth/UserRules.hpp"

#include <catch2/catch.hpp>

#include <boost/json.hpp>

#include <set>

using kc::test::ApiFixture;

namespace {
std::string signIn(ApiFixture& api, const std::string& username, const std::string& password) {
    const auto response = api.call("POST", "/v1/auth/sign-in",
                                   R"({"username":")" + username + R"(","password":")" + password + R"("})");
    return response.status == 200 ? std::string(api.json(response).at("token").as_string()) : std::string();
}
} // namespace

TEST_CASE("an admin creates a user whose password, shown once, signs in, and every change is logged", "[api][users]") {
    ApiFixture api("users-create");
    const auto created = api.as("quantri", "POST", "/v1/admin/users",
                                R"({"username":"lan.ctv","display_name":"Lò Thị Lan","role":"collaborator","provinces":["04"]})");
    REQUIRE(created.status == 201);
    const auto body = api.json(created);
    const std::string password(body.at("password").as_string());
    CHECK(password.size() == 12);
    CHECK(body.at("user").at("role") == "collaborator");
    CHECK(body.at("user").at("provinces").as_array().size() == 1);
    CHECK_FALSE(body.at("user").as_object().contains("password_hash"));
    CHECK_FALSE(signIn(api, "lan.ctv", password).empty());
    CHECK(signIn(api, "lan.ctv", "khuyencong").empty());

    const auto listed = api.json(api.as("quantri", "GET", "/v1/admin/users"));
    bool found = false, foreign = false;
    for (const auto& user : listed.at("users").as_array()) {
        found = found || user.at("username") == "lan.ctv";
        foreign = foreign || user.at("username") == "canbo_cm";
    }
    CHECK(found);
    CHECK_FALSE(foreign);  // Cà Mau's officer is not this admin's

    // A new password: the old one stops working, and so does every token.
    const std::string token = signIn(api, "lan.ctv", password);
    const auto signIns = api.json(api.as("quantri", "GET", "/v1/admin/users/lan.ctv/sign-ins")).at("sign_ins").as_array();
    REQUIRE(signIns.size() == 2);  // the one above and this one
    CHECK_FALSE(signIns[0].as_object().contains("hash"));
    CHECK(api.as("quantri", "GET", "/v1/admin/users/canbo_cm/sign-ins").status == 404);
    CHECK(api.as("duyet", "GET", "/v1/admin/users/lan.ctv/sign-ins").status == 403);
    const auto reset = api.as("quantri", "POST", "/v1/admin/users/lan.ctv/password");
    REQUIRE(reset.status == 200);
    const std::string fresh(api.json(reset).at("password").as_string());
    CHECK(fresh != password);
    CHECK(api.json(reset).at("revoked").as_int64() >= 1);
    CHECK(api.call("GET", "/v1/me", {}, token).status == 401);
    CHECK(signIn(api, "lan.ctv", password).empty());
    CHECK_FALSE(signIn(api, "lan.ctv", fresh).empty());

    // Disabled: no sign-in, no token; enabled again: signs in.
    const std::string live = signIn(api, "lan.ctv", fresh);
    REQUIRE(api.as("quantri", "POST", "/v1/admin/users/lan.ctv/disable").status == 200);
    CHECK(api.call("GET", "/v1/me", {}, live).status == 401);
    CHECK(api.call("POST", "/v1/auth/sign-in", R"({"username":"lan.ctv","password":")" + fresh + R"("})").status == 403);
    REQUIRE(api.as("quantri", "POST", "/v1/admin/users/lan.ctv/enable").status == 200);
    const std::string again = signIn(api, "lan.ctv", fresh);
    CHECK_FALSE(again.empty());
    const auto out = api.as("quantri", "POST", "/v1/admin/users/lan.ctv/sign-out");
    CHECK(api.json(out).at("revoked").as_int64() == 1);
    CHECK(api.call("GET", "/v1/me", {}, again).status == 401);
    CHECK(api.json(api.as("quantri", "GET", "/v1/admin/users/lan.ctv/sign-ins")).at("sign_ins").as_array().empty());

    // The audit log holds each step, with the user before and after.
    const auto user = api.store->findUserByName("lan.ctv");
    const auto log = api.json(api.as("quantri", "GET", "/v1/audit?record=user/" + user->id + "&limit=100"));
    std::vector<std::string> actions;
    for (const auto& entry : log.at("entries").as_array())
        actions.emplace_back(entry.at("action").as_string());
    for (const char* action : {"user.create", "user.password", "user.disable", "user.enable", "user.sign-out"})
        CHECK(std::find(actions.begin(), actions.end(), action) != actions.end());
    for (const auto& entry : log.at("entries").as_array())
        CHECK(boost::json::serialize(entry.at("after")).find("hash") == std::string::npos);
}

TEST_CASE("a new user that cannot be is refused naming the field, and nothing is created", "[api][users]") {
    ApiFixture api("users-bad");
    const auto before = api.store->listUsers().size();
    const std::pair<std::string, std::string> bad[] = {
        {R"({"username":"Lan","display_name":"Lan","role":"officer","provinces":["04"]})", "username"},
        {R"({"username":"la","display_name":"Lan","role":"officer","provinces":["04"]})", "username"},
        {R"({"username":"lan lan","display_name":"Lan","role":"officer","provinces":["04"]})", "username"},
        {R"({"username":"lan","display_name":"  ","role":"officer","provinces":["04"]})", "display_name"},
        {R"({"username":"lan","display_name":"Lan","role":"boss","provinces":["04"]})", "role"},
        {R"({"username":"lan","display_name":"Lan","role":"officer","provinces":[]})", "provinces"},
        {R"({"username":"lan","display_name":"Lan","role":"officer","provinces":["99"]})", "provinces[0]"},
        {R"({"username":"lan","display_name":"Lan","role":"officer","provinces":[4]})", "provinces[0]"},
        {R"({"username":"lan","display_name":"Lan","role":"officer","provinces":["04"],"password_hash":"x"})", "password_hash"},
        {R"({"username":"lan","display_name":"Lan","role":"officer"})", "provinces"},
    };
    for (const auto& [body, field] : bad) {
        const auto response = api.as("quantri", "POST", "/v1/admin/users", body);
        INFO(body << " -> " << response.body);
        CHECK(response.status == 400);
        CHECK(api.json(response).at("error").at("fields").at(0).at("path").as_string() == field);
    }
    const auto taken = api.as("quantri", "POST", "/v1/admin/users",
                              R"({"username":"canbo","display_name":"X","role":"officer","provinces":["04"]})");
    CHECK(taken.status == 409);
    CHECK(api.errorCode(taken) == "username_taken");
    // Cà Mau is not this admin's province.
    CHECK(api.as("quantri", "POST", "/v1/admin/users",
                 R"({"username":"moi","display_name":"X","role":"officer","provinces":["04","96"]})").status == 403);
    CHECK(api.as("quantri", "POST", "/v1/admin/users", "[]").status == 400);
    CHECK(api.as("quantri", "POST", "/v1/admin/users", "{").status == 400);
    CHECK(api.store->listUsers().size() == before);
    // Nor may an admin lock themselves out, or act on a user of another province or a made-up action.
    CHECK(api.as("quantri", "POST", "/v1/admin/users/quantri/disable").status == 409);
    CHECK(api.as("quantri", "POST", "/v1/admin/users/canbo_cm/password").status == 404);
    CHECK(api.as("quantri", "POST", "/v1/admin/users/canbo/promote").status == 404);
    CHECK(api.as("quantri", "POST", "/v1/admin/users/nobody/sign-out").status == 404);
}

TEST_CASE("an enrollment code comes with its QR code for the page, and works once", "[api][users][enroll]") {
    ApiFixture api("users-enroll");
    const auto issued = api.as("quantri", "POST", "/v1/admin/enrollment-codes",
                               R"({"username":"canbo","device":"Redmi 9A","server":"https://kc.example.vn"})");
    REQUIRE(issued.status == 201);
    const auto body = api.json(issued);
    const std::string code(body.at("code").as_string());
    CHECK(body.at("uri").as_string() == "kcfield://enroll?server=https://kc.example.vn&code=" + code);
    const std::string svg(body.at("qr_svg").as_string());
    CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
    CHECK(svg.find("<path fill=\"#000\" d=\"M") != std::string::npos);
    CHECK(svg.find("<script") == std::string::npos);
    CHECK(api.call("POST", "/v1/auth/enroll", R"({"code":")" + code + R"(","device":"Redmi 9A"})").status == 200);
    CHECK(api.call("POST", "/v1/auth/enroll", R"({"code":")" + code + R"(","device":"Redmi 9A"})").status == 401);
    // A server address that is not one is refused; without one, the request's Host is used.
    CHECK(api.as("quantri", "POST", "/v1/admin/enrollment-codes",
                 R"J({"username":"canbo","server":"javascript:alert(1)"})J").status == 400);
    const auto hosted = api.as("quantri", "POST", "/v1/admin/enrollment-codes", R"({"username":"canbo"})", {{"host", "10.0.0.5:8080"}});
    CHECK_THAT(std::string(api.json(hosted).at("uri").as_string()), Catch::StartsWith("kcfield://enroll?server=http://10.0.0.5:8080&code="));
}

TEST_CASE("usernames and generated passwords follow one rule", "[users]") {
    CHECK_FALSE(kc::server::usernameProblem("duyet_cm"));
    CHECK_FALSE(kc::server::usernameProblem("lan.ctv-2"));
    CHECK(kc::server::usernameProblem("2lan"));
    CHECK(kc::server::usernameProblem(std::string(33, 'a')));
    CHECK(kc::server::usernameProblem("lân"));
    CHECK(kc::server::displayNameProblem(std::string(101, 'a')));
    CHECK_FALSE(kc::server::displayNameProblem("Nông Thị Lan"));
    std::set<std::string> seen;
    for (int i = 0; i < 50; ++i) {
        const auto password = kc::server::generatePassword();
        CHECK(password.find_first_of("0O1lI") == std::string::npos);
        seen.insert(password);
    }
    CHECK(seen.size() == 50);
}
