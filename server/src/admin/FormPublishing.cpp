#include "admin/FormPublishing.hpp"

#include "kc/json/Json.hpp"

namespace kc::server {

PublishOutcome publishForm(CentralStore& store, const forms::Form& form) {
    long long latest = 0;
    for (const auto& published : store.latestForms())
        if (published.id == form.id)
            latest = published.version;
    const std::string named = form.id + " version " + std::to_string(form.version);
    if (const auto existing = store.findForm(form.id, form.version)) {
        if (json::parse(existing->definition) == form.definition)
            return {PublishOutcome::Kind::AlreadyPublished, latest, named + " is already published, as it is"};
        return {PublishOutcome::Kind::VersionTaken, latest,
                named + " is already published with another definition, and a published version never changes: "
                        "publish it as version " + std::to_string(latest + 1)};
    }
    if (form.version < latest)
        return {PublishOutcome::Kind::VersionBehind, latest,
                named + " is older than the published version " + std::to_string(latest) +
                    ": publish it as version " + std::to_string(latest + 1)};
    store.publishForm(form);
    return {PublishOutcome::Kind::Published, latest, "published " + named};
}

} // namespace kc::server
