#include "models/AnswerPaths.hpp"

#include <QStringList>

#include <charconv>
#include <cmath>

namespace answers {

using kc::forms::QuestionType;

std::optional<std::vector<Segment>> parsePath(const std::string& path) {
    std::vector<Segment> out;
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t dot = path.find('.', start);
        const std::string part = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        if (part.empty())
            return std::nullopt;
        Segment segment;
        if (const auto open = part.find('['); open != std::string::npos) {
            if (part.back() != ']' || open == 0)
                return std::nullopt;
            std::size_t index = 0;
            const char* first = part.data() + open + 1;
            const char* last = part.data() + part.size() - 1;
            const auto [end, ec] = std::from_chars(first, last, index);
            if (ec != std::errc() || end != last || first == last)
                return std::nullopt;
            segment.name = part.substr(0, open);
            segment.index = index;
        } else {
            segment.name = part;
        }
        out.push_back(std::move(segment));
        if (dot == std::string::npos)
            break;
        start = dot + 1;
    }
    return out;
}

namespace {
//! Steps into one segment that must name a repeat entry.
boost::json::object* entryOf(boost::json::object& node, const Segment& s) {
    auto* list = node.if_contains(s.name);
    if (!list || !list->is_array() || !s.index || *s.index >= list->get_array().size())
        return nullptr;
    return list->get_array()[*s.index].if_object();
}
} // namespace

const boost::json::value* find(const boost::json::object& root, const std::vector<Segment>& path) {
    const boost::json::object* node = &root;
    for (std::size_t i = 0; i < path.size(); ++i) {
        const auto* v = node->if_contains(path[i].name);
        if (!v)
            return nullptr;
        if (path[i].index) {
            if (!v->is_array() || *path[i].index >= v->get_array().size())
                return nullptr;
            v = &v->get_array()[*path[i].index];
        }
        if (i + 1 == path.size())
            return v;
        node = v->if_object();
        if (!node)
            return nullptr;
    }
    return nullptr;
}

boost::json::object* parentOf(boost::json::object& root, const std::vector<Segment>& path) {
    boost::json::object* node = &root;
    for (std::size_t i = 0; i + 1 < path.size(); ++i) {
        node = entryOf(*node, path[i]);
        if (!node)
            return nullptr;
    }
    return path.back().index ? nullptr : node;
}

namespace {

std::optional<long long> wholeNumber(QString text) {
    // "1.500.000", "1,500,000" and "1 500 000" are how people write amounts of đồng.
    text.remove(QLatin1Char('.')).remove(QLatin1Char(',')).remove(QLatin1Char(' '))
        .remove(QChar(0x00A0));
    bool ok = false;
    const long long n = text.toLongLong(&ok);
    return ok ? std::optional<long long>(n) : std::nullopt;
}

boost::json::value numberFrom(const kc::forms::Question& q, const QVariant& value) {
    const QString text = value.toString().trimmed();
    if (q.type == QuestionType::Decimal) {
        if (value.typeId() == QMetaType::Double || value.typeId() == QMetaType::Int ||
            value.typeId() == QMetaType::LongLong)
            return value.toDouble();
        QString normal = text;
        normal.replace(QLatin1Char(','), QLatin1Char('.'));
        bool ok = false;
        const double d = normal.toDouble(&ok);
        if (ok && std::isfinite(d))
            return d;
        return boost::json::value(text.toStdString());
    }
    if (value.typeId() == QMetaType::Int || value.typeId() == QMetaType::LongLong)
        return static_cast<std::int64_t>(value.toLongLong());
    if (value.typeId() == QMetaType::Double) {
        const double d = value.toDouble();
        if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9e15)
            return static_cast<std::int64_t>(d);
        return d; // the validator says a whole number is needed
    }
    if (const auto n = wholeNumber(text))
        return static_cast<std::int64_t>(*n);
    return boost::json::value(text.toStdString());
}

} // namespace

boost::json::value fromVariant(const kc::forms::Question& q, const QVariant& value) {
    if (!value.isValid() || value.isNull())
        return nullptr;
    if (value.typeId() == QMetaType::QString && value.toString().trimmed().isEmpty())
        return nullptr;
    switch (q.type) {
    case QuestionType::Integer:
    case QuestionType::Decimal:
    case QuestionType::Money:
        return numberFrom(q, value);
    case QuestionType::SelectMultiple:
    case QuestionType::Photo: {
        if (q.type == QuestionType::Photo && !q.multiple)
            return boost::json::value(value.toString().toStdString());
        boost::json::array items;
        for (const auto& item : value.toStringList())
            items.emplace_back(item.toStdString());
        if (items.empty())
            return nullptr;
        return items;
    }
    case QuestionType::GeoPoint: {
        const QVariantMap point = value.toMap();
        boost::json::object out;
        for (const char* key : {"lat", "lon", "accuracy"})
            if (const auto it = point.find(QLatin1String(key)); it != point.end() && it->isValid())
                out[key] = it->toDouble();
        if (point.value(QStringLiteral("manual")).toBool())
            out["manual"] = true;
        return out;
    }
    default:
        return boost::json::value(value.toString().toStdString());
    }
}

QVariant toVariant(const boost::json::value& value) {
    switch (value.kind()) {
    case boost::json::kind::null: return {};
    case boost::json::kind::bool_: return value.get_bool();
    case boost::json::kind::int64: return QVariant::fromValue(static_cast<qlonglong>(value.get_int64()));
    case boost::json::kind::uint64: return QVariant::fromValue(static_cast<qulonglong>(value.get_uint64()));
    case boost::json::kind::double_: return value.get_double();
    case boost::json::kind::string:
        return QString::fromUtf8(value.get_string().data(),
                                 static_cast<qsizetype>(value.get_string().size()));
    case boost::json::kind::array: {
        QVariantList out;
        for (const auto& item : value.get_array())
            out << toVariant(item);
        return out;
    }
    case boost::json::kind::object: {
        QVariantMap out;
        for (const auto& [key, item] : value.get_object())
            out.insert(QString::fromUtf8(key.data(), static_cast<qsizetype>(key.size())), toVariant(item));
        return out;
    }
    }
    return {};
}

} // namespace answers
