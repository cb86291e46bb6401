#pragma once

#include <QObject>
#include <QTranslator>
#include <QtQml/qqmlregistration.h>

//! The interface language: Vietnamese (the default) or English, switched while the app runs
//! and remembered for the next start.
class Language : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    //! "vi" or "en".
    Q_PROPERTY(QString code READ code WRITE setCode NOTIFY codeChanged)

public:
    explicit Language(QObject* parent = nullptr);

    QString code() const;
    //! Installs the translation and redraws every text; unknown codes are ignored.
    void setCode(const QString& code);

    //! Sets the language before the interface is loaded (from settings or the command line).
    static void apply(const QString& code);
    //! The language remembered from the last run ("vi" the first time).
    static QString remembered();

signals:
    void codeChanged();
};
