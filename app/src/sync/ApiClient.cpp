#include "sync/ApiClient.hpp"

#include <algorithm>

#include "kc/codec/Gzip.hpp"
#include "kc/json/Json.hpp"

#include <QCoreApplication>

ApiClient::ApiClient(QObject* parent) : QObject(parent) {}

QNetworkRequest ApiClient::makeRequest(const QString& path) const {
    QUrl url = m_base;
    const QUrl relative(path);
    url.setPath(url.path().chopped(url.path().endsWith(QLatin1Char('/')) ? 1 : 0) + relative.path());
    url.setQuery(relative.query());
    QNetworkRequest request(url);
    request.setTransferTimeout(m_timeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token);
    if (!m_acceptCompressed)
        request.setRawHeader("Accept-Encoding", "identity");
    return request;
}

void ApiClient::getJson(QObject* owner, const QString& path, Done done) {
    track(owner, m_network.get(makeRequest(path)), std::move(done));
}

void ApiClient::sendJson(QObject* owner, const QByteArray& verb, const QString& path,
                         const boost::json::value& body, Done done) {
    sendText(owner, verb, path, QByteArray::fromStdString(kc::json::serialize(body)), std::move(done));
}

void ApiClient::sendText(QObject* owner, const QByteArray& verb, const QString& path, const QByteArray& text,
                         Done done) {
    QNetworkRequest request = makeRequest(path);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QStringLiteral("application/json; charset=utf-8"));
    // JSON shrinks four to six times under gzip: on a 64 kbit/s link a push of 20 surveys
    // goes up in 2 s, not 9. A server that does not take gzip (415 unsupported_encoding) gets
    // this request again as it is, and every later one.
    const bool compress = m_compressRequests && text.size() >= kCompressFrom;
    if (!compress) {
        track(owner, m_network.sendCustomRequest(request, verb, text), std::move(done));
        return;
    }
    request.setRawHeader("Content-Encoding", "gzip");
    const std::string packed = kc::codec::gzip(std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
    track(owner, m_network.sendCustomRequest(request, verb, QByteArray::fromStdString(packed)),
          [this, owner = QPointer<QObject>(owner), verb, path, text, done = std::move(done)](const ApiResult& r) mutable {
              if (r.status == 415 && r.errorCode == QLatin1String("unsupported_encoding") && owner) {
                  m_compressRequests = false;
                  sendText(owner, verb, path, text, std::move(done));
                  return;
              }
              done(r);
          });
}

void ApiClient::sendBytes(QObject* owner, const QByteArray& verb, const QString& path, const QByteArray& bytes,
                          const QList<QPair<QByteArray, QByteArray>>& headers, Done done, Progress progress,
                          int timeoutMs) {
    QNetworkRequest request = makeRequest(path);
    if (timeoutMs > 0)
        request.setTransferTimeout(timeoutMs);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QStringLiteral("application/offset+octet-stream"));
    for (const auto& [name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply* reply = m_network.sendCustomRequest(request, verb, bytes);
    if (progress)
        connect(reply, &QNetworkReply::uploadProgress, this, [progress = std::move(progress)](qint64 sent, qint64) {
            progress(sent);
        });
    track(owner, reply, std::move(done));
}

void ApiClient::cancel(const QObject* owner) {
    QList<QPointer<QNetworkReply>> abandoned;
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (it->owner == owner || !it->owner) {
            abandoned.append(it->reply);
            it = m_pending.erase(it);
        } else {
            ++it;
        }
    }
    for (const auto& reply : abandoned)
        if (reply) {
            reply->disconnect(this);
            reply->abort();
            reply->deleteLater();
        }
}

bool ApiClient::busy(const QObject* owner) const {
    return std::any_of(m_pending.begin(), m_pending.end(),
                       [owner](const Pending& p) { return p.owner == owner; });
}

