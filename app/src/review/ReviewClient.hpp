#pragma once

#include "sync/ApiClient.hpp"

#include "kc/protocol/Review.hpp"

#include <QObject>
#include <QPointer>
#include <QVariant>
#include <QtQml/qqmlregistration.h>

class AppStore;
Q_MOC_INCLUDE("store/AppStore.hpp")
class Session;
Q_MOC_INCLUDE("sync/Session.hpp")

//! The reviewer's console, online: the queue of submissions in the reviewer's provinces with
//! filters, one submission with every answer readable, its photos, the diff between its
//! revisions, and approve / return with a comment / reject (docs/protocol.md, "Review").
class ReviewClient : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Session* session READ session WRITE setSession NOTIFY sessionChanged)
    //! Forms and registers to label answers with (the reviewer's device pulls them too).
    Q_PROPERTY(AppStore* store READ store WRITE setStore NOTIFY storeChanged)
    //! Filters of the queue: state ("submitted" by default), form id, province, and dates
    //! "YYYY-MM-DD"; "" leaves one out.
    Q_PROPERTY(QVariantMap filters READ filters WRITE setFilters NOTIFY filtersChanged)
    //! The queue: heads plus form_title and subject.
    Q_PROPERTY(QVariantList queue READ queue NOTIFY queueChanged)
    Q_PROPERTY(bool hasMore READ hasMore NOTIFY queueChanged)
    //! The submission opened: its head, plus form_title, subject, officer, revisions and
    //! reviewable (whether a decision may be taken on it).
    Q_PROPERTY(QVariantMap current READ current NOTIFY currentChanged)
    //! The opened revision's answers as rows (see answers::readable); empty while it loads,
    //! and when the device does not hold its form (then nothing may be decided on it).
    Q_PROPERTY(QVariantList answers READ answers NOTIFY currentChanged)
    //! Changes from the revision before: [{path, label, before, after}].
    Q_PROPERTY(QVariantList changes READ changes NOTIFY currentChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)

public:
    explicit ReviewClient(QObject* parent = nullptr);

    Session* session() const { return m_session; }
    void setSession(Session* session);
    AppStore* store() const { return m_store; }
    void setStore(AppStore* store);
    QVariantMap filters() const { return m_filters; }
    void setFilters(const QVariantMap& filters);
    QVariantList queue() const { return m_queue; }
    bool hasMore() const { return !m_next.isEmpty(); }
    QVariantMap current() const { return m_current; }
    QVariantList answers() const { return m_answers; }
    QVariantList changes() const { return m_changes; }
    bool busy() const { return m_pending > 0; }
    QString errorString() const { return m_error; }

    //! Loads the queue's first page again.
    Q_INVOKABLE void refresh();
    Q_INVOKABLE void loadMore();
    Q_INVOKABLE void open(const QString& id);
    //! The file of an attachment of the opened submission (fetched once, then kept);
    //! empty until it has arrived (attachmentReady tells when).
    Q_INVOKABLE QUrl attachmentUrl(const QString& sha256);
    Q_INVOKABLE void approve();
    //! Returns the submission for correction; `comment` is required, `fields` may name the
    //! answers to fix.
    Q_INVOKABLE void returnForCorrection(const QString& comment, const QStringList& fields);
    Q_INVOKABLE void reject(const QString& comment);
    //! Whether `action` ("approve", "return", "reject") needs a comment (kc/protocol/Review).
    Q_INVOKABLE bool needsComment(const QString& action) const;

signals:
    void sessionChanged();
    void storeChanged();
    void filtersChanged();
    void queueChanged();
    void currentChanged();
    void busyChanged();
    void errorStringChanged();
    void attachmentReady(const QString& sha256);
    //! A decision was stored by the server ("approve", "return", "reject").
    void reviewed(const QString& id, const QString& action);

private:
    bool prepare();
    void request(const QString& path, ApiClient::Done done);
    void loadPage(bool append);
    void review(kc::protocol::ReviewAction action, const QString& comment, const QStringList& fields);
    void setError(const QString& message);
    QVariantMap describeHead(const boost::json::object& head);
    QString cacheFolder() const;

    QPointer<Session> m_session;
    QPointer<AppStore> m_store;
    QVariantMap m_filters{{QStringLiteral("state"), QStringLiteral("submitted")}};
    QVariantList m_queue;
    QString m_next;
    QString m_opening;  //!< the id last asked for by open()
    QVariantMap m_current;
    QVariantList m_answers;
    QVariantList m_changes;
    QSet<QString> m_fetching;
    int m_pending = 0;
    int m_generation = 0;
    QString m_error;
};
