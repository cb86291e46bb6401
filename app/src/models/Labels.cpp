#include "models/Labels.hpp"

#include "kc/json/Json.hpp"

#include <QStringList>

namespace labels {

namespace {
bool g_english = false;
QString qs(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }
} // namespace

QVariantMap rowAsMap(const QAbstractItemModel& model, int row) {
    QVariantMap out;
    if (row < 0 || row >= model.rowCount())
        return out;
    const auto names = model.roleNames();
    for (auto it = names.begin(); it != names.end(); ++it)
        out.insert(QString::fromLatin1(it.value()), model.data(model.index(row, 0), it.key()));
    return out;
}

bool english() { return g_english; }
void setEnglish(bool on) { g_english = on; }

QString localized(const boost::json::object& title) {
    const char* first = g_english ? "en" : "vi";
    const char* second = g_english ? "vi" : "en";
    for (const char* key : {first, second})
        if (const auto* v = title.if_contains(key); v && v->is_string() && !v->get_string().empty())
            return qs(v->get_string());
    return {};
}

QString localized(const kc::forms::LocalizedText& text) {
    return QString::fromStdString(text.in(g_english ? kc::forms::Language::En : kc::forms::Language::Vi));
}

QString subjectOf(kc::app::LocalStore& store, const boost::json::object& answers) {
    for (const char* key : {"facility", "project"}) {
        const auto* v = answers.if_contains(key);
        if (!v || !v->is_string())
            continue;
        const std::string id(v->get_string());
        if (key[0] == 'f') {
            if (auto f = store.facility(id))
                return QString::fromStdString(f->name);
        } else if (auto p = store.project(id)) {
            return QString::fromStdString(p->code + " " + p->title);
        }
    }
    if (const auto* name = answers.if_contains("facility_name"); name && name->is_string())
        return qs(name->get_string());
    return {};
}

QString syncErrorText(const std::string& stored) {
    try {
        const auto parsed = kc::json::parse(stored);
        if (const auto* errors = parsed.if_array()) {
            QStringList lines;
            for (const auto& e : *errors) {
                const auto* o = e.if_object();
                if (!o)
                    continue;
                QString message;
                if (const auto* m = o->if_contains("message"); m && m->is_object())
                    message = localized(m->get_object());
                const auto* path = o->if_contains("path");
                lines << (path && path->is_string() ? qs(path->get_string()) + QStringLiteral(": ") : QString()) +
                             message;
            }
            return lines.join(QLatin1Char('\n'));
        }
    } catch (const std::exception&) {
    }
    return QString::fromStdString(stored);
}

} // namespace labels
