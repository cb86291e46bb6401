#include "reports/ReportClient.hpp"

#include "models/AnswerPaths.hpp"
#include "reports/ReportPdf.hpp"
#include "store/AppStore.hpp"
#include "sync/Session.hpp"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUrlQuery>

ReportClient::ReportClient(QObject* parent) : QObject(parent) {}

void ReportClient::setSession(Session* session) {
    if (m_session == session)
        return;
    m_session = session;
    emit sessionChanged();
}

void ReportClient::setFilters(const QVariantMap& filters) {
    if (m_filters == filters)
        return;
    m_filters = filters;
    emit filtersChanged();
}

bool ReportClient::prepare() {
    if (!m_session || !m_session->signedIn()) {
        setError(tr("Sign in as a reviewer to see programme reports."));
        return false;
    }
    return true;
}

QString ReportClient::query() const {
    QUrlQuery query;
    for (const char* key : {"provinces", "from", "to", "source"}) {
        const QString value = m_filters.value(QString::fromLatin1(key)).toString().trimmed();
        if (!value.isEmpty())
            query.addQueryItem(QString::fromLatin1(key), value);
    }
    const QString text = query.toString(QUrl::FullyEncoded);
    return text.isEmpty() ? QString() : QStringLiteral("?") + text;
}

void ReportClient::refresh() {
    if (!prepare())
        return;
    const int generation = ++m_generation;  // a newer request makes older answers stale
    ++m_pending;
    emit busyChanged();
    m_session->api()->getJson(this, QStringLiteral("/v1/reports/programme.json") + query(), [this, generation](const ApiResult& r) {
        --m_pending;
        emit busyChanged();
        if (generation != m_generation)
            return;
        if (!r.ok() || !r.body.is_object()) {
            setError(r.ok() ? tr("The server sent a report that could not be read.") : r.message);
            return;
        }
        setError({});
        m_report = answers::toVariant(r.body).toMap();
        emit reportChanged();
    });
}

void ReportClient::saveCsv(const QString& path) {
    saveDownload(QStringLiteral("/v1/reports/programme.csv"), path);
}

void ReportClient::saveXlsx(const QString& path) {
    saveDownload(QStringLiteral("/v1/reports/programme.xlsx"), path);
}

void ReportClient::saveDownload(const QString& resource, const QString& path) {
    if (!prepare())
        return;
    ++m_pending;
    emit busyChanged();
    m_session->api()->getJson(this, resource + query(), [this, path](const ApiResult& r) {
        --m_pending;
        emit busyChanged();
        if (!r.ok()) {
            setError(r.message);
            return;
        }
        QDir().mkpath(QFileInfo(path).absolutePath());
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(r.raw) != r.raw.size() || !file.commit()) {
            setError(tr("Could not save %1: %2").arg(path, file.errorString()));
            return;
        }
        setError({});
        emit saved(path);
    });
}

bool ReportClient::savePdf(const QString& path) {
    if (m_report.isEmpty()) {
        setError(tr("Show a report before saving it."));
        return false;
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    const QString problem = reports::writePdf(m_report, path);
    if (!problem.isEmpty()) {
        setError(problem);
        return false;
    }
    setError({});
    emit saved(path);
    return true;
}

QString ReportClient::suggestedPath(const QString& extension) const {
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty())
        folder = QDir::homePath();
    const QVariantMap period = m_report.value(QStringLiteral("period")).toMap();
    QString name = QStringLiteral("bao-cao-khuyen-cong");
    if (!period.isEmpty())
        name += QStringLiteral("-%1-%2").arg(period.value(QStringLiteral("from")).toString(),
                                             period.value(QStringLiteral("to")).toString());
    return QDir(folder).filePath(QStringLiteral("KCField/") + name + QLatin1Char('.') + extension);
}

void ReportClient::setError(const QString& message) {
    if (m_error == message)
        return;
    m_error = message;
    emit errorStringChanged();
}
