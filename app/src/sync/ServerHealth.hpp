#pragma once

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

class QNetworkReply;

//! Whether the sync server answers: polls GET /healthz and exposes what it says.
class ServerHealth : public QObject {
    Q_OBJECT
    QML_ELEMENT

    //! The server's base URL, e.g. http://127.0.0.1:8080. Setting it starts a check.
    Q_PROPERTY(QUrl serverUrl READ serverUrl WRITE setServerUrl NOTIFY serverUrlChanged)
    //! Where the last check stands.
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    //! The server's version, from its last good answer.
    Q_PROPERTY(QString serverVersion READ serverVersion NOTIFY stateChanged)
    //! The central store's schema version, from the last good answer (0 when unknown).
    Q_PROPERTY(int schemaVersion READ schemaVersion NOTIFY stateChanged)
    //! Why the last check failed, in the interface language ("" when it did not).
    Q_PROPERTY(QString errorString READ errorString NOTIFY stateChanged)
    //! When the last check finished.
    Q_PROPERTY(QDateTime lastChecked READ lastChecked NOTIFY stateChanged)
    //! Milliseconds between automatic checks; 0 turns them off.
    Q_PROPERTY(int interval READ interval WRITE setInterval NOTIFY intervalChanged)

public:
    enum class State { Unknown, Checking, Reachable, Unreachable };
    Q_ENUM(State)

    explicit ServerHealth(QObject* parent = nullptr);

    QUrl serverUrl() const { return m_serverUrl; }
    void setServerUrl(const QUrl& url);
    State state() const { return m_state; }
    QString serverVersion() const { return m_serverVersion; }
    int schemaVersion() const { return m_schemaVersion; }
    QString errorString() const { return m_errorString; }
    QDateTime lastChecked() const { return m_lastChecked; }
    int interval() const { return m_timer.interval(); }
    void setInterval(int milliseconds);

    //! Asks the server now; a check already under way is abandoned.
    Q_INVOKABLE void check();

signals:
    void serverUrlChanged();
    void stateChanged();
    void intervalChanged();

private:
    void finish(QNetworkReply* reply);
    void settle(State state, const QString& error);

    QNetworkAccessManager m_network;
    QPointer<QNetworkReply> m_reply;
    QTimer m_timer;
    QUrl m_serverUrl;
    State m_state = State::Unknown;
    QString m_serverVersion;
    int m_schemaVersion = 0;
    QString m_errorString;
    QDateTime m_lastChecked;
};
