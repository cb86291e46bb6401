// What the screens show of single records, and facilities registered in the field.
#include "store/AppStore.hpp"

#include "kc/domain/FormAccess.hpp"
#include "kc/domain/RegisterJson.hpp"
#include "kc/forms/Form.hpp"
#include "kc/ids/Uuid.hpp"
#include "kc/json/Json.hpp"
#include "models/Labels.hpp"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

QVariantMap toMap(const boost::json::object& object) {
    const std::string text = kc::json::serialize(object);
    return QJsonDocument::fromJson(QByteArray::fromStdString(text)).object().toVariantMap();
}

boost::json::object fromMap(const QVariantMap& map) {
    const QByteArray text = QJsonDocument(QJsonObject::fromVariantMap(map)).toJson(QJsonDocument::Compact);
    return kc::json::parse(text.toStdString()).as_object();
}

} // namespace

QVariantMap AppStore::facility(const QString& id) {
    if (!m_store)
        return {};
    const auto row = m_store->facility(id.toStdString());
    if (!row)
        return {};
    QVariantMap out = toMap(row->data);
    out.insert(QStringLiteral("pending"), row->pending);
    out.insert(QStringLiteral("needs_review"), row->needsReview);
    out.insert(QStringLiteral("sync_error"),
               row->syncError ? labels::syncErrorText(*row->syncError) : QString());
    return out;
}

QVariantMap AppStore::project(const QString& id) {
    if (!m_store)
        return {};
    const auto row = m_store->project(id.toStdString());
    if (!row)
        return {};
    QVariantMap out = toMap(row->data);
    QVariantList names;
    if (const auto* ids = row->data.if_contains("beneficiaries"); ids && ids->is_array()) {
        for (const auto& v : ids->get_array()) {
            if (!v.is_string())
                continue;
            const std::string fid(v.get_string());
            const auto f = m_store->facility(fid);
            names.append(QVariantMap{{QStringLiteral("id"), qs(fid)},
                                     {QStringLiteral("name"), f ? qs(f->name) : qs(fid)}});
        }
    }
    out.insert(QStringLiteral("beneficiary_names"), names);
    return out;
}

QVariantList AppStore::historyOf(const QString& key, const QString& id) {
    QVariantList out;
    if (!m_store || (key != QStringLiteral("facility") && key != QStringLiteral("project")))
        return out;
    for (const auto& s : m_store->submissionsAbout(key.toStdString(), id.toStdString())) {
        const auto form = m_store->formVersion(s.formId, s.formVersion);
        out.append(QVariantMap{
            {QStringLiteral("id"), qs(s.id)},
            {QStringLiteral("form_id"), qs(s.formId)},
            {QStringLiteral("form_title"), form ? labels::localized(form->title) : qs(s.formId)},
            {QStringLiteral("state"), qs(s.state)},
            {QStringLiteral("captured_at"), qs(s.capturedAt)},
            {QStringLiteral("revision"), s.revision ? QVariant::fromValue(*s.revision) : QVariant()},
        });
    }
    return out;
}

QVariantList AppStore::projectProgress() {
    QVariantList out;
    if (!m_store)
        return out;
    for (const auto& project : m_store->searchProjects("", 200)) {
        QVariantMap row{{QStringLiteral("id"), qs(project.id)},
                        {QStringLiteral("code"), qs(project.code)},
                        {QStringLiteral("title"), qs(project.title)}};
        // Newest first: the first finalized report that says how far the project is.
        for (const auto& s : m_store->submissionsAbout("project", project.id)) {
            const auto* percent = s.answers.if_contains("percent_done");
            if (s.formId != "progress_report" || s.state == kc::app::state::Draft || !percent || !percent->is_number())
                continue;
            row.insert(QStringLiteral("percent"), percent->to_number<double>());
            row.insert(QStringLiteral("reported_at"), qs(s.capturedAt));
            break;
        }
        out.append(row);
    }
    return out;
}

QVariantList AppStore::forms() {
    QVariantList out;
    if (!m_store)
        return out;
    for (const auto& form : m_store->latestForms())
        out.append(QVariantMap{{QStringLiteral("id"), qs(form.id)},
                               {QStringLiteral("title"), labels::localized(form.title)},
                               {QStringLiteral("version"), QVariant::fromValue(form.version)}});
    return out;
}

QVariantList AppStore::formsFor(const QString& role, const QVariantMap& prefill) {
    QVariantList out;
    const auto who = kc::domain::roleFromCode(role.toStdString());
    if (!m_store || !who)
        return out;
    for (const auto& form : m_store->latestForms()) {
        if (!kc::domain::maySubmitForm(*who, form.id))
            continue;
        bool fits = true;
        for (const char* subject : {"facility", "project"})
            if (prefill.contains(QLatin1String(subject)))
                fits = fits && std::any_of(form.form->questions.begin(), form.form->questions.end(), [&](const auto& q) {
                           return q.type == kc::forms::QuestionType::Reference && q.registerName == subject;
                       });
        if (fits)
            out.append(QVariantMap{{QStringLiteral("id"), qs(form.id)},
                                   {QStringLiteral("title"), labels::localized(form.title)},
                                   {QStringLiteral("version"), QVariant::fromValue(form.version)}});
    }
    return out;
}

QString AppStore::registerFacility(const QVariantMap& fields) {
    if (!m_store) {
        setError(tr("The data on this device is not open."));
        return {};
    }
    QVariantMap clean;
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        // Empty optional fields are left out rather than sent as "".
        if (it.value().isNull() || (it.value().typeId() == QMetaType::QString &&
                                    it.value().toString().trimmed().isEmpty()))
            continue;
        clean.insert(it.key(), it.value());
    }
    const QString id = qs(kc::Uuid::v7().toString());
    clean.insert(QStringLiteral("id"), id);
    try {
        const auto data = fromMap(clean);
        (void)kc::domain::facilityFromJson(data); // the server's rules, checked before storing
        m_store->putFacility(data, true);
    } catch (const kc::json::JsonError& e) {
        setError(tr("The facility was not saved: %1").arg(qs(e.what())));
        return {};
    } catch (const std::exception& e) {
        setError(tr("The facility was not saved: %1").arg(qs(e.what())));
        return {};
    }
    clearError();
    return id;
}
