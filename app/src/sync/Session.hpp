#pragma once

#include "sync/ApiClient.hpp"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

class AppStore;
Q_MOC_INCLUDE("store/AppStore.hpp")

//! Who is signed in on this device: sign in with a password or an enrollment code, sign
//! out. The token and the user are kept in the device's store, so the app starts signed in.
class Session : public QObject {
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(AppStore* store READ store WRITE setStore NOTIFY storeChanged)
    Q_PROPERTY(bool signedIn READ signedIn NOTIFY userChanged)
    //! The server the device talks to (remembered from the last sign-in).
    Q_PROPERTY(QString serverUrl READ serverUrl NOTIFY userChanged)
    Q_PROPERTY(QString username READ username NOTIFY userChanged)
    Q_PROPERTY(QString displayName READ displayName NOTIFY userChanged)
    //! admin, reviewer, officer or collaborator.
    Q_PROPERTY(QString role READ role NOTIFY userChanged)
    Q_PROPERTY(QStringList provinces READ provinces NOTIFY userChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)

public:
    explicit Session(QObject* parent = nullptr);

    AppStore* store() const { return m_store; }
    void setStore(AppStore* store);
    bool signedIn() const { return !m_token.isEmpty(); }
    QString serverUrl() const { return m_serverUrl; }
    QString username() const { return m_username; }
    QString displayName() const { return m_displayName; }
    QString role() const { return m_role; }
    QStringList provinces() const { return m_provinces; }
    //! Signing in or enrolling is under way.
    bool busy() const { return m_signIn.busy(this); }
    QString errorString() const { return m_error; }
    //! The client every request of the signed-in person goes through (sync, review,
    //! reports): it holds the server and the token, and a token the server refuses ends the
    //! sign-in here (tokenRejected).
    ApiClient* api() { return &m_api; }
    QByteArray token() const { return m_token; }

    Q_INVOKABLE void signIn(const QString& serverUrl, const QString& username, const QString& password);
    //! `code` is the code as typed, or the whole kcfield://enroll?server=…&code=… of its QR
    //! code (which then also gives the server).
    Q_INVOKABLE void enroll(const QString& serverUrl, const QString& code);
    //! Signs out: the token is revoked on the server when it answers and forgotten here.
    //! Refused while finalized work is unsent, unless `discardUnsentWarning` is true.
    Q_INVOKABLE bool signOut(bool evenWithUnsentWork = false);
    //! The server refused the token (expired, revoked): forget it, keep every record.
    //! Called by the api() client when it sees that.
    void tokenRejected(const QString& message);

signals:
    void storeChanged();
    void userChanged();
    void busyChanged();
    void errorStringChanged();
    void signInFailed(const QString& message);

private:
    void load();
    void authenticate(const QString& serverUrl, const QString& path, const boost::json::object& body);
    void accept(const QString& serverUrl, const boost::json::value& body);
    void setError(const QString& message);

    QPointer<AppStore> m_store;
    ApiClient m_api;     //!< signed in: the token of the person
    ApiClient m_signIn;  //!< signing in: no token yet
    QByteArray m_token;
    QString m_serverUrl, m_userId, m_username, m_displayName, m_role;
    QStringList m_provinces;
    QString m_error;
};
