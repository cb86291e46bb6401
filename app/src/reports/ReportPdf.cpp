#include "reports/ReportPdf.hpp"

#include "kc/money/Money.hpp"

#include <QCoreApplication>
#include <QDate>
#include <QFile>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

#include <algorithm>
#include <functional>
#include <utility>

namespace reports {

namespace {

// The context lupdate gives tr() calls in this namespace.
QString tr(const char* text) { return QCoreApplication::translate("reports", text); }
QString billions(const QVariant& dong) { return QString::fromStdString(kc::money::formatBillions(dong.toLongLong())); }
QString count(const QVariant& value) { return QString::fromStdString(kc::money::groupThousands(value.toLongLong())); }
QString vnDate(const QString& iso) { return iso.mid(8, 2) + QLatin1Char('/') + iso.mid(5, 2) + QLatin1Char('/') + iso.left(4); }

//! Lays the report out top to bottom, starting a page when the next block does not fit.
class Layout {
public:
    Layout(QPdfWriter& writer, QPainter& painter) : m_writer(writer), m_painter(painter) {
        m_width = painter.viewport().width();
        m_height = painter.viewport().height();
        m_line = painter.fontMetrics().height() * 14 / 10;
    }
    void ensure(int height) {
        if (m_y + height > m_height) {
            m_writer.newPage();
            m_y = 0;
        }
    }
    void text(const QString& line, int pointSize = 10, bool bold = false, Qt::Alignment align = Qt::AlignLeft) {
        setFont(pointSize, bold);
        const QRect box(0, m_y, m_width, m_height);
        const QRect used = m_painter.boundingRect(box, int(align) | Qt::TextWordWrap, line);
        ensure(used.height());
        m_painter.drawText(QRect(0, m_y, m_width, used.height()), int(align) | Qt::TextWordWrap, line);
        m_y += used.height() + m_line / 4;
    }
    //! Two blocks side by side, each centred in its half (an administrative document's
    //! header: the issuing agency left, the national motto right; the signature block).
    void columns(const QList<std::pair<QString, bool>>& left, const QList<std::pair<QString, bool>>& right, int pointSize) {
        const int half = m_width / 2;
        const auto height = [&](const QList<std::pair<QString, bool>>& lines) {
            int h = 0;
            for (const auto& [line, bold] : lines) {
                setFont(pointSize, bold);
                h += m_painter.boundingRect(QRect(0, 0, half, m_height), Qt::AlignHCenter | Qt::TextWordWrap, line).height();
            }
            return h;
        };
        ensure(std::max(height(left), height(right)));
        const auto draw = [&](const QList<std::pair<QString, bool>>& lines, int x) {
            int y = m_y;
            for (const auto& [line, bold] : lines) {
                setFont(pointSize, bold);
                const QRect used = m_painter.boundingRect(QRect(x, y, half, m_height), Qt::AlignHCenter | Qt::TextWordWrap, line);
                m_painter.drawText(QRect(x, y, half, used.height()), Qt::AlignHCenter | Qt::TextWordWrap, line);
                y += used.height();
            }
            return y;
        };
        m_y = std::max(draw(left, 0), draw(right, half)) + m_line / 2;
    }
    //! A two-or-more-column table; the first column, the names, takes half the width, or a
    //! quarter when four figures or more share the rest.
    void table(const QStringList& header, const QList<QStringList>& rows) {
        setFont(9, false);
        const int columns = static_cast<int>(header.size());
        const int first = columns > 4 ? m_width / 4 : m_width / 2;
        const auto x = [&](int c) { return c == 0 ? 0 : first + (c - 1) * (m_width - first) / (columns - 1); };
        const auto row = [&](const QStringList& cells, bool heading) {
            const int height = heading && columns > 3 ? 2 * m_line : m_line;  // long headings wrap
            ensure(height);
            setFont(9, heading);
            for (int c = 0; c < columns; ++c) {
                const int right = c + 1 < columns ? x(c + 1) : m_width;
                m_painter.drawText(QRect(x(c) + 40, m_y, right - x(c) - 80, height),
                                   int(c == 0 ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter | Qt::TextWordWrap,
                                   cells.value(c));
                m_painter.drawRect(QRect(x(c), m_y, right - x(c), height));
            }
            m_y += height;
        };
        row(header, true);
        for (const auto& cells : rows)
            row(cells, false);
        m_y += m_line / 2;
    }
    //! Horizontal bars, one a label, scaled to the largest value.
    void bars(const QList<QPair<QString, qlonglong>>& values, const std::function<QString(qlonglong)>& caption) {
        qlonglong largest = 1;
        for (const auto& value : values)
            largest = std::max(largest, value.second);
        setFont(9, false);
        for (const auto& [label, value] : values) {
            ensure(m_line);
            m_painter.drawText(QRect(0, m_y, m_width / 4, m_line), Qt::AlignLeft | Qt::AlignVCenter, label);
            const int full = m_width / 2;
            const int length = static_cast<int>(static_cast<double>(full) * static_cast<double>(value) / static_cast<double>(largest));
            m_painter.fillRect(QRect(m_width / 4, m_y + m_line / 6, std::max(length, 2), m_line * 2 / 3), QColor(0, 121, 107));
            m_painter.drawText(QRect(m_width / 4 + length + 60, m_y, m_width / 4, m_line), Qt::AlignLeft | Qt::AlignVCenter,
                               caption(value));
            m_y += m_line;
        }
        m_y += m_line / 2;
    }

private:
    void setFont(int pointSize, bool bold) {
        QFont font = m_painter.font();
        font.setPointSize(pointSize);
        font.setBold(bold);
        m_painter.setFont(font);
    }

    QPdfWriter& m_writer;
    QPainter& m_painter;
    int m_width = 0, m_height = 0, m_line = 0, m_y = 0;
};

//! The Vietnamese name the server gives a code of `group` (funding_source, activity_type, status, level).
QString label(const QVariantMap& report, const char* group, const QString& code) {
    return report.value(QStringLiteral("labels")).toMap().value(QString::fromLatin1(group)).toMap().value(code, code).toString();
}

} // namespace

QString writePdf(const QVariantMap& report, const QString& path) {
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(20, 18, 15, 18), QPageLayout::Millimeter);
    writer.setResolution(600);
    writer.setTitle(tr("Report on the results of the industrial extension programme"));
    writer.setCreator(QStringLiteral("KCField"));
    QPainter painter;
    if (!painter.begin(&writer))
        return tr("Could not write %1: the file cannot be created there.").arg(path);
    Layout layout(writer, painter);

