#pragma once

#include "store/LocalStore.hpp"

#include <QObject>
#include <QThreadPool>
#include <QVariant>
#include <QString>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <memory>

//! The device's offline store for QML and the other app objects: opens the SQLite file in
//! the app's data folder and tells its users what changed.
class AppStore : public QObject {
    Q_OBJECT
    QML_ELEMENT

    //! The database file; empty means the platform's app data folder. Set before use.
    Q_PROPERTY(QString path READ path WRITE setPath NOTIFY openedChanged)
    Q_PROPERTY(bool ready READ ready NOTIFY openedChanged)
    //! True while openInBackground() works.
    Q_PROPERTY(bool opening READ opening NOTIFY openingChanged)
    //! Why the store could not be opened or an action failed, in the interface language.
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
    //! Submissions per device state ({"draft": 2, "queued": 1, ...}).
    Q_PROPERTY(QVariantMap counts READ counts NOTIFY submissionsChanged)
    //! Finalized work not yet acknowledged by the server (queued + sending).
    Q_PROPERTY(int unsentCount READ unsentCount NOTIFY submissionsChanged)
    //! Bytes of photos and signatures that work waiting to be sent still has to send.
    Q_PROPERTY(double unsentBytes READ unsentBytes NOTIFY attachmentsChanged)

public:
    explicit AppStore(QObject* parent = nullptr);
    ~AppStore() override;

    QString path() const { return m_path; }
    void setPath(const QString& path);
    bool ready() const { return m_store != nullptr; }
    QString errorString() const { return m_error; }
    QVariantMap counts();
    int unsentCount();
    double unsentBytes();

    bool opening() const { return m_opening; }

    //! Opens path() (the default location when empty); true when it is ready.
    Q_INVOKABLE bool open();
    //! Opens path() on a worker thread, so the first frame is not kept waiting by the
    //! database (migrations, a large file); `ready` turns true, or errorString tells why not.
    Q_INVOKABLE void openInBackground();

    // What the screens show of one record; every map uses the wire's field names.
    //! A facility's fields plus pending, needs_review and sync_error; {} when unknown.
    Q_INVOKABLE QVariantMap facility(const QString& id);
    //! A project's fields plus beneficiary_names [{id, name}]; {} when unknown.
    Q_INVOKABLE QVariantMap project(const QString& id);
    //! The submissions about a facility or a project ("facility" / "project"), newest
    //! first: [{id, form_id, form_title, state, captured_at, revision}].
    Q_INVOKABLE QVariantList historyOf(const QString& key, const QString& id);
    //! The projects on this device (a collaborator's are the ones assigned to them) with the
    //! last progress reported on each: [{id, code, title, percent (absent when none),
    //! reported_at}], by code.
    Q_INVOKABLE QVariantList projectProgress();
    //! The newest version of every form on the device: [{id, title, version}].
    Q_INVOKABLE QVariantList forms();
    //! The forms a person in `role` may fill (kc::domain::maySubmitForm) that fit the record
    //! they start from: with `prefill` naming a "facility" or a "project", only forms that
    //! ask for one. [{id, title, version}], newest versions.
    Q_INVOKABLE QVariantList formsFor(const QString& role, const QVariantMap& prefill);
    //! Records a facility registered in the field (sent with the next sync); returns its new
    //! id, or "" with errorString naming what is wrong (nothing is stored then).
    Q_INVOKABLE QString registerFacility(const QVariantMap& fields);

    //! The store for C++ users; null until open() succeeded.
    kc::app::LocalStore* local() { return m_store.get(); }

    //! Writes bytes as an attachment file named by their SHA-256 and records it; returns the
    //! hash ("" and errorString on failure). Idempotent for the same bytes.
    //! `origin`: when and where a photo was taken ({"taken_at", "location"}), when known.
    QString addAttachment(const QByteArray& bytes, const QString& contentType,
                          const boost::json::object& origin = {});
    //! The attachment's file, for previews.
    Q_INVOKABLE QUrl attachmentUrl(const QString& sha256) const;

    void setError(const QString& message);
    void clearError();

signals:
    void openedChanged();
    void openingChanged();
    void errorStringChanged();
    void formsChanged();
    void registersChanged();
    void submissionsChanged();
    void attachmentsChanged();

private:
    QString m_path;
    QString m_error;
    void adopt(std::shared_ptr<kc::app::LocalStore> store, const QString& error);

    bool m_opening = false;
    std::unique_ptr<kc::app::LocalStore> m_store;
    QThreadPool m_opener;
};
