#include "review/ReviewClient.hpp"

#include "kc/json/Json.hpp"
#include "kc/protocol/SubmissionHead.hpp"
#include "models/AnswerPaths.hpp"
#include "models/AnswerSheet.hpp"
#include "models/Labels.hpp"
#include "store/AppStore.hpp"
#include "sync/Session.hpp"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>
#include <QRegularExpression>
#include <QUrlQuery>

namespace {
QString qs(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

QString text(const boost::json::object& o, const char* key) {
    const auto* v = o.if_contains(key);
    return v && v->is_string() ? qs(v->get_string()) : QString();
}

QString valueText(const boost::json::value& v) {
    if (v.is_null())
        return {};
    if (v.is_string())
        return qs(v.get_string());
    if (v.is_double())
        return answers::formatDecimal(v.get_double());
    return QString::fromStdString(kc::json::serialize(v));
}
} // namespace

ReviewClient::ReviewClient(QObject* parent) : QObject(parent) {}

void ReviewClient::setSession(Session* session) {
    if (session == m_session)
        return;
    m_session = session;
    emit sessionChanged();
}

void ReviewClient::setStore(AppStore* store) {
    if (store == m_store)
        return;
    m_store = store;
    emit storeChanged();
}

void ReviewClient::setFilters(const QVariantMap& filters) {
    if (filters == m_filters)
        return;
    m_filters = filters;
    emit filtersChanged();
    refresh();
}

bool ReviewClient::prepare() {
    if (!m_session || !m_session->signedIn()) {
        setError(tr("Sign in as a reviewer to review submissions."));
        return false;
    }
    return true;
}

void ReviewClient::request(const QString& path, ApiClient::Done done) {
    if (!m_session)
        return;  // signed out of meanwhile
    ++m_pending;
    emit busyChanged();
    m_session->api()->getJson(this, path, [this, done = std::move(done)](const ApiResult& r) {
        --m_pending;
        emit busyChanged();
        done(r);
    });
}

QVariantMap ReviewClient::describeHead(const boost::json::object& wire) {
    QVariantMap out = answers::toVariant(boost::json::value(wire)).toMap();
    kc::protocol::SubmissionHead head;
    try {
        head = kc::protocol::readSubmissionHead(wire);
    } catch (const std::exception& e) {
        // Shown as far as it goes, and never decided on.
        setError(tr("The server's answer could not be read: %1").arg(qs(e.what())));
        out.insert(QStringLiteral("reviewable"), false);
        return out;
    }
    // Whether a decision may be taken on it: the protocol's rule, asked here for the screen.
    out.insert(QStringLiteral("reviewable"), kc::protocol::mayReview(head.state));
    QString title = qs(head.formId);
    if (m_store && m_store->local()) {
        if (auto form = m_store->local()->latestForm(head.formId))
            title = labels::localized(form->title);
        boost::json::object about;
        if (head.facilityId)
            about["facility"] = *head.facilityId;
        if (head.projectId)
            about["project"] = *head.projectId;
        out.insert(QStringLiteral("subject"), labels::subjectOf(*m_store->local(), about));
    }
    out.insert(QStringLiteral("form_title"), title);
    // Officers by their full name; the username where an older server gives none.
    out.insert(QStringLiteral("officer"), qs(head.ownerDisplayName.empty() ? head.ownerName : head.ownerDisplayName));
    return out;
}

void ReviewClient::refresh() { loadPage(false); }

void ReviewClient::loadMore() {
    if (!m_next.isEmpty())
        loadPage(true);
}

void ReviewClient::loadPage(bool append) {
    if (!prepare())
        return;
    QUrlQuery query;
    for (const char* key : {"state", "form", "province", "officer", "from", "to"}) {
        const QString value = m_filters.value(QLatin1String(key)).toString().trimmed();
        if (!value.isEmpty())
            query.addQueryItem(QLatin1String(key), value);
    }
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("50"));
    if (append)
        query.addQueryItem(QStringLiteral("before"), m_next);
    const int generation = ++m_generation;
    request(QStringLiteral("/v1/submissions?") + query.toString(QUrl::FullyEncoded),
            [this, append, generation](const ApiResult& r) {
                if (generation != m_generation)
                    return; // the filters changed meanwhile
                if (!r.ok()) {
                    setError(r.message);
                    return;
                }
                setError({});
                if (!append)
                    m_queue.clear();
                const auto& body = r.body.as_object();
                if (const auto* list = body.if_contains("submissions"); list && list->is_array())
                    for (const auto& head : list->get_array())
                        if (head.is_object())
                            m_queue.append(describeHead(head.get_object()));
                m_next = text(body, "next");
                emit queueChanged();
            });
}

