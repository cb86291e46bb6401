#pragma once

#include "store/LocalStore.hpp"

#include "kc/forms/Localized.hpp"

#include <QAbstractItemModel>
#include <QString>
#include <QVariantMap>

//! Text shown to people that comes from stored data: in the interface language.
namespace labels {

//! A model's row as {role name: value}, for QML's get(row).
QVariantMap rowAsMap(const QAbstractItemModel& model, int row);

//! The interface language the app runs in (set from the translator installed at start).
bool english();
void setEnglish(bool on);

QString localized(const boost::json::object& title);
QString localized(const kc::forms::LocalizedText& text);
//! What a submission is about: the facility's or project's name its answers name.
QString subjectOf(kc::app::LocalStore& store, const boost::json::object& answers);
//! A stored sync error (the server's field errors as JSON, or plain text) in plain words.
QString syncErrorText(const std::string& stored);

} // namespace labels
