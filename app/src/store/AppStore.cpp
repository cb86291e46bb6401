#include "store/AppStore.hpp"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>

AppStore::AppStore(QObject* parent) : QObject(parent) {}
AppStore::~AppStore() = default;

void AppStore::setPath(const QString& path) {
    if (path == m_path)
        return;
    m_path = path;
    m_store.reset();
    emit openedChanged();
}

bool AppStore::open() {
    if (m_store)
        return true;
    if (m_path.isEmpty())
        m_path = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                 QStringLiteral("/kcfield.sqlite3");
    try {
        m_store = std::make_unique<kc::app::LocalStore>(
            kc::app::LocalStore::open(m_path.toStdString()));
        // A push cut by a killed app is sent again: the server answers with its receipt.
        m_store->requeueSending();
    } catch (const std::exception& e) {
        setError(tr("Cannot open the data on this device (%1): %2")
                     .arg(m_path, QString::fromStdString(e.what())));
        return false;
    }
    emit openedChanged();
    emit formsChanged();
    emit registersChanged();
    emit submissionsChanged();
    return true;
}

QVariantMap AppStore::counts() {
    QVariantMap out;
    if (!m_store)
        return out;
    for (const auto& [name, count] : m_store->countByState())
        out.insert(QString::fromStdString(name), QVariant::fromValue(count));
    return out;
}

int AppStore::unsentCount() {
    if (!m_store)
        return 0;
    const auto counts = m_store->countByState();
    std::int64_t n = 0;
    for (const char* s : {kc::app::state::Queued, kc::app::state::Sending})
        if (auto it = counts.find(s); it != counts.end())
            n += it->second;
    return static_cast<int>(n);
}

QString AppStore::addAttachment(const QByteArray& bytes, const QString& contentType) {
    if (!m_store) {
        setError(tr("The data on this device is not open."));
        return {};
    }
    const QString sha =
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    const QString file =
        QString::fromStdString((m_store->attachmentFolder() / sha.toStdString()).string());
    if (!QFile::exists(file)) {
        // Written whole or not at all: a killed app never leaves half a photo under its hash.
        QSaveFile out(file);
        if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit()) {
            setError(tr("Cannot save the attachment (%1): %2").arg(file, out.errorString()));
            return {};
        }
    }
    try {
        m_store->putAttachment(sha.toStdString(), bytes.size(), contentType.toStdString());
    } catch (const std::exception& e) {
        setError(tr("Cannot record the attachment: %1").arg(QString::fromStdString(e.what())));
        return {};
    }
    return sha;
}

QUrl AppStore::attachmentUrl(const QString& sha256) const {
    if (!m_store)
        return {};
    return QUrl::fromLocalFile(
        QString::fromStdString((m_store->attachmentFolder() / sha256.toStdString()).string()));
}

void AppStore::setError(const QString& message) {
    m_error = message;
    emit errorStringChanged();
}

void AppStore::clearError() {
    if (m_error.isEmpty())
        return;
    m_error.clear();
    emit errorStringChanged();
}