    QStringList provinces;
    for (const auto& province : report.value(QStringLiteral("provinces")).toList())
        provinces << province.toMap().value(QStringLiteral("name")).toString();
    const QVariantMap period = report.value(QStringLiteral("period")).toMap();
    const QVariantMap money = report.value(QStringLiteral("money")).toMap();
    const QVariantMap total = money.value(QStringLiteral("total")).toMap();
    const QVariantMap projects = report.value(QStringLiteral("projects")).toMap();
    const QVariantMap equipment = report.value(QStringLiteral("equipment")).toMap();
    const QVariantMap products = report.value(QStringLiteral("typical_products")).toMap();

    // The header a provincial report carries: the issuing agency, the national motto, the
    // place and date of issue.
    const QString province = provinces.size() == 1 ? provinces.front() : QString();
    layout.columns({{tr("DEPARTMENT OF INDUSTRY AND TRADE %1").arg(province.toUpper()).trimmed(), false},
                    {tr("INDUSTRIAL EXTENSION CENTRE"), true}},
                   {{tr("SOCIALIST REPUBLIC OF VIET NAM"), true}, {tr("Independence - Freedom - Happiness"), true}}, 10);
    const QDate today = QDate::currentDate();
    layout.text(tr("%1, day %2 month %3 year %4")
                    .arg(province.isEmpty() ? QStringLiteral("……") : province)
                    .arg(today.day(), 2, 10, QLatin1Char('0'))
                    .arg(today.month(), 2, 10, QLatin1Char('0'))
                    .arg(today.year()),
                10, false, Qt::AlignRight);
    layout.text(tr("REPORT ON THE RESULTS OF THE INDUSTRIAL EXTENSION PROGRAMME"), 14, true, Qt::AlignHCenter);
    layout.text(tr("Province: %1").arg(provinces.join(QStringLiteral(", "))), 11, true, Qt::AlignHCenter);
    layout.text(tr("Period: %1 to %2").arg(vnDate(period.value(QStringLiteral("from")).toString()),
                                           vnDate(period.value(QStringLiteral("to")).toString())),
                11, false, Qt::AlignHCenter);
    if (const QString source = report.value(QStringLiteral("funding_source")).toString(); !source.isEmpty())
        layout.text(tr("Funding source: %1").arg(label(report, "funding_source", source)), 11, false, Qt::AlignHCenter);

    layout.text(tr("1. Projects and funding"), 12, true);
    QList<QStringList> rows;
    rows << QStringList{tr("Projects carried out"), count(total.value(QStringLiteral("projects"))),
                        billions(total.value(QStringLiteral("extension_funding"))),
                        billions(total.value(QStringLiteral("counterpart_capital"))),
                        billions(total.value(QStringLiteral("investment_attracted")))};
    const QVariantMap bySource = money.value(QStringLiteral("by_funding_source")).toMap();
    for (const QString& source : {QStringLiteral("national"), QStringLiteral("local")}) {
        if (!bySource.contains(source))
            continue;
        const QVariantMap m = bySource.value(source).toMap();
        rows << QStringList{label(report, "funding_source", source), count(m.value(QStringLiteral("projects"))),
                            billions(m.value(QStringLiteral("extension_funding"))),
                            billions(m.value(QStringLiteral("counterpart_capital"))),
                            billions(m.value(QStringLiteral("investment_attracted")))};
    }
    // Not carried out, so not in the figures above: shown apart, as provincial reports do.
    const QVariantMap notCarriedOut = report.value(QStringLiteral("not_carried_out")).toMap();
    for (const auto& [key, text] : {std::pair{QStringLiteral("planned"), tr("Not started (planned)")},
                                    std::pair{QStringLiteral("cancelled"), tr("Cancelled")}}) {
        const QVariantMap m = notCarriedOut.value(key).toMap();
        rows << QStringList{text, count(m.value(QStringLiteral("projects"))),
                            billions(m.value(QStringLiteral("extension_funding"))),
                            billions(m.value(QStringLiteral("counterpart_capital"))),
                            billions(m.value(QStringLiteral("investment_attracted")))};
    }
    const QStringList moneyHeader{tr("Funding source"), tr("Projects"), tr("Extension funding"), tr("Counterpart capital"),
                                  tr("Investment attracted")};
    layout.table(moneyHeader, rows);

