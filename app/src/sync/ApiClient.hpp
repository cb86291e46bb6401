#pragma once

#include <boost/json/value.hpp>

#include <QByteArray>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <functional>

//! What one request to the sync server came back with.
struct ApiResult {
    int status = 0; //!< the HTTP status; 0 when no answer arrived
    QNetworkReply::NetworkError network = QNetworkReply::NoError;
    boost::json::value body; //!< the JSON body, null when there was none
    QByteArray raw;
    QString errorCode; //!< the server's error code ("invalid_credentials"), if any
    QString message;   //!< what went wrong, for a person, in the interface language
    qint64 uploadOffset = -1; //!< the Upload-Offset header, when present
    int retryAfter = 0;       //!< seconds, from Retry-After

    bool ok() const { return status >= 200 && status < 300; }
    //! No answer (no network, server down, cut connection, timeout): worth retrying later.
    bool noAnswer() const { return status == 0; }
    //! The sign-in is no longer good: the person must sign in again.
    bool signInNeeded() const { return status == 401; }
};

//! Requests to the sync server (docs/protocol.md) over Qt Network: JSON in and out, the
//! bearer token, a deadline on each transfer, and error bodies read into plain words.
//! Session owns the one the app signs in with, and every client (sync, review, reports)
//! makes its requests through it. Each request is made for an `owner`: cancel(owner)
//! abandons that owner's requests only, and no callback is called once its owner is gone.
class ApiClient : public QObject {
    Q_OBJECT
public:
    using Done = std::function<void(const ApiResult&)>;
    using Progress = std::function<void(qint64 sent)>;
    //! JSON bodies from this size on go up gzipped (docs/protocol.md, "Transport").
    static constexpr qsizetype kCompressFrom = 1024;

    explicit ApiClient(QObject* parent = nullptr);

    void setServer(const QUrl& base) { m_base = base; }
    QUrl server() const { return m_base; }
    void setToken(const QByteArray& token) { m_token = token; }
    //! Milliseconds a transfer may stall (no byte moving either way) before it is abandoned:
    //! a connection that went dead on a weak signal is given up in seconds, and the sync
    //! resumes on a new one.
    void setTimeout(int ms) { m_timeoutMs = ms; }
    //! Whether JSON bodies are sent gzipped (on until a server refuses them).
    bool compressesRequests() const { return m_compressRequests; }
    void setCompressRequests(bool on) { m_compressRequests = on; }
    //! Whether answers may come gzipped (Qt asks for gzip and inflates by itself); off sends
    //! `Accept-Encoding: identity`.
    void setAcceptCompressed(bool on) { m_acceptCompressed = on; }

    void getJson(QObject* owner, const QString& path, Done done);
    void sendJson(QObject* owner, const QByteArray& verb, const QString& path, const boost::json::value& body,
                  Done done);
    //! `progress`, when given, is told the bytes of the body handed to the network so far;
    //! `timeoutMs`, when given, replaces the stall timeout for this request.
    void sendBytes(QObject* owner, const QByteArray& verb, const QString& path, const QByteArray& bytes,
                   const QList<QPair<QByteArray, QByteArray>>& headers, Done done, Progress progress = {},
                   int timeoutMs = 0);
    //! Abandons the requests `owner` has under way; their callbacks are not called.
    void cancel(const QObject* owner);
    //! Whether `owner` has a request under way.
    bool busy(const QObject* owner) const;

    //! The words for an error code of the protocol, in the interface language.
    static QString describe(const ApiResult& result, const QUrl& server);

signals:
    //! Bytes of a request body `owner` sent so far, for progress.
    void uploadProgress(QObject* owner, qint64 sent, qint64 total);
    //! The server refused the token a request carried (401) while it is still the one held:
    //! the sign-in has ended. Emitted after the request's own callback.
    void signInRejected(const QString& message);

private:
    struct Pending {
        QPointer<QNetworkReply> reply;
        QPointer<QObject> owner;
    };

    QNetworkRequest makeRequest(const QString& path) const;
    void track(QObject* owner, QNetworkReply* reply, Done done);
    void sendText(QObject* owner, const QByteArray& verb, const QString& path, const QByteArray& text, Done done);

    QNetworkAccessManager m_network;
    QUrl m_base;
    QByteArray m_token;
    int m_timeoutMs = 10'000;
    bool m_compressRequests = true;
    bool m_acceptCompressed = true;
    QList<Pending> m_pending;
};
