#pragma once

#include "sync/ApiClient.hpp"

#include <QObject>
#include <QPointer>
#include <QVariant>
#include <QtQml/qqmlregistration.h>

class Session;
Q_MOC_INCLUDE("sync/Session.hpp")

//! The programme report for reviewers and admins, online: the server adds up approved data
//! in the caller's provinces (docs/protocol.md, "Programme reports"); this fetches it for a
//! set of filters and saves it as CSV or an Excel workbook (both the server's) or as a printable
//! PDF (ReportPdf).
class ReportClient : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Session* session READ session WRITE setSession NOTIFY sessionChanged)
    //! provinces ("04,96"), from and to (a year or "YYYY-MM-DD"), source (national, local);
    //! "" leaves one out.
    Q_PROPERTY(QVariantMap filters READ filters WRITE setFilters NOTIFY filtersChanged)
    //! The report as the server sent it; empty until one has arrived.
    Q_PROPERTY(QVariantMap report READ report NOTIFY reportChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)

public:
    explicit ReportClient(QObject* parent = nullptr);

    Session* session() const { return m_session; }
    void setSession(Session* session);
    QVariantMap filters() const { return m_filters; }
    void setFilters(const QVariantMap& filters);
    QVariantMap report() const { return m_report; }
    bool busy() const { return m_pending > 0; }
    QString errorString() const { return m_error; }

    //! Fetches the report for the filters.
    Q_INVOKABLE void refresh();
    //! Saves the report of the filters as CSV at `path` (saved or failed tells how it went).
    Q_INVOKABLE void saveCsv(const QString& path);
    //! Saves the report of the filters as the server's Excel workbook (.xlsx) at `path`.
    Q_INVOKABLE void saveXlsx(const QString& path);
    //! Writes the report shown as a PDF at `path`; false (and errorString) when it cannot.
    Q_INVOKABLE bool savePdf(const QString& path);
    //! Where a saved report goes by default: Documents/KCField/bao-cao-khuyen-cong-….`extension`.
    Q_INVOKABLE QString suggestedPath(const QString& extension) const;

signals:
    void sessionChanged();
    void filtersChanged();
    void reportChanged();
    void busyChanged();
    void errorStringChanged();
    void saved(const QString& path);

private:
    bool prepare();
    //! Fetches `resource` (with the filters) and writes its bytes to `path` in one piece.
    void saveDownload(const QString& resource, const QString& path);
    QString query() const;
    void setError(const QString& message);

    QPointer<Session> m_session;
    QVariantMap m_filters;
    QVariantMap m_report;
    int m_pending = 0;
    int m_generation = 0;
    QString m_error;
};
