#pragma once

#include "kc/forms/Form.hpp"

#include <QString>
#include <QVariantList>

#include <string_view>
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

//! One answer as a person reads it (as in `readable`), e.g. for a diff between revisions.
QString answerText(const kc::forms::Form& form, const kc::forms::Question& question,
                   const boost::json::value& value, kc::app::LocalStore* store);

//! A decimal as a Vietnamese reader writes it: decimal comma, the shortest digits that read
//! back as the same number, never an exponent (12.5 → "12,5", 1e15 → "1000000000000000").
QString formatDecimal(double value);

//! A stored day "2026-11-22" as "22/11/2026"; other text as it is.
QString formatDay(std::string_view iso);

//! Whole đồng with "." between thousands, as Vietnamese reports write it ("1.250.000 đ").
QString formatDong(long long dong);

} // namespace answers
