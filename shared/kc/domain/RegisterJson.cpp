#include "kc/domain/RegisterJson.hpp"

#include "kc/forms/AnswerCodec.hpp"
#include "kc/json/Json.hpp"
#include "kc/text/Fold.hpp"

#include <boost/json/array.hpp>

namespace kc::domain {

namespace json = boost::json;

namespace {

template <class T> void putOptional(json::object& out, const char* key, const std::optional<T>& value) {
    if (value)
        out[key] = *value;
    else
        out[key] = nullptr;
}

std::string join(const std::string& path, const char* key) {
    return path.empty() ? std::string(key) : path + "." + key;
}

template <std::size_t N>
std::string readCode(const kc::json::ObjectReader& reader, const char* key,
                     const std::string_view (&codes)[N]) {
    std::string value = reader.string(key);
    if (!isOneOf(value, codes)) {
        std::string allowed;
        for (auto code : codes)
            allowed += (allowed.empty() ? "" : ", ") + std::string(code);
        throw kc::json::JsonError(join(reader.path(), key),
                                  "unknown code \"" + value + "\" (expected one of " + allowed + ")");
    }
    return value;
}

std::optional<std::string> optionalText(const kc::json::ObjectReader& reader, const char* key) {
    auto value = reader.optionalString(key);
    if (value)
        *value = text::toNfc(*value);
    if (value && value->empty())
        return std::nullopt;
    return value;
}

} // namespace

json::object facilityToJson(const Facility& facility) {
    json::object out;
    out["id"] = facility.id;
    out["name"] = facility.name;
    out["legal_form"] = facility.legalForm;
    out["sector"] = facility.sector;
    out["province"] = facility.provinceCode;
    putOptional(out, "commune", facility.communeCode);
    putOptional(out, "village", facility.village);
    putOptional(out, "representative", facility.representative);
    putOptional(out, "phone", facility.phone);
    putOptional(out, "workforce", facility.workforce);
    putOptional(out, "products", facility.products);
    putOptional(out, "latitude", facility.latitude);
    putOptional(out, "longitude", facility.longitude);
    return out;
}

json::object projectToJson(const Project& project) {
    json::object out;
    out["id"] = project.id;
    out["code"] = project.code;
    out["title"] = project.title;
    out["year"] = project.year;
    out["funding_source"] = project.fundingSource;
    out["activity_type"] = project.activityType;
    out["province"] = project.provinceCode;
    out["status"] = project.status;
    putOptional(out, "status_reason", project.statusReason);
    out["extension_funding"] = project.extensionFunding;
    out["counterpart_capital"] = project.counterpartCapital;
    out["investment_attracted"] = project.investmentAttracted;
    out["jobs_created"] = project.jobsCreated;
    out["people_trained"] = project.peopleTrained;
    json::array beneficiaries;
    for (const auto& id : project.beneficiaryIds)
        beneficiaries.emplace_back(id);
    out["beneficiaries"] = std::move(beneficiaries);
    return out;
}

Facility facilityFromJson(const json::value& value, const std::string& path) {
    const kc::json::ObjectReader reader(value, path);
    Facility facility;
    facility.id = reader.optionalString("id").value_or("");
    facility.name = text::toNfc(reader.string("name"));
    if (facility.name.find_first_not_of(" \t") == std::string::npos)
        throw kc::json::JsonError(join(path, "name"), "is empty");
    facility.legalForm = readCode(reader, "legal_form", kLegalForms);
    facility.sector = readCode(reader, "sector", kSectors);
    facility.provinceCode = reader.string("province");
    facility.communeCode = optionalText(reader, "commune");
    facility.village = optionalText(reader, "village");
    facility.representative = optionalText(reader, "representative");
    facility.phone = optionalText(reader, "phone");
    if (auto workforce = reader.optionalInt64("workforce")) {
        if (*workforce < 0 || *workforce > 1'000'000)
            throw kc::json::JsonError(join(path, "workforce"), "must be from 0 to 1000000");
        facility.workforce = static_cast<int>(*workforce);
    }
    facility.products = optionalText(reader, "products");
    if (reader.has("latitude") || reader.has("longitude")) {
        const double lat = reader.number("latitude");
        const double lon = reader.number("longitude");
        if (lat < -90 || lat > 90)
            throw kc::json::JsonError(join(path, "latitude"), "must be from -90 to 90");
        if (lon < -180 || lon > 180)
            throw kc::json::JsonError(join(path, "longitude"), "must be from -180 to 180");
        facility.latitude = lat;
        facility.longitude = lon;
    }
    return facility;
}

Project projectFromJson(const json::value& value, const std::string& path) {
    const kc::json::ObjectReader reader(value, path);
    Project project;
    project.id = reader.string("id");
    project.code = reader.string("code");
    project.title = text::toNfc(reader.string("title"));
    project.year = static_cast<int>(reader.int64("year"));
    project.fundingSource = readCode(reader, "funding_source", kFundingSources);
    project.activityType = readCode(reader, "activity_type", kActivityTypes);
    project.provinceCode = reader.string("province");
    project.status = readCode(reader, "status", kProjectStatuses);
    project.statusReason = optionalText(reader, "status_reason");
    project.extensionFunding = reader.int64("extension_funding");
    project.counterpartCapital = reader.int64("counterpart_capital");
    project.investmentAttracted = reader.int64("investment_attracted");
    project.jobsCreated = static_cast<int>(reader.int64("jobs_created"));
    project.peopleTrained = static_cast<int>(reader.optionalInt64("people_trained").value_or(0));
    const auto& beneficiaries = reader.array("beneficiaries");
    for (std::size_t i = 0; i < beneficiaries.size(); ++i) {
        if (!beneficiaries[i].is_string())
            throw kc::json::JsonError(join(path, "beneficiaries") + "[" + std::to_string(i) + "]",
                                      "expected a string, got " + kc::json::describeKind(beneficiaries[i]));
        project.beneficiaryIds.emplace_back(beneficiaries[i].get_string());
    }
    return project;
}

} // namespace kc::domain

