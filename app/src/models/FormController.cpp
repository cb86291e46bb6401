#include "models/FormController.hpp"

#include "models/AnswerPaths.hpp"
#include "models/Labels.hpp"
#include "models/AnswerSheet.hpp"
#include "store/AppStore.hpp"

#include "kc/forms/DraftMigration.hpp"
#include "kc/forms/References.hpp"
#include "kc/db/Transaction.hpp"
#include "kc/json/Json.hpp"

#include <algorithm>
#include <cstdlib>
#include <functional>

using kc::forms::Question;
using kc::forms::QuestionType;

FormController::FormController(QObject* parent) : QObject(parent) {
    connect(this, &FormController::loadedChanged, this, &FormController::recordChanged);
}

void FormController::setStore(AppStore* store) {
    if (store == m_store)
        return;
    m_store = store;
    emit storeChanged();
}

QString FormController::formId() const { return m_form ? qs(m_form->id) : QString(); }
QString FormController::formTitle() const {
    return m_form ? labels::localized(m_form->title) : QString();
}
int FormController::formVersion() const { return m_form ? static_cast<int>(m_form->version) : 0; }

bool FormController::editable() const {
    return m_submission && (m_submission->state == kc::app::state::Draft ||
                            m_submission->state == kc::app::state::Returned);
}

QVariantList FormController::lostAnswers() const {
    QVariantList out;
    if (!m_submission)
        return out;
    for (const auto& lost : m_submission->lostAnswers)
        if (const auto* o = lost.if_object()) {
            QVariantMap item = answers::toVariant(*o).toMap();
            item[QStringLiteral("label")] =
                o->contains("label") && o->at("label").is_object()
                    ? labels::localized(o->at("label").get_object()) : QString();
            item[QStringLiteral("reason")] =
                o->contains("reason") && o->at("reason").is_object()
                    ? labels::localized(o->at("reason").get_object()) : QString();
            out << item;
        }
    return out;
}

QString FormController::reviewComment() const {
    return m_submission && m_submission->reviewComment ? qs(*m_submission->reviewComment) : QString();
}

QStringList FormController::reviewFields() const {
    QStringList out;
    if (m_submission)
        for (const auto& f : m_submission->reviewFields)
            out << qs(f);
    return out;
}

QString FormController::syncError() const {
    return m_submission && m_submission->syncError ? labels::syncErrorText(*m_submission->syncError)
                                                   : QString();
}

void FormController::setError(const QString& message) {
    m_error = message;
    emit errorStringChanged();
}

bool FormController::begin(const QString& formId, const QVariantMap& prefill) {
    if (!m_store || !m_store->local()) {
        setError(tr("The data on this device is not open."));
        return false;
    }
    auto& local = *m_store->local();
    const auto form = local.latestForm(formId.toStdString());
    if (!form) {
        setError(tr("The form \"%1\" is not on this device yet. Sync first.").arg(formId));
        return false;
    }
    boost::json::object initial;
    for (auto it = prefill.begin(); it != prefill.end(); ++it)
        if (const Question* q = form->form->find(it.key().toStdString()))
            if (auto v = answers::fromVariant(*q, it.value()); !v.is_null())
                initial[q->name] = std::move(v);
    try {
        const std::string id = local.createDraft(formId.toStdString(), initial);
        return load(id);
    } catch (const std::exception& e) {
        setError(tr("Cannot start the form: %1").arg(qs(e.what())));
        return false;
    }
}

bool FormController::open(const QString& submissionId) {
    if (!m_store || !m_store->local()) {
        setError(tr("The data on this device is not open."));
        return false;
    }
    return load(submissionId.toStdString());
}

