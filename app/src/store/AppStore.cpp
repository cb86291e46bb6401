#include "store/AppStore.hpp"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>

AppStore::AppStore(QObject* parent) : QObject(parent) {}
AppStore::~AppStore() { m_opener.waitForDone(); }

void AppStore::setPath(const QString& path) {
    if (path == m_path)
        return;
    m_opener.waitForDone();
    m_path = path;
    m_store.reset();
    emit openedChanged();
}

namespace {
QString defaultPath() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/kcfield.sqlite3");
}

//! Opens (creating or migrating) the store; on failure the store is null and the error set.
std::shared_ptr<kc::app::LocalStore> openStore(const QString& path, QString& error) {
    try {
        auto store = std::make_shared<kc::app::LocalStore>(
            kc::app::LocalStore::open(path.toStdString()));
        // A push cut by a killed app is sent again: the server answers with its receipt.
        store->requeueSending();
        return store;
    } catch (const std::exception& e) {
        error = AppStore::tr("Cannot open the data on this device (%1): %2")
                    .arg(path, QString::fromStdString(e.what()));
        return nullptr;
    }
}
} // namespace

bool AppStore::open() {
    if (m_store)
        return true;
    if (m_path.isEmpty())
        m_path = defaultPath();
    QString error;
    adopt(openStore(m_path, error), error);
    return m_store != nullptr;
}

void AppStore::openInBackground() {
    if (m_store || m_opening)
        return;
    if (m_path.isEmpty())
        m_path = defaultPath();
    m_opening = true;
    emit openingChanged();
    m_opener.start([this, path = m_path] {
        QString error;
        auto store = openStore(path, error);
        // Queued to this object's thread; dropped by Qt if the object is gone by then (the
        // destructor waits for this job, so `this` is valid while it runs).
        QMetaObject::invokeMethod(this, [this, store, error] { adopt(store, error); },
                                  Qt::QueuedConnection);
    });
}

void AppStore::adopt(std::shared_ptr<kc::app::LocalStore> store, const QString& error) {
    const bool wasOpening = m_opening;
    m_opening = false;
    if (!store) {
        setError(error);
    } else if (!m_store) {
        // The SQLite connection moves to this thread: it is used by one thread at a time.
        m_store = std::make_unique<kc::app::LocalStore>(std::move(*store));
        // The store says what it changed; its users only change it.
        m_store->setChangeListener([this](unsigned changes) {
            if (changes & kc::app::FormsChanged)
                emit formsChanged();
            if (changes & kc::app::RegistersChanged)
                emit registersChanged();
            if (changes & kc::app::SubmissionsChanged)
                emit submissionsChanged();
            if (changes & (kc::app::SubmissionsChanged | kc::app::AttachmentsChanged))
                emit attachmentsChanged();
        });
        clearError();
        emit openedChanged();
        emit formsChanged();
        emit registersChanged();
        emit submissionsChanged();
        emit attachmentsChanged();
    }
    if (wasOpening)
        emit openingChanged();
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
    for (const std::string_view s : {kc::app::state::Queued, kc::app::state::Sending})
        if (auto it = counts.find(std::string(s)); it != counts.end())
            n += it->second;
    return static_cast<int>(n);
}

double AppStore::unsentBytes() {
    return m_store ? static_cast<double>(m_store->bytesToUpload()) : 0.0;
}

QString AppStore::addAttachment(const QByteArray& bytes, const QString& contentType,
                                const boost::json::object& origin) {
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
        m_store->putAttachment(sha.toStdString(), bytes.size(), contentType.toStdString(), origin);
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