void ReviewClient::open(const QString& id) {
    if (!prepare())
        return;
    // Nothing of the record shown before stays on screen while this one loads, and a reply
    // to an earlier open that arrives late is dropped: the screen shows one record only.
    m_opening = id;
    m_current.clear();
    m_answers.clear();
    m_changes.clear();
    emit currentChanged();
    request(QStringLiteral("/v1/submissions/%1").arg(id), [this, id](const ApiResult& r) {
        if (id != m_opening)
            return;
        if (!r.ok()) {
            setError(r.message);
            return;
        }
        setError({});
        const auto& body = r.body.as_object();
        m_current = describeHead(body);
        m_answers.clear();
        m_changes.clear();
        // The current revision's answers, read with the form version it was made on.
        const auto revision = body.if_contains("revision");
        const boost::json::object* answers = nullptr;
        std::int64_t formVersion = 0;
        if (const auto* revisions = body.if_contains("revisions"); revisions && revisions->is_array())
            for (const auto& rev : revisions->get_array()) {
                const auto& o = rev.as_object();
                if (revision && o.at("revision") == *revision) {
                    answers = o.at("answers").if_object();
                    formVersion = o.at("form_version").to_number<std::int64_t>();
                }
            }
        std::shared_ptr<const kc::forms::Form> form;
        if (m_store && m_store->local()) {
            const std::string formId = text(body, "form_id").toStdString();
            auto local = m_store->local()->formVersion(formId, formVersion);
            if (!local)
                local = m_store->local()->latestForm(formId);
            if (local)
                form = local->form;
        }
        if (answers && form)
            m_answers = answers::readable(*form, *answers, m_store->local());
        else
            setError(tr("The form of this record has not reached this device yet: sync, then open it again."));
        emit currentChanged();
        if (revision && revision->is_int64() && revision->get_int64() > 1)
            request(QStringLiteral("/v1/submissions/%1/diff").arg(id), [this, id, form](const ApiResult& d) {
                if (!d.ok() || id != m_opening || m_current.value(QStringLiteral("id")).toString() != id)
                    return;
                if (const auto* list = d.body.as_object().if_contains("changes"); list && list->is_array())
                    for (const auto& c : list->get_array()) {
                        const auto& o = c.as_object();
                        const QString path = text(o, "path");
                        QString label = path;
                        // Written as the answers are (dd/mm/yyyy, decimal comma, choice labels).
                        QString before = valueText(o.at("before")), after = valueText(o.at("after"));
                        if (form)
                            if (auto parsed = answers::parsePath(path.toStdString()))
                                if (const auto* q = form->find(parsed->back().name)) {
                                    label = labels::localized(q->label);
                                    if (kc::forms::holdsAnswer(q->type)) {
                                        auto* local = m_store ? m_store->local() : nullptr;
                                        before = answers::answerText(*form, *q, o.at("before"), local);
                                        after = answers::answerText(*form, *q, o.at("after"), local);
                                    }
                                }
                        m_changes.append(QVariantMap{
                            {QStringLiteral("path"), path},
                            {QStringLiteral("label"), label},
                            {QStringLiteral("before"), before},
                            {QStringLiteral("after"), after}});
                    }
                emit currentChanged();
            });
    });
}

QString ReviewClient::cacheFolder() const {
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) +
           QStringLiteral("/review");
}

