#pragma once

#include "kc/domain/Registers.hpp"
#include "kc/domain/Roles.hpp"
#include "kc/forms/Form.hpp"

#include <functional>
#include <string>
#include <vector>

namespace kc::server {

struct NewUser {
    std::string username;
    std::string displayName;
    domain::Role role = domain::Role::Officer;
    std::string passwordHash;  // Argon2id, from PasswordHasher
    std::vector<std::string> provinceCodes;  // the user's scope
};

//! How much the store holds, for health checks and the seeding report.
struct StoreCounts {
    long long users = 0;
    long long provinces = 0;
    long long facilities = 0;
    long long projects = 0;
    long long forms = 0; //!< form versions published
};

//! One published version of a form.
struct PublishedForm {
    std::string id;
    long long version = 0;
    std::string titleVi;
    std::string definition; //!< the JSON as published
};

//! The central store behind an interface: SQLite now, another engine later.
//! Every method is thread-safe. Writes that fail change nothing.
class CentralStore {
public:
    virtual ~CentralStore() = default;

    virtual std::string engine() const = 0;
    //! Where the data lives (a file path for SQLite).
    virtual std::string location() const = 0;
    virtual int schemaVersion() = 0;
    //! True when the store answers a trivial query.
    virtual bool ping() = 0;
    virtual StoreCounts counts() = 0;

    virtual std::string metaValue(const std::string& key) = 0;
    virtual void setMetaValue(const std::string& key, const std::string& value) = 0;

    //! Runs `work` so that all its writes land together or not at all.
    virtual void atomically(const std::function<void()>& work) = 0;

    virtual void upsertProvince(const domain::Province& province) = 0;
    virtual void upsertCommune(const domain::Commune& commune) = 0;
    //! Returns the new user's id. Throws when the username is taken.
    virtual std::string createUser(const NewUser& user) = 0;
    //! Stores a facility (id made here when empty); returns its id.
    virtual std::string createFacility(domain::Facility facility) = 0;
    //! Stores a project and its beneficiaries (id made here when empty); returns its id.
    virtual std::string createProject(domain::Project project) = 0;

    //! Publishes a checked form version. Returns false when that very version is already
    //! published with the same definition; throws when it is published with another one
    //! (a published version never changes: publish a new version instead).
    virtual bool publishForm(const forms::Form& form) = 0;
    //! The newest published version of every form, by id.
    virtual std::vector<PublishedForm> latestForms() = 0;
};

} // namespace kc::server