namespace kc::domain {

json::object unitToJson(const AdministrativeUnit& unit) {
    json::object out;
    out["code"] = unit.code;
    out["name"] = unit.name;
    out["kind"] = unit.kind;
    putOptional(out, "parent", unit.parent);
    putOptional(out, "valid_from", unit.validFrom);
    putOptional(out, "valid_to", unit.validTo);
    putOptional(out, "successor", unit.successor);
    return out;
}

AdministrativeUnit unitFromJson(const json::value& value, const std::string& path) {
    const kc::json::ObjectReader reader(value, path);
    AdministrativeUnit unit;
    unit.code = reader.string("code");
    if (unit.code.empty() || unit.code.size() > 16 ||
        unit.code.find_first_not_of("0123456789-ABCDEFGHIJKLMNOPQRSTUVWXYZ") != std::string::npos)
        throw kc::json::JsonError(join(path, "code"), "expected the GSO code (digits, such as 04 or 01234), got \"" +
                                                          unit.code + "\"");
    unit.name = text::toNfc(reader.string("name"));
    if (unit.name.empty())
        throw kc::json::JsonError(join(path, "name"), "is empty");
    unit.kind = readCode(reader, "kind", kUnitKinds);
    unit.parent = optionalText(reader, "parent");
    if (unit.kind == "commune" && !unit.parent)
        throw kc::json::JsonError(join(path, "parent"), "a commune needs the code of its province");
    if (unit.kind == "province" && unit.parent)
        throw kc::json::JsonError(join(path, "parent"), "a province has no parent unit");
    for (const char* key : {"valid_from", "valid_to"}) {
        auto date = optionalText(reader, key);
        if (date && !forms::isIsoDate(*date))
            throw kc::json::JsonError(join(path, key), "expected a date as YYYY-MM-DD, got \"" + *date + "\"");
        (std::string_view(key) == "valid_from" ? unit.validFrom : unit.validTo) = date;
    }
    if (unit.validFrom && unit.validTo && *unit.validTo < *unit.validFrom)
        throw kc::json::JsonError(join(path, "valid_to"), "is before valid_from");
    unit.successor = optionalText(reader, "successor");
    if (unit.successor && *unit.successor == unit.code)
        throw kc::json::JsonError(join(path, "successor"), "a unit cannot be its own successor");
    if (unit.successor && !unit.validTo)
        throw kc::json::JsonError(join(path, "valid_to"), "a unit with a successor needs the last day it was valid");
    return unit;
}

} // namespace kc::domain
