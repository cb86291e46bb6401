#pragma once

#include "store/CentralStore.hpp"

#include "kc/db/Database.hpp"

#include <filesystem>
#include <mutex>

namespace kc::server {

//! The embedded default: one SQLite file in the data folder, migrated on open.
class SqliteCentralStore final : public CentralStore {
public:
    //! Opens (creating when absent) `dataDir`/kcfield.sqlite3 and migrates it.
    explicit SqliteCentralStore(const std::filesystem::path& dataDir);

    std::string engine() const override { return "sqlite"; }
    std::string location() const override { return m_file; }
    int schemaVersion() override;
    bool ping() override;
    StoreCounts counts() override;
    std::string metaValue(const std::string& key) override;
    void setMetaValue(const std::string& key, const std::string& value) override;
    void atomically(const std::function<void()>& work) override;
    void upsertProvince(const domain::Province& province) override;
    void upsertCommune(const domain::Commune& commune) override;
    std::string createUser(const NewUser& user) override;
    std::string createFacility(domain::Facility facility) override;
    std::string createProject(domain::Project project) override;
    bool publishForm(const forms::Form& form) override;
    std::vector<PublishedForm> latestForms() override;

    static constexpr const char* kFileName = "kcfield.sqlite3";

private:
    template <class Work> auto write(Work&& work);

    std::recursive_mutex m_mutex;
    std::string m_file;
    db::Database m_db;
};

} // namespace kc::server
