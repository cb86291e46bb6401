#include "sync/ServerHealth.hpp"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace {
constexpr int kRequestTimeoutMs = 8000;
}

ServerHealth::ServerHealth(QObject* parent) : QObject(parent) {
    m_timer.setInterval(0);
    connect(&m_timer, &QTimer::timeout, this, &ServerHealth::check);
}

void ServerHealth::setServerUrl(const QUrl& url) {
    if (url == m_serverUrl)
        return;
    m_serverUrl = url;
    emit serverUrlChanged();
    check();
}

void ServerHealth::setInterval(int milliseconds) {
    if (milliseconds == m_timer.interval())
        return;
    m_timer.setInterval(milliseconds);
    if (milliseconds > 0)
        m_timer.start();
    else
        m_timer.stop();
    emit intervalChanged();
}

void ServerHealth::check() {
    if (m_reply) {
        // Only the newest answer counts: an older reply must not overwrite it.
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    if (!m_serverUrl.isValid() || m_serverUrl.scheme().isEmpty() || m_serverUrl.host().isEmpty()) {
        settle(State::Unreachable, tr("The server address \"%1\" is not valid; it should look "
                                      "like http://192.168.1.10:8080")
                                       .arg(m_serverUrl.toString()));
        return;
    }
    QUrl url = m_serverUrl;
    url.setPath(url.path().endsWith(QLatin1Char('/')) ? url.path() + QStringLiteral("healthz")
                                                      : url.path() + QStringLiteral("/healthz"));
    QNetworkRequest request(url);
    request.setTransferTimeout(kRequestTimeoutMs);
    m_reply = m_network.get(request);
    QNetworkReply* reply = m_reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { finish(reply); });
    if (m_state != State::Checking) {
        m_state = State::Checking;
        emit stateChanged();
    }
}

void ServerHealth::finish(QNetworkReply* reply) {
    reply->deleteLater();
    if (reply != m_reply)
        return;
    m_reply = nullptr;
    if (reply->error() == QNetworkReply::OperationCanceledError) {
        settle(State::Unreachable, tr("The server did not answer within %1 seconds")
                                       .arg(kRequestTimeoutMs / 1000));
        return;
    }
    const QByteArray body = reply->readAll();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() != QNetworkReply::NoError && status == 0) {
        settle(State::Unreachable, tr("Cannot reach the server: %1").arg(reply->errorString()));
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const QJsonObject health = document.object();
    if (parseError.error != QJsonParseError::NoError || !health.contains(QStringLiteral("status"))) {
        settle(State::Unreachable,
               tr("The address answers, but not as a KCField server (HTTP %1)").arg(status));
        return;
    }
    m_serverVersion = health.value(QStringLiteral("version")).toString();
    m_schemaVersion =
        health.value(QStringLiteral("store")).toObject().value(QStringLiteral("schema_version")).toInt();
    if (health.value(QStringLiteral("status")).toString() != QStringLiteral("ok")) {
        settle(State::Unreachable, tr("The server is running but its data store is unavailable"));
        return;
    }
    settle(State::Reachable, QString());
}

void ServerHealth::settle(State state, const QString& error) {
    m_state = state;
    m_errorString = error;
    m_lastChecked = QDateTime::currentDateTime();
    emit stateChanged();
}
