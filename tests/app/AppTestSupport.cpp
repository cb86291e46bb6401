#include "AppTestSupport.hpp"

#include "kc/forms/FormLibrary.hpp"
#include "kc/ids/Uuid.hpp"
#include "kc/json/Json.hpp"

#include <stdexcept>

namespace kc::test {

StoreFixture::StoreFixture(const std::string& name) : dir(freshTempDir(name)) {
    store.setPath(QString::fromStdString((dir / "device.sqlite3").string()));
    if (!store.open())
        throw std::runtime_error("store did not open: " + store.errorString().toStdString());
}

void putLibraryForm(app::LocalStore& store, const std::string& formId, std::int64_t version) {
    for (const auto& form : forms::formLibrary())
        if (form.id == formId) {
            auto definition = json::parse(form.json);
            definition.as_object()["version"] = version;
            store.putForm(boost::json::object{{"id", formId},
                                              {"version", version},
                                              {"title", definition.as_object().at("title")},
                                              {"definition", definition}});
            return;
        }
    throw std::runtime_error("no library form " + formId);
}

boost::json::object facilityJson(const std::string& name, const std::string& province,
                                 const std::string& commune) {
    return boost::json::object{{"id", Uuid::v7().toString()}, {"name", name},
                               {"legal_form", "cooperative"},
                               {"sector", "agro_forestry_processing"},
                               {"province", province}, {"commune", commune}};
}

QString qs(const std::string& s) { return QString::fromStdString(s); }

} // namespace kc::test
