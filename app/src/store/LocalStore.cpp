#include "store/LocalStore.hpp"

#include "store/LocalSchema.hpp"

#include "kc/db/DbError.hpp"
#include "kc/db/Transaction.hpp"
#include "kc/forms/FormLoader.hpp"
#include "kc/json/Json.hpp"
#include "kc/text/Fold.hpp"

#include <sqlite3.h>

#include <stdexcept>
#include <utility>

namespace kc::app {

namespace {

// kc_match(folded, query): every word of the folded query occurs, in order, in the folded
// text: the same rule as the server's register search.
void matchFunction(sqlite3_context* context, int, sqlite3_value** args) {
    const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(args[0]));
    const auto* query = reinterpret_cast<const char*>(sqlite3_value_text(args[1]));
    if (!text || !query) {
        sqlite3_result_int(context, 0);
        return;
    }
    sqlite3_result_int(context, text::matchesSearch(text, query) ? 1 : 0);
}

} // namespace

LocalStore LocalStore::open(const std::filesystem::path& file) {
    std::filesystem::create_directories(file.parent_path());
    db::Database database = db::Database::open(file);
    // An acknowledged action must survive a killed app or a flat battery.
    database.exec("PRAGMA synchronous = FULL");
    db::migrate(database, localMigrations());
    sqlite3_create_function(database.handle(), "kc_match", 2,
                            SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
                            &matchFunction, nullptr, nullptr);
    LocalStore store(file, std::move(database));
    std::filesystem::create_directories(store.attachmentFolder());
    return store;
}

LocalStore::LocalStore(std::filesystem::path file, db::Database db)
    : m_file(std::move(file)), m_db(std::move(db)) {}
LocalStore::LocalStore(LocalStore&&) noexcept = default;
LocalStore& LocalStore::operator=(LocalStore&&) noexcept = default;
LocalStore::~LocalStore() = default;

void LocalStore::changed(unsigned what) {
    m_pendingChanges |= what;
    if (m_groupDepth == 0)
        endGroup();
}

void LocalStore::endGroup() {
    if (m_groupDepth > 0 && --m_groupDepth > 0)
        return;
    if (m_pendingChanges == 0)
        return;
    const unsigned what = std::exchange(m_pendingChanges, 0u);
    if (m_listener)
        m_listener(what);
}

std::filesystem::path LocalStore::attachmentFolder() const {
    return m_file.parent_path() / "attachments";
}

std::optional<std::string> LocalStore::meta(const std::string& key) {
    auto row = m_db.prepareCached("SELECT value FROM meta WHERE key = ?");
    row.bind(1, key);
    if (!row.step())
        return std::nullopt;
    return row.getText(0);
}

void LocalStore::setMeta(const std::string& key, const std::string& value) {
    m_db.prepareCached("INSERT INTO meta (key, value) VALUES (?, ?) "
                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .bindAll(key, value)
        .run();
}

void LocalStore::removeMeta(const std::string& key) {
    m_db.prepareCached("DELETE FROM meta WHERE key = ?").bind(1, key).run();
}

void LocalStore::putForm(const boost::json::object& data) {
    const json::ObjectReader reader(data, "form");
    const auto& definition = reader.raw("definition");
    const forms::LoadedForm loaded = forms::loadForm(definition);
    if (!loaded.ok())
        throw std::runtime_error("form " + reader.string("id") + ": " +
                                 (loaded.issues.empty() ? std::string("does not load")
                                                        : loaded.issues.front().toString()));
    const std::string title =
        data.contains("title") ? json::serialize(data.at("title")) : std::string("{}");
    m_db.prepareCached("INSERT INTO form_versions (form_id, version, title, definition) "
                       "VALUES (?, ?, ?, ?) ON CONFLICT (form_id, version) DO UPDATE SET "
                       "title = excluded.title, definition = excluded.definition")
        .bindAll(reader.string("id"), reader.int64("version"), title, json::serialize(definition))
        .run();
    m_formCache.erase({reader.string("id"), reader.int64("version")});
    changed(FormsChanged);
}

std::optional<LocalForm> LocalStore::readForm(db::Statement& row) {
    if (!row.step())
        return std::nullopt;
    LocalForm form;
    form.id = row.getText(0);
    form.version = row.getInt64(1);
    if (auto title = json::parse(row.getText(2)); title.is_object())
        form.title = title.get_object();
    auto& cached = m_formCache[{form.id, form.version}];
    if (!cached) {
        const forms::LoadedForm loaded = forms::loadFormText(row.getText(3));
        if (!loaded.ok())
            throw std::runtime_error("stored form " + form.id + " v" + std::to_string(form.version) +
                                     " does not load");
        cached = loaded.form;
    }
    form.form = cached;
    return form;
}

std::optional<LocalForm> LocalStore::latestForm(const std::string& formId) {
    auto row = m_db.prepareCached("SELECT form_id, version, title, definition FROM form_versions "
                                  "WHERE form_id = ? ORDER BY version DESC LIMIT 1");
    row.bind(1, formId);
    return readForm(row);
}

std::optional<LocalForm> LocalStore::formVersion(const std::string& formId, std::int64_t version) {
    auto row = m_db.prepareCached("SELECT form_id, version, title, definition FROM form_versions "
                                  "WHERE form_id = ? AND version = ?");
    row.bindAll(formId, version);
    return readForm(row);
}

std::vector<LocalForm> LocalStore::latestForms() {
    std::vector<std::string> ids;
    auto rows = m_db.prepare("SELECT DISTINCT form_id FROM form_versions ORDER BY form_id");
    while (rows.step())
        ids.push_back(rows.getText(0));
    std::vector<LocalForm> forms;
    for (const auto& id : ids)
        if (auto form = latestForm(id))
            forms.push_back(std::move(*form));
    return forms;
}

bool isSubmissionState(const std::string& name) {
    for (const std::string_view known : {state::Draft, state::Queued, state::Sending, state::Sent,
                              state::Approved, state::Returned, state::Rejected})
        if (name == known)
            return true;
    return false;
}

} // namespace kc::app
