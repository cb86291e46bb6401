#pragma once

#include "kc/domain/Registers.hpp"

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <string>

namespace kc::domain {

// The wire form of register records (docs/protocol.md, "Registers"): the server sends it in
// the change feed and register lists, a device reads it with the same code.

boost::json::object facilityToJson(const Facility& facility);
boost::json::object projectToJson(const Project& project);

//! Reads a facility as a client sends it (registering one from the field). Throws
//! json::JsonError naming the field for a missing or mistyped field, and for a code that is
//! not one of the register's codes. Text is put in NFC.
Facility facilityFromJson(const boost::json::value& value, const std::string& path = "facility");
//! Reads a project (as sent in the feed). Throws json::JsonError as above.
Project projectFromJson(const boost::json::value& value, const std::string& path = "project");

//! An administrative unit: {"code", "name", "kind", "parent", "valid_from", "valid_to",
//! "successor"} (absent fields as null).
boost::json::object unitToJson(const AdministrativeUnit& unit);
//! Reads a unit; throws json::JsonError naming the field. Checks the unit by itself (kind,
//! dates, a commune's parent); whether its parent and successor exist is the store's check.
AdministrativeUnit unitFromJson(const boost::json::value& value, const std::string& path = "unit");

} // namespace kc::domain
