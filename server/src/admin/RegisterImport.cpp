#include "admin/RegisterImport.hpp"

#include "admin/Csv.hpp"

#include "kc/domain/RegisterJson.hpp"
#include "kc/ids/Uuid.hpp"
#include "kc/json/Json.hpp"

#include <algorithm>
#include <boost/json/array.hpp>

#include <charconv>
#include <map>
#include <set>

namespace kc::server {

namespace bj = boost::json;

namespace {

enum class Kind { Text, Integer, Number };

struct Column {
    const char* name;
    Kind kind;
    bool required;
};

//! The facility and project columns, with their kinds; titles in registerColumns().
const std::vector<Column> kFacilityColumns = {
    {"id", Kind::Text, false},        {"name", Kind::Text, true},
    {"legal_form", Kind::Text, true}, {"sector", Kind::Text, true},
    {"province", Kind::Text, true},   {"commune", Kind::Text, false},
    {"village", Kind::Text, false},   {"representative", Kind::Text, false},
    {"phone", Kind::Text, false},     {"workforce", Kind::Integer, false},
    {"products", Kind::Text, false},  {"latitude", Kind::Number, false},
    {"longitude", Kind::Number, false}};

const std::vector<Column> kProjectColumns = {
    {"code", Kind::Text, true},           {"title", Kind::Text, true},
    {"year", Kind::Integer, true},        {"funding_source", Kind::Text, true},
    {"activity_type", Kind::Text, true},  {"province", Kind::Text, true},
    {"status", Kind::Text, true},         {"status_reason", Kind::Text, false},
    {"extension_funding", Kind::Integer, true}, {"counterpart_capital", Kind::Integer, true},
    {"investment_attracted", Kind::Integer, true}, {"jobs_created", Kind::Integer, true},
    {"people_trained", Kind::Integer, false},
    {"beneficiaries", Kind::Text, false}};

const std::map<std::string, const char*> kTitles = {
    {"id", "Mã định danh (để trống khi tạo mới)"}, {"name", "Tên cơ sở"}, {"legal_form", "Loại hình"},
    {"sector", "Ngành nghề"}, {"province", "Mã tỉnh"}, {"commune", "Mã xã"}, {"village", "Thôn, xóm"},
    {"representative", "Người đại diện"}, {"phone", "Điện thoại"}, {"workforce", "Số lao động"},
    {"products", "Sản phẩm chính"}, {"latitude", "Vĩ độ"}, {"longitude", "Kinh độ"},
    {"code", "Mã đề án"}, {"title", "Tên đề án"}, {"year", "Năm"}, {"funding_source", "Nguồn kinh phí"},
    {"activity_type", "Nội dung hỗ trợ"}, {"status", "Tình trạng"}, {"status_reason", "Lý do (khi dừng hoặc hủy)"},
    {"extension_funding", "Kinh phí khuyến công (đồng)"}, {"counterpart_capital", "Vốn đối ứng (đồng)"},
    {"investment_attracted", "Vốn đầu tư thu hút (đồng)"}, {"jobs_created", "Việc làm mới"},
    {"people_trained", "Số người được đào tạo"},
    {"beneficiaries", "Cơ sở thụ hưởng (mã hoặc tên, cách nhau bởi ;)"}};

std::vector<RegisterColumn> describe(const std::vector<Column>& columns) {
    std::vector<RegisterColumn> out;
    for (const auto& column : columns)
        out.push_back({column.name, kTitles.at(column.name), column.required, column.kind != Kind::Text});
    return out;
}

//! A header cell's column: "name", or the template's "Tên cơ sở (name)".
std::string headerName(const std::string& cell) {
    const auto open = cell.rfind('(');
    if (!cell.empty() && cell.back() == ')' && open != std::string::npos) {
        const std::string inner = cell.substr(open + 1, cell.size() - open - 2);
        if (kTitles.count(inner))
            return inner;
    }
    return cell;
}

const std::vector<Column> kUnitColumns = {
    {"code", Kind::Text, true},        {"name", Kind::Text, true},       {"kind", Kind::Text, true},
    {"parent", Kind::Text, false},     {"valid_from", Kind::Text, false}, {"valid_to", Kind::Text, false},
    {"successor", Kind::Text, false}};

//! Rows as JSON objects keyed by column, numbers converted; errors named by line and column.
std::vector<std::pair<int, bj::object>> readRows(const CsvTable& table, const std::vector<Column>& columns,
                                                 std::vector<std::string>& errors) {
    std::map<std::string, std::size_t> index;
    const std::string headerLine = table.rowWord + " 1: ";
    for (std::size_t i = 0; i < table.header.size(); ++i) {
        const std::string name = headerName(table.header[i]);
        bool known = false;
        for (const auto& column : columns)
            known = known || name == column.name;
        if (!known)
            errors.push_back(headerLine + "unknown column \"" + table.header[i] + "\"");
        index[name] = i;
    }
    for (const auto& column : columns)
        if (column.required && !index.count(column.name))
            errors.push_back(headerLine + "the column \"" + std::string(column.name) + "\" is missing");
    std::vector<std::pair<int, bj::object>> rows;
    if (!errors.empty())
        return rows;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto& cells = table.rows[r];
        const std::string where = table.rowWord + " " + std::to_string(table.lines[r]) + ": ";
        if (cells.size() != table.header.size()) {
            errors.push_back(where + "expected " + std::to_string(table.header.size()) + " fields, found " +
                             std::to_string(cells.size()));
            continue;
        }
        bj::object row;
        for (const auto& column : columns) {
            const auto found = index.find(column.name);
            if (found == index.end() || cells[found->second].empty())
                continue;
            const std::string& text = cells[found->second];
            if (column.kind == Kind::Text) {
                row[column.name] = text;
                continue;
            }
            const char* end = text.data() + text.size();
            if (column.kind == Kind::Integer) {
                std::int64_t value = 0;
                auto [ptr, ec] = std::from_chars(text.data(), end, value);
                if (ec != std::errc() || ptr != end)
                    errors.push_back(where + column.name + ": expected a whole number, got \"" + text + "\"");
                else
                    row[column.name] = value;
            } else {
                double value = 0;
                auto [ptr, ec] = std::from_chars(text.data(), end, value);
                if (ec != std::errc() || ptr != end)
                    errors.push_back(where + column.name + ": expected a number with a . decimal point, got \"" + text + "\"");
                else
                    row[column.name] = value;
            }
        }
        rows.emplace_back(table.lines[r], std::move(row));
    }
    return rows;
}

CsvTable parseOrReport(std::string_view csv, ImportReport& report) {
    try {
        auto table = parseCsv(csv);
        if (table.header.empty())
            report.errors.push_back("the file is empty");
        return table;
    } catch (const std::invalid_argument& error) {
        report.errors.push_back(error.what());
        return {};
    }
}

void requireProvince(CentralStore& store, const std::string& code) {
    if (!store.provinceName(code))
        throw json::JsonError("province", missingProvinceMessage(code));
}

//! Stores every record in one transaction, unless the report already holds errors.
template <class Record, class Insert>
void commitAll(CentralStore& store, const std::vector<Record>& records, Insert insert, ImportReport& report) {
    if (!report.errors.empty())
        return;
    try {
        store.atomically([&] {
            for (const auto& record : records)
                insert(record);
        });
        report.imported = static_cast<int>(records.size());
    } catch (const std::exception& error) {
        report.errors.push_back(std::string("nothing imported: ") + error.what());
    }
}

} // namespace

