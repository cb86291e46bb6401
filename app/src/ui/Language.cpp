#include "ui/Language.hpp"

#include "models/Labels.hpp"

#include <QCoreApplication>
#include <QQmlEngine>
#include <QSettings>

namespace {
QTranslator& translator() {
    static QTranslator instance;
    return instance;
}
//! Qt's own words (standard buttons, the file dialog), from app/i18n/qt_vi.ts.
QTranslator& qtTranslator() {
    static QTranslator instance;
    return instance;
}
QString& current() {
    static QString code = QStringLiteral("vi");
    return code;
}
} // namespace

Language::Language(QObject* parent) : QObject(parent) {}

QString Language::code() const { return current(); }

void Language::apply(const QString& code) {
    if (code != QStringLiteral("vi") && code != QStringLiteral("en"))
        return;
    QCoreApplication::removeTranslator(&translator());
    QCoreApplication::removeTranslator(&qtTranslator());
    // Interface strings are written in English in the code; Vietnamese comes from kcfield_vi.
    if (code == QStringLiteral("vi") && translator().load(QStringLiteral(":/i18n/kcfield_vi.qm")))
        QCoreApplication::installTranslator(&translator());
    if (code == QStringLiteral("vi") && qtTranslator().load(QStringLiteral(":/i18n/qt_vi.qm")))
        QCoreApplication::installTranslator(&qtTranslator());
    labels::setEnglish(code == QStringLiteral("en")); // forms' own texts follow
    current() = code;
}

QString Language::remembered() {
    return QSettings().value(QStringLiteral("language"), QStringLiteral("vi")).toString();
}

void Language::setCode(const QString& code) {
    if (code == current() || (code != QStringLiteral("vi") && code != QStringLiteral("en")))
        return;
    apply(code);
    QSettings().setValue(QStringLiteral("language"), code);
    if (auto* engine = qmlEngine(this))
        engine->retranslate();
    emit codeChanged();
}