    layout.text(tr("2. By activity type"), 12, true);
    rows.clear();
    const QVariantMap byActivity = money.value(QStringLiteral("by_activity_type")).toMap();
    for (auto it = byActivity.begin(); it != byActivity.end(); ++it) {
        const QVariantMap m = it.value().toMap();
        rows << QStringList{label(report, "activity_type", it.key()), count(m.value(QStringLiteral("projects"))),
                            billions(m.value(QStringLiteral("extension_funding")))};
    }
    layout.table({tr("Activity type"), tr("Projects"), tr("Extension funding")}, rows);

    layout.text(tr("3. Extension funding by year"), 12, true);
    QList<QPair<QString, qlonglong>> yearly;
    const QVariantMap byYear = money.value(QStringLiteral("by_year")).toMap();
    for (auto it = byYear.begin(); it != byYear.end(); ++it)
        yearly << qMakePair(it.key(), it.value().toMap().value(QStringLiteral("extension_funding")).toLongLong());
    layout.bars(yearly, [](qlonglong dong) { return billions(dong); });

    layout.text(tr("4. Results"), 12, true);
    rows.clear();
    rows << QStringList{tr("Facilities supported"), count(report.value(QStringLiteral("facilities_supported")))}
         << QStringList{tr("Jobs created"), count(report.value(QStringLiteral("jobs_created")))}
         << QStringList{tr("People trained"), count(report.value(QStringLiteral("people_trained")))}
         << QStringList{tr("Facility participations in trade fairs"), count(report.value(QStringLiteral("fair_participations")))}
         << QStringList{tr("Equipment handed over (items)"), count(equipment.value(QStringLiteral("items")))}
         << QStringList{tr("Value of equipment handed over"), billions(equipment.value(QStringLiteral("value")))}
         << QStringList{tr("Site surveys"), count(report.value(QStringLiteral("surveys")))}
         << QStringList{tr("Monitoring visits"), count(report.value(QStringLiteral("monitoring_visits")))}
         << QStringList{tr("Progress reports"), count(report.value(QStringLiteral("progress_reports")))};
    layout.table({tr("Indicator"), tr("Result")}, rows);

    layout.text(tr("5. Typical rural industrial products recognised: %1 products of %2 facilities")
                    .arg(count(products.value(QStringLiteral("total"))), count(products.value(QStringLiteral("facilities")))),
                12, true);
    QList<QPair<QString, qlonglong>> levels;
    const QVariantMap byLevel = products.value(QStringLiteral("by_level")).toMap();
    for (const char* level : {"district", "provincial", "regional", "national"})
        levels << qMakePair(label(report, "level", QString::fromLatin1(level)), byLevel.value(QString::fromLatin1(level)).toLongLong());
    layout.bars(levels, [](qlonglong n) { return count(n); });

    const QVariantList noted = projects.value(QStringLiteral("stalled_or_cancelled")).toList();
    if (!noted.isEmpty()) {
        layout.text(tr("6. Stalled and cancelled projects"), 12, true);
        for (const auto& item : noted) {
            const QVariantMap p = item.toMap();
            layout.text(QStringLiteral("%1 — %2 (%3): %4")
                            .arg(p.value(QStringLiteral("code")).toString(), p.value(QStringLiteral("title")).toString(),
                                 label(report, "status", p.value(QStringLiteral("status")).toString()),
                                 p.value(QStringLiteral("reason")).toString()),
                        9);
        }
    }
    layout.text(tr("Figures from approved submissions and the project register; money in billions of đồng."), 8);
    // Where the head of the centre signs.
    layout.columns({{tr("Recipients:"), true}, {tr("- As above;"), false}, {tr("- Filed."), false}},
                   {{tr("DIRECTOR"), true}, {tr("(signature, full name and seal)"), false}, {QStringLiteral(" "), false},
                    {QStringLiteral(" "), false}, {QStringLiteral(" "), false}},
                   10);
    if (!painter.end())
        return tr("Could not finish writing %1.").arg(path);
    return QFile::exists(path) ? QString() : tr("Could not write %1.").arg(path);
}

} // namespace reports
