#pragma once

#include <QString>
#include <QVariantMap>

namespace reports {

//! Writes a programme report (the server's JSON as a variant map) as a printable A4 PDF titled
//! like a provincial report: provinces, period, the tables of figures and two bar charts
//! (extension funding by year, typical products by level). Money in tỷ đồng, Vietnamese
//! number format. Returns "" when written, else what went wrong.
QString writePdf(const QVariantMap& report, const QString& path);

} // namespace reports