std::string missingProvinceMessage(const std::string& code) {
    return "province " + code + " is not in the store; import the administrative units first: "
           "kcfield-server units import units.csv (docs/operations.md lists its columns)";
}

ImportReport importUnits(CentralStore& store, std::string_view csv) {
    ImportReport report;
    const auto table = parseOrReport(csv, report);
    if (!report.errors.empty())
        return report;
    std::vector<domain::AdministrativeUnit> units;
    std::set<std::string> seen;
    for (auto& [line, row] : readRows(table, kUnitColumns, report.errors)) {
        const std::string where = "line " + std::to_string(line) + ": ";
        try {
            auto unit = domain::unitFromJson(row, "");
            if (!seen.insert(unit.kind + "/" + unit.code).second)
                throw json::JsonError("code", unit.kind + " " + unit.code + " appears twice in the file");
            units.push_back(std::move(unit));
        } catch (const json::JsonError& error) {
            report.errors.push_back(where + error.what());
        }
    }
    if (!report.errors.empty())
        return report;
    try {
        store.upsertUnits(units);
        report.imported = static_cast<int>(units.size());
    } catch (const std::exception& error) {
        report.errors.push_back(std::string("nothing imported: ") + error.what());
    }
    return report;
}

const std::vector<RegisterColumn>& facilityColumns() {
    static const auto columns = describe(kFacilityColumns);
    return columns;
}

const std::vector<RegisterColumn>& projectColumns() {
    static const auto columns = describe(kProjectColumns);
    return columns;
}

ImportReport importFacilities(CentralStore& store, std::string_view csv) {
    ImportReport report;
    const auto table = parseOrReport(csv, report);
    if (!report.errors.empty())
        return report;
    return importFacilities(store, table);
}

ImportReport importProjects(CentralStore& store, std::string_view csv) {
    ImportReport report;
    const auto table = parseOrReport(csv, report);
    if (!report.errors.empty())
        return report;
    return importProjects(store, table);
}

namespace {
//! A row's province must be one of the importer's, when the importer has a scope.
void requireScope(const std::vector<std::string>* scope, const std::string& province) {
    if (scope && std::find(scope->begin(), scope->end(), province) == scope->end())
        throw json::JsonError("province", "province " + province + " is not one of yours");
}
} // namespace