void ApiClient::track(QObject* owner, QNetworkReply* reply, Done done) {
    m_pending.append({reply, owner});
    connect(reply, &QNetworkReply::uploadProgress, this,
            [this, owner = QPointer<QObject>(owner)](qint64 sent, qint64 total) {
                if (owner)
                    emit uploadProgress(owner, sent, total);
            });
    // An owner that goes away takes its requests with it.
    connect(owner, &QObject::destroyed, reply, [this, reply] {
        m_pending.removeIf([reply](const Pending& p) { return p.reply == reply; });
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    });
    const QByteArray token = m_token;
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, owner = QPointer<QObject>(owner), token, done = std::move(done)] {
        m_pending.removeIf([reply](const Pending& p) { return p.reply == reply; });
        reply->deleteLater();
        if (!owner)
            return;
        ApiResult result;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.network = reply->error();
        // An answer cut after its headers (the signal lost mid-page, a stall timeout) keeps
        // their status, 200 often: it is no answer, to be asked again, not a body to read.
        if (result.network != QNetworkReply::NoError &&
            (result.network < QNetworkReply::ContentAccessDenied || result.network == QNetworkReply::ProtocolFailure))
            result.status = 0;
        result.raw = reply->readAll();
        if (reply->hasRawHeader("Upload-Offset"))
            result.uploadOffset = reply->rawHeader("Upload-Offset").toLongLong();
        if (reply->hasRawHeader("Retry-After"))
            result.retryAfter = reply->rawHeader("Retry-After").toInt();
        if (!result.raw.isEmpty()) {
            try {
                result.body = kc::json::parse(result.raw.toStdString());
            } catch (const std::exception&) {
                result.body = nullptr;
            }
        }
        if (const auto* object = result.body.if_object())
            if (const auto* error = object->if_contains("error"); error && error->is_object()) {
                if (const auto* code = error->get_object().if_contains("code"); code && code->is_string())
                    result.errorCode = QString::fromUtf8(code->get_string().data(),
                                                         static_cast<qsizetype>(code->get_string().size()));
            }
        if (result.status == 0 && result.network == QNetworkReply::NoError)
            result.network = QNetworkReply::UnknownNetworkError;
        if (!result.ok())
            result.message = describe(result, m_base);
        done(result);
        // The token it carried has ended; one sent before a newer sign-in says nothing of it.
        if (result.signInNeeded() && !token.isEmpty() && token == m_token)
            emit signInRejected(result.message);
    });
}

QString ApiClient::describe(const ApiResult& r, const QUrl& server) {
    const QString host = server.toString(QUrl::RemoveUserInfo);
    if (r.status == 0)
        return QCoreApplication::translate("ApiClient", "Cannot reach the server at %1. Your work is "
                                                        "kept on this device and will be sent later.")
            .arg(host);
    const QString& code = r.errorCode;
    if (code == QLatin1String("invalid_credentials"))
        return QCoreApplication::translate("ApiClient", "Wrong username or password.");
    if (code == QLatin1String("invalid_code"))
        return QCoreApplication::translate(
            "ApiClient", "This enrollment code is unknown, already used or expired. Ask for a new one.");
    if (code == QLatin1String("account_disabled"))
        return QCoreApplication::translate("ApiClient", "This account is disabled. Ask the centre.");
    if (code == QLatin1String("token_expired") || code == QLatin1String("token_revoked") ||
        code == QLatin1String("unauthorized"))
        return QCoreApplication::translate("ApiClient", "Your sign-in has ended. Sign in again: "
                                                        "nothing on this device is lost.");
    if (code == QLatin1String("rate_limited"))
        return QCoreApplication::translate("ApiClient", "Too many attempts. Try again in %n second(s).",
                                           nullptr, r.retryAfter);
    const int waitSeconds = std::max(1, r.retryAfter);
    if (code == QLatin1String("busy"))
        return QCoreApplication::translate("ApiClient", "The server is busy. Your work is kept on this "
                                                        "device; it is sent again in %n second(s).",
                                           nullptr, waitSeconds);
    if (code == QLatin1String("storage_full"))
        return QCoreApplication::translate("ApiClient", "The server's storage is full, so nothing was "
                                                        "sent. Your work is kept on this device; tell the centre.");
    if (code == QLatin1String("forbidden"))
        return QCoreApplication::translate("ApiClient", "Your account may not do this.");
    if (code == QLatin1String("quota_exceeded"))
        return QCoreApplication::translate("ApiClient", "Your space on the server for photos is full. "
                                                        "Ask the centre.");
    if (code == QLatin1String("attachment_too_large"))
        return QCoreApplication::translate("ApiClient", "A photo is too large for the server.");
    if (r.status >= 500)
        return QCoreApplication::translate("ApiClient", "The server failed (HTTP %1). Try again later.")
            .arg(r.status);
    // Otherwise the server's own words, which name the field.
    if (const auto* object = r.body.if_object())
        if (const auto* error = object->if_contains("error"); error && error->is_object())
            if (const auto* message = error->get_object().if_contains("message");
                message && message->is_string())
                return QString::fromStdString(std::string(message->get_string()));
    return QCoreApplication::translate("ApiClient", "The server answered HTTP %1.").arg(r.status);
}