bool FormController::load(const std::string& id) {
    auto& local = *m_store->local();
    try {
        auto submission = local.submission(id);
        if (!submission) {
            setError(tr("This record is no longer on the device."));
            return false;
        }
        // A plain draft moves to the newest version of its form; a correction stays on the
        // version the reviewer saw.
        if (submission->state == kc::app::state::Draft && !submission->revision) {
            auto latest = local.latestForm(submission->formId);
            auto current = local.formVersion(submission->formId, submission->formVersion);
            if (latest && current && latest->version > current->version) {
                const auto migrated = kc::forms::migrateDraft(*current->form, *latest->form,
                                                              submission->answers);
                boost::json::array lost;
                for (const auto& l : migrated.lost)
                    lost.push_back(boost::json::object{
                        {"path", l.path},
                        {"label", {{"vi", l.label.vi}, {"en", l.label.en}}},
                        {"value", l.value},
                        {"reason", {{"vi", l.reason.vi}, {"en", l.reason.en}}}});
                local.upgradeDraft(id, latest->version, migrated.answers, lost);
                submission = local.submission(id);
            }
        }
        auto form = local.formVersion(submission->formId, submission->formVersion);
        if (!form) {
            setError(tr("The form of this record (%1, version %2) is not on this device.")
                         .arg(qs(submission->formId)).arg(submission->formVersion));
            return false;
        }
        m_submission = std::move(submission);
        m_form = std::move(form);
    } catch (const std::exception& e) {
        setError(tr("Cannot open this record: %1").arg(qs(e.what())));
        return false;
    }
    m_touched.clear();
    m_showAll = false;
    m_missing.clear();
    if (!m_error.isEmpty())
        setError({});
    evaluate();
    emit loadedChanged();
    return true;
}

kc::forms::ValidationOptions FormController::options() {
    kc::forms::ValidationOptions o;
    o.reportHidden = true;
    o.reportChoices = true;
    o.reportRequired = true;
    auto* local = m_store->local();
    o.registers.exists = [local](std::string_view reg, std::string_view id) {
        return reg == "facility" ? local->facility(std::string(id)).has_value()
                                 : local->project(std::string(id)).has_value();
    };
    o.registers.value = [local](std::string_view reg, std::string_view id,
                                std::string_view column) -> std::optional<std::string> {
        boost::json::object data;
        if (reg == "facility") {
            if (auto f = local->facility(std::string(id)))
                data = std::move(f->data);
        } else if (auto p = local->project(std::string(id))) {
            data = std::move(p->data);
        }
        const auto* v = data.if_contains(column);
        if (!v || v->is_null())
            return std::nullopt;
        return v->is_string() ? std::string(v->get_string()) : kc::json::serialize(*v);
    };
    return o;
}

void FormController::evaluate() {
    m_result = kc::forms::validateSubmission(*m_form->form, m_submission->answers, options());
    m_hidden.clear();
    for (const auto& h : m_result.hidden)
        m_hidden.insert(qs(h));
    m_requiredNow.clear();
    for (const auto& r : m_result.requiredNow)
        m_requiredNow.insert(qs(r));
    m_messages.clear();
    for (const auto& e : m_result.errors) {
        const QString path = qs(e.path);
        if (!m_messages.contains(path))
            m_messages.insert(path, labels::localized(e.message));
    }
    rebuildFields();
}

QVariant FormController::answer(const QString& path) const {
    if (!m_submission)
        return {};
    const auto parsed = answers::parsePath(path.toStdString());
    if (!parsed)
        return {};
    // Calculations show their computed value.
    if (const auto* computed = answers::find(m_result.answers, *parsed);
        computed && m_form->form->find(parsed->back().name) &&
        m_form->form->find(parsed->back().name)->calculate)
        return answers::toVariant(*computed);
    const auto* v = answers::find(m_submission->answers, *parsed);
    return v ? answers::toVariant(*v) : QVariant();
}

bool FormController::ensureEditable() {
    if (!m_submission) {
        setError(tr("No form is open."));
        return false;
    }
    if (m_submission->state == kc::app::state::Returned) {
        try {
            m_store->local()->beginCorrection(m_submission->id);
            m_submission = m_store->local()->submission(m_submission->id);
            emit recordChanged();
        } catch (const std::exception& e) {
            setError(qs(e.what()));
            return false;
        }
    }
    if (m_submission->state != kc::app::state::Draft) {
        setError(tr("This record has been finalized and cannot be changed here."));
        return false;
    }
    return true;
}