QUrl ReviewClient::attachmentUrl(const QString& sha256) {
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    if (!hex.match(sha256).hasMatch())
        return {};
    // A photo the device holds itself needs no download.
    if (m_store && m_store->local() && m_store->local()->attachment(sha256.toStdString()))
        return m_store->attachmentUrl(sha256);
    const QString file = cacheFolder() + QLatin1Char('/') + sha256;
    if (QFile::exists(file))
        return QUrl::fromLocalFile(file);
    if (m_fetching.contains(sha256) || !prepare())
        return {};
    m_fetching.insert(sha256);
    request(QStringLiteral("/v1/attachments/%1/content").arg(sha256), [this, sha256, file](const ApiResult& r) {
        m_fetching.remove(sha256);
        if (!r.ok()) {
            setError(r.message);
            return;
        }
        QDir().mkpath(cacheFolder());
        QSaveFile out(file);
        if (out.open(QIODevice::WriteOnly) && out.write(r.raw) == r.raw.size() && out.commit())
            emit attachmentReady(sha256);
        else
            setError(tr("Cannot keep the photo (%1): %2").arg(file, out.errorString()));
    });
    return {};
}

void ReviewClient::approve() { review(kc::protocol::ReviewAction::Approve, {}, {}); }

void ReviewClient::returnForCorrection(const QString& comment, const QStringList& fields) {
    review(kc::protocol::ReviewAction::Return, comment, fields);
}

void ReviewClient::reject(const QString& comment) { review(kc::protocol::ReviewAction::Reject, comment, {}); }

bool ReviewClient::needsComment(const QString& action) const {
    const auto parsed = kc::protocol::parseReviewAction(action.toStdString());
    return !parsed || kc::protocol::needsComment(*parsed);
}

void ReviewClient::review(kc::protocol::ReviewAction action, const QString& comment, const QStringList& fields) {
    const QString id = m_current.value(QStringLiteral("id")).toString();
    if (id.isEmpty()) {
        setError(tr("Open a submission first."));
        return;
    }
    if (kc::protocol::needsComment(action) && !kc::protocol::isComment(comment.toStdString())) {
        setError(tr("Write a comment that tells the officer what to change or why."));
        return;
    }
    if (!prepare())
        return;
    boost::json::object body{{"action", kc::protocol::actionCode(action)},
                             {"revision", m_current.value(QStringLiteral("revision")).toLongLong()}};
    if (!comment.trimmed().isEmpty())
        body["comment"] = comment.trimmed().toStdString();
    if (!fields.isEmpty()) {
        boost::json::array list;
        for (const auto& f : fields)
            list.emplace_back(f.toStdString());
        body["fields"] = std::move(list);
    }
    ++m_pending;
    emit busyChanged();
    m_session->api()->sendJson(this, "POST", QStringLiteral("/v1/submissions/%1/review").arg(id), body,
                   [this, id, action](const ApiResult& r) {
                       --m_pending;
                       emit busyChanged();
                       if (!r.ok()) {
                           setError(r.message);
                           return;
                       }
                       setError({});
                       const QVariantMap head = describeHead(r.body.as_object());
                       // The screen may have moved to another record meanwhile: it keeps its own.
                       if (id == m_opening) {
                           m_current.insert(head);
                           emit currentChanged();
                       }
                       // Reviewed work leaves a queue filtered by state.
                       for (qsizetype i = 0; i < m_queue.size(); ++i)
                           if (m_queue[i].toMap().value(QStringLiteral("id")).toString() == id) {
                               const QString wanted = m_filters.value(QStringLiteral("state")).toString();
                               if (!wanted.isEmpty() && wanted != head.value(QStringLiteral("state")).toString())
                                   m_queue.removeAt(i);
                               else
                                   m_queue[i] = head;
                               break;
                           }
                       emit queueChanged();
                       emit reviewed(id, qs(kc::protocol::actionCode(action)));
                   });
}

void ReviewClient::setError(const QString& message) {
    if (message == m_error)
        return;
    m_error = message;
    emit errorStringChanged();
}
