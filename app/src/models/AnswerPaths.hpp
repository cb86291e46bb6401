#pragma once

#include "kc/forms/Form.hpp"

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <QVariant>

#include <optional>
#include <string>
#include <vector>

//! Answers addressed by path ("items[1].serial_number") inside a submission's JSON, and the
//! conversion between QML's values and the JSON each question type stores.
namespace answers {

struct Segment {
    std::string name;
    std::optional<std::size_t> index;
};

//! Splits "a[1].b" into {a,1},{b}; nullopt when malformed.
std::optional<std::vector<Segment>> parsePath(const std::string& path);

//! The value at a path, or nullptr.
const boost::json::value* find(const boost::json::object& root, const std::vector<Segment>& path);
//! The object that holds the last segment, creating entries on the way only when `create`
//! and the repeat entry exists; nullptr when the path does not lead anywhere.
boost::json::object* parentOf(boost::json::object& root, const std::vector<Segment>& path);

//! What QML gives for a question, as that question's JSON answer. Text a number question
//! cannot read is kept as text, so that the validator names the problem and nothing typed is
//! lost. An empty value gives null (the answer is removed).
boost::json::value fromVariant(const kc::forms::Question& question, const QVariant& value);
QVariant toVariant(const boost::json::value& value);

} // namespace answers
