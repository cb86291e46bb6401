#pragma once

#include "kc/forms/Form.hpp"

#include <QVariantList>
#include <boost/json.hpp>

namespace kc::app {
class LocalStore;
}

namespace answers {

//! Every answer of a submission as a person reads it, in the form's order: rows of
//! {kind: "group" | "entry" | "answer", path, label, type, text, depth, attachments (SHA-256
//! list for photos and signatures), latitude, longitude}. Choices show their labels, money
//! its thousands, references the facility's or project's name when `store` holds it.
QVariantList readable(const kc::forms::Form& form, const boost::json::object& answers,
                      kc::app::LocalStore* store);

//! Whole đồng with "." between thousands, as Vietnamese reports write it ("1.250.000 đ").
QString formatDong(long long dong);

} // namespace answers
