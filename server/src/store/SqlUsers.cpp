// Users, bearer tokens and enrollment codes in the SQLite store.
#include "store/SqlCentralStore.hpp"

#include "store/SqlLists.hpp"

#include <stdexcept>

namespace kc::server {

namespace {

constexpr const char* kUserColumns =
    "id, username, display_name, role, password_hash, disabled";

//! A user's own columns (kUserColumns), from column `first` of `row` on.
UserRecord userColumns(const SqlStatement& row, int first) {
    UserRecord user;
    user.id = row.getText(first);
    user.username = row.getText(first + 1);
    user.displayName = row.getText(first + 2);
    user.role = domain::roleFromCode(row.getText(first + 3)).value_or(domain::Role::Collaborator);
    user.passwordHash = row.getText(first + 4);
    user.disabled = row.getInt(first + 5) != 0;
    return user;
}

UserRecord readUser(SqlDatabase& db, const SqlStatement& row) {
    UserRecord user = userColumns(row, 0);
    auto provinces = db.prepareCached(
        "SELECT province_code FROM user_provinces WHERE user_id = ? ORDER BY province_code");
    provinces.bindAll(user.id);
    while (provinces.step())
        user.provinces.push_back(provinces.getText(0));
    auto projects = db.prepareCached("SELECT project_id FROM assignments WHERE user_id = ? ORDER BY project_id");
    projects.bindAll(user.id);
    while (projects.step())
        user.projects.push_back(projects.getText(0));
    return user;
}

//! A token's columns (hash, user_id, device, created_at, expires_at, revoked_at), from column `first` on.
TokenRecord readToken(const SqlStatement& row, int first = 0) {
    return {row.getText(first), row.getText(first + 1), row.getText(first + 2), row.getText(first + 3),
            row.getText(first + 4), row.getOptionalText(first + 5)};
}

} // namespace

// findUser(), findToken() and findTokenHolder() (through which every request authenticates)
// read what is committed through a reader connection, so they never queue behind a commit
// waiting for the disk.
std::optional<UserRecord> SqlCentralStore::findUser(const std::string& id) {
    const auto reading = leaseReader();
    SqlDatabase& reader = *reading;
    auto statement = reader.prepareCached(std::string("SELECT ") + kUserColumns + " FROM users WHERE id = ?");
    statement.bindAll(id);
    if (!statement.step())
        return std::nullopt;
    return readUser(reader, statement);
}

std::optional<UserRecord> SqlCentralStore::findUserByName(const std::string& username) {
    std::lock_guard lock(m_mutex);
    auto statement =
        m_db.prepareCached(std::string("SELECT ") + kUserColumns + " FROM users WHERE username = ?");
    statement.bindAll(username);
    if (!statement.step())
        return std::nullopt;
    return readUser(m_db, statement);
}

std::vector<UserRecord> SqlCentralStore::listUsers() {
    std::lock_guard lock(m_mutex);
    auto statement = m_db.prepareCached(std::string("SELECT ") + kUserColumns + " FROM users ORDER BY username");
    std::vector<UserRecord> users;
    while (statement.step())
        users.push_back(readUser(m_db, statement));
    return users;
}

void SqlCentralStore::setPassword(const std::string& userId, const std::string& passwordHash) {
    if (passwordHash.rfind("$argon2id$", 0) != 0)
        throw std::invalid_argument("user.password_hash: must be an Argon2id hash");
    write([&] {
        m_db.prepareCached("UPDATE users SET password_hash = ? WHERE id = ?").bindAll(passwordHash, userId).run();
        if (m_db.changes() == 0)
            throw std::invalid_argument("no user " + userId);
    });
}

void SqlCentralStore::setUserDisabled(const std::string& userId, bool disabled) {
    write([&] {
        m_db.prepareCached("UPDATE users SET disabled = ? WHERE id = ?").bindAll(disabled, userId).run();
        if (m_db.changes() == 0)
            throw std::invalid_argument("no user " + userId);
    });
}

void SqlCentralStore::storeToken(const TokenRecord& token) {
    write([&] {
        m_db.prepareCached("INSERT INTO tokens (hash, user_id, device, created_at, expires_at) "
                     "VALUES (?, ?, ?, ?, ?)")
            .bindAll(token.hash, token.userId, token.device, token.createdAt, token.expiresAt)
            .run();
    });
}

std::vector<TokenRecord> SqlCentralStore::liveTokens(const std::string& userId, const std::string& now) {
    const auto reading = leaseReader();
    SqlDatabase& reader = *reading;
    auto statement = reader.prepareCached(
        "SELECT hash, user_id, device, created_at, expires_at, revoked_at FROM tokens "
        "WHERE user_id = ? AND revoked_at IS NULL AND expires_at > ? ORDER BY created_at DESC");
    statement.bindAll(userId, now);
    std::vector<TokenRecord> result;
    while (statement.step())
        result.push_back({statement.getText(0), statement.getText(1), statement.getText(2), statement.getText(3),
                          statement.getText(4), statement.getOptionalText(5)});
    return result;
}

std::optional<TokenRecord> SqlCentralStore::findToken(const std::string& hash) {
    const auto reading = leaseReader();
    SqlDatabase& reader = *reading;
    auto statement = reader.prepareCached(
        "SELECT hash, user_id, device, created_at, expires_at, revoked_at FROM tokens WHERE hash = ?");
    statement.bindAll(hash);
    if (!statement.step())
        return std::nullopt;
    return readToken(statement);
}

// One query, one round trip to the database: the token and its user (part 0), the provinces
// the user's scope covers (1), the user's own provinces (2) and assigned projects (3).
std::optional<TokenHolder> SqlCentralStore::findTokenHolder(const std::string& hash) {
    const auto reading = leaseReader();
    SqlDatabase& reader = *reading;
    // The user's id is looked up by the token's key in each part (an index lookup each), so
    // every part reads its rows through an index however the planner sizes the tables.
    const std::string holderId = "(SELECT user_id FROM tokens WHERE hash = ?1)";
    auto statement = reader.prepareCached(
        "WITH RECURSIVE " + coveredProvinces("SELECT province_code FROM user_provinces WHERE user_id = " + holderId) +
        " SELECT 0, t.hash, t.user_id, t.device, t.created_at, t.expires_at, t.revoked_at, " + kUserColumns +
        " FROM tokens t LEFT JOIN users u ON u.id = t.user_id "
        "WHERE t.hash = ?1 "
        "UNION ALL SELECT 1, code, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM covered "
        "UNION ALL SELECT 2, province_code, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL "
        "FROM user_provinces WHERE user_id = " + holderId +
        " UNION ALL SELECT 3, project_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL "
        "FROM assignments WHERE user_id = " + holderId + " ORDER BY 1, 2");
    statement.bindAll(hash);
    std::optional<TokenHolder> holder;
    while (statement.step()) {
        const auto part = statement.getInt(0);
        if (part == 0) {
            holder.emplace();
            holder->token = readToken(statement, 1);
            if (!statement.isNull(7))  // the account is still there
                holder->user = userColumns(statement, 7);
        } else if (holder && part == 1) {
            holder->coveredProvinces.push_back(statement.getText(1));
        } else if (holder && holder->user && part == 2) {
            holder->user->provinces.push_back(statement.getText(1));
        } else if (holder && holder->user && part == 3) {
            holder->user->projects.push_back(statement.getText(1));
        }
    }
    return holder;
}

bool SqlCentralStore::revokeToken(const std::string& hash, const std::string& at) {
    return write([&] {
        m_db.prepareCached("UPDATE tokens SET revoked_at = ? WHERE hash = ? AND revoked_at IS NULL")
            .bindAll(at, hash)
            .run();
        return m_db.changes() > 0;
    });
}

int SqlCentralStore::revokeUserTokens(const std::string& userId, const std::string& at) {
    return write([&] {
        m_db.prepareCached("UPDATE tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL")
            .bindAll(at, userId)
            .run();
        return m_db.changes();
    });
}

void SqlCentralStore::storeEnrollmentCode(const EnrollmentRecord& code) {
    write([&] {
        m_db.prepareCached("INSERT INTO enrollment_codes (hash, user_id, device, created_by, created_at, "
                     "expires_at) VALUES (?, ?, ?, ?, ?, ?)")
            .bindAll(code.hash, code.userId, code.device, code.createdBy, code.createdAt,
                     code.expiresAt)
            .run();
    });
}

std::optional<EnrollmentRecord> SqlCentralStore::redeemEnrollmentCode(const std::string& hash,
                                                                         const std::string& now) {
    return write([&]() -> std::optional<EnrollmentRecord> {
        m_db.prepareCached("UPDATE enrollment_codes SET used_at = ? WHERE hash = ? AND used_at IS NULL "
                     "AND expires_at > ?")
            .bindAll(now, hash, now)
            .run();
        if (m_db.changes() == 0)
            return std::nullopt;
        auto statement = m_db.prepareCached("SELECT hash, user_id, device, created_by, created_at, "
                                      "expires_at, used_at FROM enrollment_codes WHERE hash = ?");
        statement.bindAll(hash);
        statement.step();
        return EnrollmentRecord{statement.getText(0), statement.getText(1), statement.getText(2),
                                statement.getText(3), statement.getText(4), statement.getText(5),
                                statement.getOptionalText(6)};
    });
}

} // namespace kc::server
