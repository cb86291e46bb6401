// People, for admins (docs/protocol.md, "People"): the users of their provinces, a new user
// with a password shown once, a new password, disabling, signing a user out everywhere, and
// enrollment codes with their QR code. A user is an admin's when all of the user's provinces
// lie in the admin's; any other is answered as if it did not exist. Every change is logged.
#include "api/ApiRoutes.hpp"

#include "admin/QrCode.hpp"
#include "api/ApiSupport.hpp"
#include "auth/PasswordHasher.hpp"
#include "auth/UserRules.hpp"

#include "kc/domain/Roles.hpp"
#include "kc/json/Json.hpp"
#include "kc/time/Timestamp.hpp"

#include <boost/json.hpp>

namespace kc::server {
namespace {

namespace bj = boost::json;

bj::object userJson(const UserRecord& user) {
    return {{"id", user.id},
            {"username", user.username},
            {"display_name", user.displayName},
            {"role", std::string(domain::roleCode(user.role))},
            {"provinces", bj::array(user.provinces.begin(), user.provinces.end())},
            {"disabled", user.disabled}};
}

bool isAdminsUser(const Caller& caller, const UserRecord& user) {
    for (const auto& province : user.provinces)
        if (!caller.inProvince(province))
            return false;
    return !user.provinces.empty();
}

//! The user named in the path, if the caller administers them (404 otherwise).
UserRecord adminsUser(ServerContext& context, const Caller& caller, const std::string& username) {
    const auto user = context.store.findUserByName(username);
    if (!user || !isAdminsUser(caller, *user))
        notFound("user " + username);
    return *user;
}

void audit(ServerContext& context, const Caller& caller, const std::string& action, const UserRecord& user,
           const std::optional<bj::object>& before, const std::optional<bj::object>& after) {
    context.store.appendAudit({0, Timestamp::now().toRfc3339(), caller.userId, action, "user/" + user.id,
                               before ? std::optional(json::serialize(*before)) : std::nullopt,
                               after ? std::optional(json::serialize(*after)) : std::nullopt});
}

Response listUsers(ServerContext& context, const Caller& caller) {
    bj::array users;
    for (const auto& user : context.store.listUsers())
        if (isAdminsUser(caller, user))
            users.push_back(userJson(user));
    return jsonResponse(200, bj::object{{"users", std::move(users)}});
}

Response createUser(ServerContext& context, const Request& request, const Caller& caller) {
    const auto value = parseJsonBody(request);
    const json::ObjectReader body(value, "");
    for (const auto& [key, _] : value.as_object())
        if (key != "username" && key != "display_name" && key != "role" && key != "provinces")
            throwInvalid(std::string(key), "not a field of a new user (username, display_name, role, provinces)");
    const std::string username = body.string("username");
    if (auto problem = usernameProblem(username))
        throwInvalid("username", *problem);
    const std::string name = body.string("display_name");
    if (auto problem = displayNameProblem(name))
        throwInvalid("display_name", *problem);
    const auto role = domain::roleFromCode(body.string("role"));
    if (!role)
        throwInvalid("role", "expected admin, reviewer, officer or collaborator");
    const auto& provinceList = body.array("provinces");
    if (provinceList.empty())
        throwInvalid("provinces", "a user needs at least one province");
    std::vector<std::string> provinces;
    for (std::size_t i = 0; i < provinceList.size(); ++i) {
        const std::string path = "provinces[" + std::to_string(i) + "]";
        if (!provinceList[i].is_string())
            throwInvalid(path, "expected a province code such as \"04\"");
        const std::string code(provinceList[i].get_string());
        if (!context.store.provinceName(code))
            throwInvalid(path, "province " + code + " is not in the store");
        if (!caller.inProvince(code))
            throw ApiException(403, "forbidden", "province " + code + " is not one of yours", {{path, "not your province"}});
        if (std::find(provinces.begin(), provinces.end(), code) == provinces.end())
            provinces.push_back(code);
    }
    if (context.store.findUserByName(username))
        throw ApiException(409, "username_taken", "a user called \"" + username + "\" already exists",
                           {{"username", "already taken"}});
    const std::string password = generatePassword();
    const std::string id = context.store.createUser({username, name, *role, hashPassword(password), provinces});
    const auto user = context.store.findUser(id);
    audit(context, caller, "user.create", *user, std::nullopt, userJson(*user));
    return jsonResponse(201, bj::object{{"user", userJson(*user)}, {"password", password}});
}

Response userTokens(ServerContext& context, const Request& request, const Caller& caller) {
    const auto user = adminsUser(context, caller, request.pathParams.at("username"));
    bj::array tokens;
    for (const auto& token : context.store.liveTokens(user.id, Timestamp::now().toRfc3339()))
        tokens.push_back(bj::object{{"device", token.device}, {"created_at", token.createdAt}, {"expires_at", token.expiresAt}});
    return jsonResponse(200, bj::object{{"user", userJson(user)}, {"sign_ins", std::move(tokens)}});
}

Response changeUser(ServerContext& context, const Request& request, const Caller& caller) {
    const auto user = adminsUser(context, caller, request.pathParams.at("username"));
    const std::string& action = request.pathParams.at("action");
    const std::string now = Timestamp::now().toRfc3339();
    bj::object answer;
    if (action == "password") {
        const std::string password = generatePassword();
        context.store.setPassword(user.id, hashPassword(password));
        answer["password"] = password;
        answer["revoked"] = context.store.revokeUserTokens(user.id, now);
    } else if (action == "disable" || action == "enable") {
        if (user.id == caller.userId)
            throw ApiException(409, "own_account", "you cannot " + action + " your own account");
        context.store.setUserDisabled(user.id, action == "disable");
        answer["revoked"] = action == "disable" ? context.store.revokeUserTokens(user.id, now) : 0;
    } else if (action == "sign-out") {
        answer["revoked"] = context.store.revokeUserTokens(user.id, now);
    } else {
        notFound("action " + action + " (password, disable, enable or sign-out)");
    }
    const auto after = context.store.findUser(user.id);
    audit(context, caller, "user." + action, user, userJson(user), userJson(*after));
    answer["user"] = userJson(*after);
    return jsonResponse(200, answer);
}

//! The server's address as the phone should reach it: the body's "server" when given (an
//! http(s) URL), else from the request's Host.
std::string serverAddress(const Request& request, const json::ObjectReader& body) {
    if (auto server = body.optionalString("server")) {
        if ((server->rfind("http://", 0) != 0 && server->rfind("https://", 0) != 0) || server->size() > 200 ||
            server->find_first_of(" \"<>&?#") != std::string::npos)
            throwInvalid("server", "expected the server's address, such as https://kc.example.vn");
        return *server;
    }
    const std::string host = request.header("host");
    return "http://" + (host.empty() ? std::string("127.0.0.1:8080") : host);
}

Response issueEnrollmentCode(ServerContext& context, const Request& request, const Caller& caller) {
    const auto value = parseJsonBody(request);
    const json::ObjectReader body(value, "");
    const auto user = adminsUser(context, caller, body.string("username"));
    std::string device = body.optionalString("device").value_or("");
    if (device.size() > 200)
        throwInvalid("device", "must be at most 200 characters");
    if (device.empty())
        device = "unnamed device";
    if (user.disabled)
        throw ApiException(409, "account_disabled", "user " + user.username + " is disabled; enable the account first");
    const std::string server = serverAddress(request, body);
    const auto issued = context.auth.issueEnrollmentCode(user.id, device, caller.userId);
    audit(context, caller, "enrollment_code.issue", user, std::nullopt,
          bj::object{{"device", device}, {"expires_at", issued.expiresAt}});
    const std::string uri = "kcfield://enroll?server=" + server + "&code=" + issued.code;
    return jsonResponse(201, bj::object{{"code", issued.code},
                                        {"username", user.username},
                                        {"expires_at", issued.expiresAt},
                                        {"uri", uri},
                                        {"qr_svg", qrSvg(uri)}});
}

} // namespace

void addUserRoutes(Router& router, ServerContext& context) {
    const auto admin = [&context](auto handler) {
        return signedIn(context.auth, [&context, handler](const Request& r, const Caller& c) {
            requireRole(c, {domain::Role::Admin}, "manage users");
            return handler(context, r, c);
        });
    };
    router.add("GET", "/v1/admin/users",
               admin([](ServerContext& x, const Request&, const Caller& c) { return listUsers(x, c); }));
    router.add("POST", "/v1/admin/users", admin(createUser));
    router.add("POST", "/v1/admin/users/{username}/{action}", admin(changeUser));
    router.add("GET", "/v1/admin/users/{username}/sign-ins", admin(userTokens));
    router.add("POST", "/v1/admin/enrollment-codes", admin(issueEnrollmentCode));
}

} // namespace kc::server
