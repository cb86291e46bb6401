#pragma once

#include "store/LocalStore.hpp"

#include <QObject>
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
    //! Why the store could not be opened or an action failed, in the interface language.
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
    //! Submissions per device state ({"draft": 2, "queued": 1, ...}).
    Q_PROPERTY(QVariantMap counts READ counts NOTIFY submissionsChanged)
    //! Finalized work not yet acknowledged by the server (queued + sending).
    Q_PROPERTY(int unsentCount READ unsentCount NOTIFY submissionsChanged)

public:
    explicit AppStore(QObject* parent = nullptr);
    ~AppStore() override;

    QString path() const { return m_path; }
    void setPath(const QString& path);
    bool ready() const { return m_store != nullptr; }
    QString errorString() const { return m_error; }
    QVariantMap counts();
    int unsentCount();

    //! Opens path() (the default location when empty); true when it is ready.
    Q_INVOKABLE bool open();

    //! The store for C++ users; null until open() succeeded.
    kc::app::LocalStore* local() { return m_store.get(); }

    //! Writes bytes as an attachment file named by their SHA-256 and records it; returns the
    //! hash ("" and errorString on failure). Idempotent for the same bytes.
    QString addAttachment(const QByteArray& bytes, const QString& contentType);
    //! The attachment's file, for previews.
    Q_INVOKABLE QUrl attachmentUrl(const QString& sha256) const;

    void setError(const QString& message);
    void clearError();

signals:
    void openedChanged();
    void errorStringChanged();
    void formsChanged();
    void registersChanged();
    void submissionsChanged();

private:
    QString m_path;
    QString m_error;
    std::unique_ptr<kc::app::LocalStore> m_store;
};