ImportReport importFacilities(CentralStore& store, const CsvTable& table, const std::vector<std::string>* scope) {
    ImportReport report;
    if (table.header.empty()) {
        report.errors.push_back("the file is empty");
        return report;
    }
    std::vector<domain::Facility> facilities;
    for (auto& [line, row] : readRows(table, kFacilityColumns, report.errors)) {
        const std::string where = table.rowWord + " " + std::to_string(line) + ": ";
        try {
            auto facility = domain::facilityFromJson(row, "");
            requireProvince(store, facility.provinceCode);
            requireScope(scope, facility.provinceCode);
            if (facility.id.empty())
                facility.id = Uuid::v7().toString();
            else if (!Uuid::parse(facility.id))
                throw json::JsonError("id", "expected a UUID or nothing");
            else if (store.findFacility(facility.id))
                throw json::JsonError("id", "a facility with this id already exists");
            if (facility.communeCode) {
                const auto province = store.communeProvince(*facility.communeCode);
                if (province != facility.provinceCode)
                    throw json::JsonError("commune", province ? "is in province " + *province
                                                              : "unknown commune " + *facility.communeCode);
            }
            facilities.push_back(std::move(facility));
        } catch (const json::JsonError& error) {
            report.errors.push_back(where + error.what());
        }
    }
    commitAll(store, facilities, [&](const domain::Facility& f) { store.createFacility(f); }, report);
    return report;
}

void checkProject(CentralStore& store, const domain::Project& project, const std::vector<std::string>* scope) {
    requireProvince(store, project.provinceCode);
    requireScope(scope, project.provinceCode);
    if (project.code.empty())
        throw json::JsonError("code", "a project needs its code");
    if (project.title.empty())
        throw json::JsonError("title", "a project needs its title");
    if (project.year < 1990 || project.year > 2100)
        throw json::JsonError("year", "expected a year between 1990 and 2100");
    for (const auto& [value, field] : {std::pair{project.extensionFunding, "extension_funding"},
                                       {project.counterpartCapital, "counterpart_capital"},
                                       {project.investmentAttracted, "investment_attracted"}})
        if (value < 0 || value > 1'000'000'000'000'000)
            throw json::JsonError(field, "expected whole đồng from 0 to 10^15");
    if (project.jobsCreated < 0 || project.peopleTrained < 0)
        throw json::JsonError(project.jobsCreated < 0 ? "jobs_created" : "people_trained", "must not be negative");
    for (const auto& existing : store.listProjects({{project.provinceCode}, std::nullopt, project.code, "", 1000}))
        if (existing.code == project.code && existing.id != project.id)
            throw json::JsonError("code", "project " + project.code + " already exists");
    if ((project.status == "stalled" || project.status == "cancelled") && !project.statusReason)
        throw json::JsonError("status_reason", "a stalled or cancelled project needs the reason");
    for (std::size_t i = 0; i < project.beneficiaryIds.size(); ++i) {
        const auto facility = store.findFacility(project.beneficiaryIds[i]);
        if (!facility || facility->provinceCode != project.provinceCode || store.mergedInto(facility->id))
            throw json::JsonError("beneficiaries[" + std::to_string(i) + "]",
                                  "no facility " + project.beneficiaryIds[i] + " in province " + project.provinceCode);
    }
}

ImportReport importProjects(CentralStore& store, const CsvTable& table, const std::vector<std::string>* scope) {
    ImportReport report;
    if (table.header.empty()) {
        report.errors.push_back("the file is empty");
        return report;
    }
    std::vector<domain::Project> projects;
    std::set<std::string> codes;
    for (auto& [line, row] : readRows(table, kProjectColumns, report.errors)) {
        const std::string where = table.rowWord + " " + std::to_string(line) + ": ";
        try {
            const std::string beneficiaries = row.contains("beneficiaries")
                                                  ? std::string(row.at("beneficiaries").as_string()) : "";
            row.erase("beneficiaries");
            row["id"] = Uuid::v7().toString();
            row["beneficiaries"] = bj::array();
            auto project = domain::projectFromJson(row, "");
            if (!codes.insert(project.code).second)
                throw json::JsonError("code", "\"" + project.code + "\" appears twice in the file");
            std::size_t start = 0;
            while (start < beneficiaries.size()) {
                std::size_t end = beneficiaries.find(';', start);
                if (end == std::string::npos)
                    end = beneficiaries.size();
                std::string name = beneficiaries.substr(start, end - start);
                while (!name.empty() && name.front() == ' ')
                    name.erase(0, 1);
                while (!name.empty() && name.back() == ' ')
                    name.pop_back();
                start = end + 1;
                if (name.empty())
                    continue;
                std::optional<std::string> id;
                if (auto byId = store.findFacility(name); byId && byId->provinceCode == project.provinceCode)
                    id = byId->id;
                for (const auto& facility : store.listFacilities({{project.provinceCode}, std::nullopt, name, "", 1000}))
                    if (!id && facility.name == name)
                        id = facility.id;
                if (!id)
                    throw json::JsonError("beneficiaries", "no facility \"" + name + "\" in province " + project.provinceCode);
                project.beneficiaryIds.push_back(*id);
            }
            checkProject(store, project, scope);
            projects.push_back(std::move(project));
        } catch (const json::JsonError& error) {
            report.errors.push_back(where + error.what());
        }
    }
    commitAll(store, projects, [&](const domain::Project& p) { store.createProject(p); }, report);
    return report;
}

} // namespace kc::server