bool FormController::setAnswer(const QString& path, const QVariant& value) {
    if (!ensureEditable())
        return false;
    const auto parsed = answers::parsePath(path.toStdString());
    const Question* q = parsed ? m_form->form->find(parsed->back().name) : nullptr;
    if (!q || !kc::forms::holdsAnswer(q->type) || q->calculate) {
        setError(tr("There is no question \"%1\" to answer in this form.").arg(path));
        return false;
    }
    boost::json::object* parent = answers::parentOf(m_submission->answers, *parsed);
    if (!parent) {
        setError(tr("There is no entry at \"%1\".").arg(path));
        return false;
    }
    auto json = answers::fromVariant(*q, value);
    if (json.is_null())
        parent->erase(q->name);
    else
        (*parent)[q->name] = std::move(json);
    m_touched.insert(path);
    return saveDraft();
}

bool FormController::isRelevant(const QString& path) const { return !m_hidden.contains(path); }

QString FormController::messageFor(const QString& path) const {
    if (!m_showAll && !m_touched.contains(path))
        return {};
    return m_messages.value(path);
}

int FormController::addEntry(const QString& repeatPath) {
    if (!ensureEditable())
        return -1;
    auto parsed = answers::parsePath(repeatPath.toStdString());
    const Question* q = parsed ? m_form->form->find(parsed->back().name) : nullptr;
    boost::json::object* parent = q ? answers::parentOf(m_submission->answers, *parsed) : nullptr;
    if (!q || q->type != QuestionType::Repeat || !parent) {
        setError(tr("There is no repeat \"%1\" in this form.").arg(repeatPath));
        return -1;
    }
    auto& slot = (*parent)[q->name];
    if (!slot.is_array())
        slot = boost::json::array{};
    slot.get_array().push_back(boost::json::object{});
    const int index = static_cast<int>(slot.get_array().size()) - 1;
    m_touched.insert(repeatPath);
    return saveDraft() ? index : -1;
}

bool FormController::removeEntry(const QString& repeatPath, int index) {
    if (!ensureEditable())
        return false;
    auto parsed = answers::parsePath(repeatPath.toStdString());
    const Question* q = parsed ? m_form->form->find(parsed->back().name) : nullptr;
    boost::json::object* parent = q ? answers::parentOf(m_submission->answers, *parsed) : nullptr;
    auto* list = parent ? parent->if_contains(q->name) : nullptr;
    if (!list || !list->is_array() || index < 0 ||
        static_cast<std::size_t>(index) >= list->get_array().size()) {
        setError(tr("There is no entry %1 in \"%2\".").arg(index + 1).arg(repeatPath));
        return false;
    }
    auto& entries = list->get_array();
    entries.erase(entries.begin() + index);
    if (entries.empty())
        parent->erase(q->name);
    m_touched.insert(repeatPath);
    return saveDraft();
}

bool FormController::saveDraft() {
    if (!ensureEditable())
        return false;
    try {
        m_store->local()->saveDraft(m_submission->id, m_submission->answers);
    } catch (const std::exception& e) {
        setError(tr("The draft could not be saved: %1").arg(qs(e.what())));
        return false;
    }
    evaluate();
    return true;
}

bool FormController::check() {
    if (!m_submission || !m_form) {
        setError(tr("No form is open."));
        return false;
    }
    evaluate();
    m_showAll = true;
    m_missing.clear();
    if (!m_result.ok()) {
        for (const auto& e : m_result.errors) {
            const auto parsed = answers::parsePath(e.path);
            const Question* q = parsed ? m_form->form->find(parsed->back().name) : nullptr;
            int page = 0;
            for (const auto& f : m_fields)
                if (f.toMap().value(QStringLiteral("path")).toString() == qs(e.path))
                    page = f.toMap().value(QStringLiteral("page")).toInt();
            m_missing << QVariantMap{{QStringLiteral("path"), qs(e.path)},
                                     {QStringLiteral("label"), q ? labels::localized(q->label) : qs(e.path)},
                                     {QStringLiteral("message"), labels::localized(e.message)},
                                     {QStringLiteral("code"), qs(e.code)},
                                     {QStringLiteral("page"), page}};
        }
    }
    rebuildFields();
    return m_result.ok();
}

