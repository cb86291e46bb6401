#include "seed/FormLibrarySeed.hpp"

#include "kc/forms/FormLibrary.hpp"
#include "kc/forms/FormLoader.hpp"

#include <stdexcept>

namespace kc::server {

int installFormLibrary(CentralStore& store, std::ostream& out) {
    int published = 0;
    store.atomically([&] {
        for (const auto& entry : forms::formLibrary()) {
            const auto loaded = forms::loadFormText(entry.json);
            if (!loaded.ok())
                throw std::runtime_error("the library form " + std::string(entry.id) +
                                         " does not load: " + loaded.issues.front().toString());
            if (store.publishForm(*loaded.form))
                ++published;
        }
    });
    if (published > 0)
        out << "Published " << published << " form" << (published == 1 ? "" : "s")
            << " of the library (shared/forms/).\n";
    return published;
}

} // namespace kc::server
