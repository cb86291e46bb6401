#include "sync/Session.hpp"

#include "store/AppStore.hpp"

#include "kc/json/Json.hpp"

#include <QSysInfo>
#include <QUrlQuery>

namespace {
QString qs(const std::string& s) { return QString::fromStdString(s); }
} // namespace

Session::Session(QObject* parent) : QObject(parent) {
    connect(&m_api, &ApiClient::signInRejected, this, &Session::tokenRejected);
}

void Session::setStore(AppStore* store) {
    if (store == m_store)
        return;
    if (m_store)
        m_store->disconnect(this);
    m_store = store;
    if (m_store)
        connect(m_store, &AppStore::openedChanged, this, &Session::load);
    emit storeChanged();
    load();
}

void Session::load() {
    m_token.clear();
    m_username.clear();
    m_displayName.clear();
    m_role.clear();
    m_provinces.clear();
    m_userId.clear();
    if (m_store && m_store->local()) {
        auto* local = m_store->local();
        m_serverUrl = qs(local->meta("server_url").value_or(""));
        m_token = QByteArray::fromStdString(local->meta("token").value_or(""));
        if (auto user = local->meta("user")) {
            try {
                const boost::json::value parsed = kc::json::parse(*user);
                const kc::json::ObjectReader u(parsed, "user");
                m_userId = qs(u.string("id"));
                m_username = qs(u.string("username"));
                m_displayName = qs(u.optionalString("display_name").value_or(u.string("username")));
                m_role = qs(u.string("role"));
                for (const auto& p : u.array("provinces"))
                    if (p.is_string())
                        m_provinces << qs(std::string(p.get_string()));
            } catch (const std::exception&) {
                m_token.clear(); // an unreadable user: sign in again
            }
        }
    }
    m_api.setServer(QUrl(m_serverUrl));
    m_api.setToken(m_token);
    emit userChanged();
}

void Session::setError(const QString& message) {
    m_error = message;
    emit errorStringChanged();
    if (!message.isEmpty())
        emit signInFailed(message);
}

void Session::signIn(const QString& serverUrl, const QString& username, const QString& password) {
    if (username.trimmed().isEmpty() || password.isEmpty()) {
        setError(tr("Enter your username and password."));
        return;
    }
    boost::json::object body{{"username", username.trimmed().toStdString()},
                             {"password", password.toStdString()},
                             {"device", QSysInfo::prettyProductName().toStdString()}};
    authenticate(serverUrl, QStringLiteral("/v1/auth/sign-in"), body);
}

void Session::enroll(const QString& serverUrl, const QString& code) {
    QString server = serverUrl;
    QString typed = code.trimmed();
    // The QR code holds kcfield://enroll?server=<url>&code=<code>.
    if (const QUrl uri(typed); uri.scheme() == QLatin1String("kcfield")) {
        const QUrlQuery query(uri);
        typed = query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
        if (const QString s = query.queryItemValue(QStringLiteral("server"), QUrl::FullyDecoded);
            !s.isEmpty())
            server = s;
    }
    if (typed.isEmpty()) {
        setError(tr("Enter the enrollment code, or scan its QR code."));
        return;
    }
    boost::json::object body{{"code", typed.toStdString()},
                             {"device", QSysInfo::prettyProductName().toStdString()}};
    authenticate(server, QStringLiteral("/v1/auth/enroll"), body);
}

void Session::authenticate(const QString& serverUrl, const QString& path,
                           const boost::json::object& body) {
    const QUrl url = QUrl::fromUserInput(serverUrl.trimmed());
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        setError(tr("The server address \"%1\" is not valid; it looks like https://khuyencong.example.vn")
                     .arg(serverUrl));
        return;
    }
    if (!m_store || !m_store->local()) {
        setError(tr("The data on this device is not open."));
        return;
    }
    setError({});
    m_signIn.cancel(this);
    m_signIn.setServer(url);
    m_signIn.sendJson(this, "POST", path, body, [this, url](const ApiResult& result) {
        emit busyChanged();
        if (!result.ok()) {
            setError(result.message);
            return;
        }
        accept(url.toString(), result.body);
    });
    emit busyChanged();
}

void Session::accept(const QString& serverUrl, const boost::json::value& body) {
    try {
        const kc::json::ObjectReader answer(body, "sign-in");
        const auto user = answer.object("user");
        auto* local = m_store->local();
        // Unsent work belongs to whoever made it: it is sent under their account only.
        const auto previous = local->meta("user_id");
        if (previous && *previous != user.string("id") && m_store->unsentCount() > 0) {
            setError(tr("This device holds work by another account that has not been sent. "
                        "Sign in as that account first to send it."));
            return;
        }
        local->setMeta("server_url", serverUrl.toStdString());
        local->setMeta("token", answer.string("token"));
        local->setMeta("user", kc::json::serialize(user.object()));
        local->setMeta("user_id", user.string("id"));
        local->setMeta("role", user.string("role"));
        if (previous && *previous != user.string("id"))
            local->removeMeta("pull_cursor"); // another person's scope: start the registers afresh
    } catch (const std::exception& e) {
        setError(tr("The server's answer could not be read: %1").arg(qs(e.what())));
        return;
    }
    load();
}

bool Session::signOut(bool evenWithUnsentWork) {
    if (!m_store || !m_store->local())
        return false;
    if (!evenWithUnsentWork && m_store->unsentCount() > 0) {
        setError(tr("%n finished record(s) have not been sent yet. Sync first, or sign out anyway: "
                    "they stay on this device.", nullptr, m_store->unsentCount()));
        return false;
    }
    if (!m_token.isEmpty()) {
        m_api.sendJson(this, "POST", QStringLiteral("/v1/auth/sign-out"), boost::json::object{},
                       [](const ApiResult&) {}); // best effort: the token is forgotten anyway
    }
    m_store->local()->removeMeta("token");
    load();
    return true;
}

void Session::tokenRejected(const QString& message) {
    if (m_store && m_store->local())
        m_store->local()->removeMeta("token");
    load();
    setError(message);
}