QVariantList FormController::summary() const {
    if (!m_submission || !m_form || !m_store || !m_store->local())
        return {};
    return answers::readable(*m_form->form, m_submission->answers, m_store->local());
}

bool FormController::finalize() {
    if (!ensureEditable() || !check())
        return false;
    try {
        // What is sent is what the engine keeps: hidden answers dropped, calculations fresh.
        m_submission->answers = m_result.answers;
        auto& local = *m_store->local();
        const kc::app::LocalStore::ChangeGroup group(local);  // told once, after the commit
        kc::db::inTransaction(local.database(), [&] {
            local.saveDraft(m_submission->id, m_submission->answers);
            local.finalize(m_submission->id,
                           kc::forms::collectReferences(*m_form->form, m_result.answers).attachments);
        });
        m_submission = local.submission(m_submission->id);
    } catch (const std::exception& e) {
        setError(tr("The record could not be finalized: %1").arg(qs(e.what())));
        return false;
    }
    m_store->local()->removeMeta("draft_page:" + m_submission->id);
    emit loadedChanged();
    rebuildFields();
    emit finalized(qs(m_submission->id));
    return true;
}

int FormController::lastPage() {
    if (!m_submission || !m_store || !m_store->local())
        return 0;
    const auto page = m_store->local()->meta("draft_page:" + m_submission->id);
    return page ? std::clamp(std::atoi(page->c_str()), 0, std::max(0, pageCount() - 1)) : 0;
}

void FormController::rememberPage(int page) {
    if (m_submission && m_store && m_store->local() && m_submission->state == kc::app::state::Draft)
        m_store->local()->setMeta("draft_page:" + m_submission->id, std::to_string(std::max(0, page)));
}

bool FormController::backToDraft() {
    if (!m_submission || !m_store || !m_store->local())
        return false;
    try {
        m_store->local()->returnToDraft(m_submission->id);
        m_submission = m_store->local()->submission(m_submission->id);
    } catch (const std::exception&) {
        setError(tr("This record is already being sent; it can be corrected if the reviewer returns it."));
        return false;
    }
    m_showAll = false;
    emit loadedChanged();
    rebuildFields();
    return true;
}

bool FormController::discard() {
    if (!m_submission || !m_store || !m_store->local())
        return false;
    try {
        m_store->local()->deleteDraft(m_submission->id);
    } catch (const std::exception& e) {
        setError(qs(e.what()));
        return false;
    }
    m_submission.reset();
    m_form.reset();
    m_fields.clear();
    m_pageTitles.clear();
    emit loadedChanged();
    emit fieldsChanged();
    return true;
}

