#include "models/AnswerSheet.hpp"

#include "models/Labels.hpp"
#include "store/LocalStore.hpp"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

#include <cmath>

namespace answers {

namespace {

using kc::forms::Form;
using kc::forms::Question;
using kc::forms::QuestionType;

QString qs(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

QString choiceLabel(const Form& form, const Question& q, std::string_view name) {
    if (q.choiceList >= 0) {
        if (const auto* choice = form.choiceLists[static_cast<std::size_t>(q.choiceList)].find(name))
            return labels::localized(choice->label);
    }
    return qs(name);
}

QString numberText(const boost::json::value& v) {
    if (v.is_int64())
        return QString::number(v.get_int64());
    if (v.is_uint64())
        return QString::number(v.get_uint64());
    if (v.is_double())
        return formatDecimal(v.get_double());
    return {};
}

struct Walker {
    const Form& form;
    kc::app::LocalStore* store;
    QVariantList rows;

    QString textOf(const Question& q, const boost::json::value& v, QVariantMap& row) {
        switch (q.type) {
        case QuestionType::SelectOne:
            return v.is_string() ? choiceLabel(form, q, v.get_string()) : QString();
        case QuestionType::SelectMultiple: {
            QStringList parts;
            if (v.is_array())
                for (const auto& c : v.get_array())
                    if (c.is_string())
                        parts << choiceLabel(form, q, c.get_string());
            return parts.join(QStringLiteral(", "));
        }
        case QuestionType::Money:
            return v.is_int64() ? formatDong(v.get_int64()) : numberText(v);
        case QuestionType::GeoPoint: {
            const auto* o = v.if_object();
            if (!o)
                return {};
            const auto num = [o](const char* k) {
                const auto* x = o->if_contains(k);
                return x && x->is_number() ? x->to_number<double>() : 0.0;
            };
            row.insert(QStringLiteral("latitude"), num("lat"));
            row.insert(QStringLiteral("longitude"), num("lon"));
            const auto* manual = o->if_contains("manual");
            // As precise as it was entered or measured, with decimal commas (so "; " between).
            QString text = formatDecimal(num("lat")) + QStringLiteral("; ") + formatDecimal(num("lon"));
            if (manual && manual->is_bool() && manual->get_bool())
                return text + QCoreApplication::translate("answers", " (typed by hand)");
            return text + QCoreApplication::translate("answers", " (±%1 m)").arg(num("accuracy"), 0, 'f', 0);
        }
        case QuestionType::Photo:
        case QuestionType::Signature: {
            QStringList shas;
            if (v.is_string())
                shas << qs(v.get_string());
            else if (v.is_array())
                for (const auto& s : v.get_array())
                    if (s.is_string())
                        shas << qs(s.get_string());
            row.insert(QStringLiteral("attachments"), shas);
            const int count = static_cast<int>(shas.size());
            return QCoreApplication::translate("answers", "%n picture(s)", nullptr, count);
        }
        case QuestionType::Reference: {
            if (!v.is_string())
                return {};
            const std::string id(v.get_string());
            if (store) {
                if (q.registerName == "facility") {
                    if (auto f = store->facility(id))
                        return QString::fromStdString(f->name);
                } else if (auto p = store->project(id)) {
                    return QString::fromStdString(p->code + " — " + p->title);
                }
            }
            return QString::fromStdString(id);
        }
        case QuestionType::Date:
            return v.is_string() ? formatDay(v.get_string()) : QString();
        case QuestionType::DateTime: {
            if (!v.is_string())
                return {};
            const QDateTime at = QDateTime::fromString(qs(v.get_string()), Qt::ISODateWithMs);
            return at.isValid() ? at.toLocalTime().toString(QStringLiteral("dd/MM/yyyy HH:mm")) : qs(v.get_string());
        }
        case QuestionType::Integer:
        case QuestionType::Decimal:
        case QuestionType::Calculate:
            return v.is_string() ? qs(v.get_string()) : numberText(v);
        default:
            if (v.is_string())
                return qs(v.get_string());
            if (v.is_bool())
                return v.get_bool() ? QCoreApplication::translate("answers", "Yes")
                                    : QCoreApplication::translate("answers", "No");
            return numberText(v);
        }
    }

    void walk(const std::vector<int>& members, const boost::json::object& answers,
              const QString& prefix, int depth) {
        for (int index : members) {
            const Question& q = form.questions[static_cast<std::size_t>(index)];
            const QString path = prefix + qs(q.name);
            if (q.type == QuestionType::Group) {
                rows.append(QVariantMap{{QStringLiteral("kind"), QStringLiteral("group")},
                                        {QStringLiteral("path"), path},
                                        {QStringLiteral("label"), labels::localized(q.label)},
                                        {QStringLiteral("depth"), depth}});
                walk(q.children, answers, prefix, depth + 1);
                continue;
            }
            if (q.type == QuestionType::Repeat) {
                const auto* entries = answers.if_contains(q.name);
                if (!entries || !entries->is_array())
                    continue;
                int n = 0;
                for (const auto& entry : entries->get_array()) {
                    const QString entryPath = QStringLiteral("%1[%2]").arg(path).arg(n);
                    rows.append(QVariantMap{
                        {QStringLiteral("kind"), QStringLiteral("entry")},
                        {QStringLiteral("path"), entryPath},
                        {QStringLiteral("label"), QStringLiteral("%1 %2").arg(labels::localized(q.label)).arg(n + 1)},
                        {QStringLiteral("depth"), depth}});
                    if (entry.is_object())
                        walk(q.children, entry.get_object(), entryPath + QLatin1Char('.'), depth + 1);
                    ++n;
                }
                continue;
            }
            if (!kc::forms::holdsAnswer(q.type))
                continue;
            const auto* v = answers.if_contains(q.name);
            // Unlabelled calculations are the form's own arithmetic, not something to read.
            if (!v || v->is_null() || labels::localized(q.label).isEmpty())
                continue;
            QVariantMap row{{QStringLiteral("kind"), QStringLiteral("answer")},
                            {QStringLiteral("path"), path},
                            {QStringLiteral("label"), labels::localized(q.label)},
                            {QStringLiteral("type"), qs(kc::forms::questionTypeName(q.type))},
                            {QStringLiteral("depth"), depth}};
            row.insert(QStringLiteral("text"), textOf(q, *v, row));
            rows.append(row);
        }
    }
};

} // namespace

QString answerText(const Form& form, const Question& question, const boost::json::value& value,
                   kc::app::LocalStore* store) {
    if (value.is_null())
        return {};
    Walker walker{form, store, {}};
    QVariantMap row;
    return walker.textOf(question, value, row);
}

QString formatDecimal(double value) {
    if (!std::isfinite(value))
        return {};
    // The shortest digits that read back as the same number, never in exponent form.
    QString text = QString::number(value, 'f', QLocale::FloatingPointShortest);
    return text.replace(QLatin1Char('.'), QLatin1Char(','));
}

QString formatDay(std::string_view iso) {
    const QDate day = QDate::fromString(qs(iso), Qt::ISODate);
    return day.isValid() && iso.size() == 10 ? day.toString(QStringLiteral("dd/MM/yyyy")) : qs(iso);
}

QVariantList readable(const Form& form, const boost::json::object& answers,
                      kc::app::LocalStore* store) {
    Walker walker{form, store, {}};
    walker.walk(form.topLevel, answers, {}, 0);
    return walker.rows;
}

QString formatDong(long long dong) {
    const bool negative = dong < 0;
    // Unsigned, so the most negative value has a magnitude too.
    const auto magnitude = negative ? 0ULL - static_cast<unsigned long long>(dong) : static_cast<unsigned long long>(dong);
    QString digits = QString::number(magnitude);
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3)
        digits.insert(i, QLatin1Char('.'));
    return (negative ? QStringLiteral("-") : QString()) + digits + QStringLiteral(" đ");
}

} // namespace answers