void FormController::rebuildFields() {
    m_fields.clear();
    m_pageTitles.clear();
    if (!m_form) {
        emit fieldsChanged();
        return;
    }
    const auto& form = *m_form->form;
    int page = -1;
    bool looseOpen = false; // a page gathering top-level questions outside groups

    // An unlabelled calculation is the form's own arithmetic: no row, and no page of its own.
    const auto unshown = [](const Question& q) { return q.calculate && labels::localized(q.label).isEmpty(); };
    std::function<void(int, const std::string&, int, const boost::json::object*)> add =
        [&](int index, const std::string& prefix, int depth, const boost::json::object* node) {
        const Question& q = form.questions[static_cast<std::size_t>(index)];
        if (unshown(q))
            return;
        const std::string path = prefix + q.name;
        const QString qpath = qs(path);
        QVariantMap item{{QStringLiteral("path"), qpath},
                         {QStringLiteral("name"), qs(q.name)},
                         {QStringLiteral("type"), qs(std::string(kc::forms::questionTypeName(q.type)))},
                         {QStringLiteral("label"), labels::localized(q.label)},
                         {QStringLiteral("hint"), labels::localized(q.hint)},
                         {QStringLiteral("required"), q.required || m_requiredNow.contains(qpath)},
                         {QStringLiteral("relevant"), !m_hidden.contains(qpath)},
                         {QStringLiteral("readOnly"), q.readOnly || q.calculate.has_value()},
                         {QStringLiteral("appearance"), qs(q.appearance)},
                         {QStringLiteral("depth"), depth},
                         {QStringLiteral("page"), page},
                         {QStringLiteral("message"), messageFor(qpath)}};
        if (q.type == QuestionType::Group) {
            item[QStringLiteral("kind")] = QStringLiteral("group");
            m_fields << item;
            for (int child : q.children)
                add(child, prefix, depth + 1, node);
            return;
        }
        if (q.type == QuestionType::Repeat) {
            item[QStringLiteral("kind")] = QStringLiteral("repeat");
            const auto* list = node ? node->if_contains(q.name) : nullptr;
            const std::size_t count = list && list->is_array() ? list->get_array().size() : 0;
            item[QStringLiteral("count")] = static_cast<int>(count);
            m_fields << item;
            for (std::size_t i = 0; i < count; ++i) {
                const std::string entryPath = path + "[" + std::to_string(i) + "]";
                const auto* entry = list->get_array()[i].if_object();
                // A summary to recognise the entry by: its first two answers in text.
                QStringList summary;
                for (int child : q.children) {
                    const auto& c = m_form->form->questions[static_cast<std::size_t>(child)];
                    const auto* v = entry ? entry->if_contains(c.name) : nullptr;
                    if (summary.size() < 2 && v && (v->is_string() || v->is_number()) &&
                        c.type != QuestionType::Photo && c.type != QuestionType::Signature)
                        summary << answers::toVariant(*v).toString();
                }
                m_fields << QVariantMap{{QStringLiteral("kind"), QStringLiteral("entry")},
                                        {QStringLiteral("summary"), summary.join(QStringLiteral(" · "))},
                                        {QStringLiteral("path"), qs(entryPath)},
                                        {QStringLiteral("repeat"), qpath},
                                        {QStringLiteral("index"), static_cast<int>(i)},
                                        {QStringLiteral("label"), labels::localized(q.label)},
                                        {QStringLiteral("depth"), depth + 1},
                                        {QStringLiteral("page"), page},
                                        {QStringLiteral("relevant"), !m_hidden.contains(qpath)}};
                for (int child : q.children)
                    add(child, entryPath + ".", depth + 2, entry);
            }
            return;
        }
        item[QStringLiteral("kind")] = QStringLiteral("question");
        const auto* v = node ? node->if_contains(q.name) : nullptr;
        if (q.calculate) {
            if (const auto parsed = answers::parsePath(path))
                v = answers::find(m_result.answers, *parsed);
        }
        item[QStringLiteral("value")] = v ? answers::toVariant(*v) : QVariant();
        if (q.choiceList >= 0) {
            QVariantList choices;
            // A choice_filter offers only the choices it lets through here.
            const auto allowed = m_result.choices.find(path);
            for (const auto& c : form.choiceLists[static_cast<std::size_t>(q.choiceList)].choices)
                if (allowed == m_result.choices.end() ||
                    std::find(allowed->second.begin(), allowed->second.end(), c.name) != allowed->second.end())
                choices << QVariantMap{{QStringLiteral("name"), qs(c.name)},
                                       {QStringLiteral("label"), labels::localized(c.label)}};
            item[QStringLiteral("choices")] = choices;
        }
        if (q.type == QuestionType::Reference)
            item[QStringLiteral("register")] = qs(q.registerName);
        if (q.type == QuestionType::Photo)
            item[QStringLiteral("multiple")] = q.multiple;
        m_fields << item;
    };

    for (int index : form.topLevel) {
        const Question& q = form.questions[static_cast<std::size_t>(index)];
        if (unshown(q))
            continue;
        if (q.type == QuestionType::Group || q.type == QuestionType::Repeat) {
            ++page;
            looseOpen = false;
            m_pageTitles << labels::localized(q.label);
        } else if (!looseOpen) {
            ++page;
            looseOpen = true;
            m_pageTitles << labels::localized(m_form->title);
        }
        add(index, "", 0, &m_submission->answers);
    }
    emit fieldsChanged();
}
