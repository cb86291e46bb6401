// Administrative units in the SQLite store: provinces and communes with the days they were
// valid and the unit each was merged into, and the scope a province code covers.
#include "store/SqlCentralStore.hpp"

#include "store/SqlLists.hpp"
#include "store/StoreChecks.hpp"

#include "kc/json/Json.hpp"
#include "kc/text/Fold.hpp"

#include <boost/json/array.hpp>

#include <algorithm>

namespace kc::server {

namespace {

const char* tableOf(const domain::AdministrativeUnit& unit) {
    return unit.kind == "province" ? "provinces" : "communes";
}

bool exists(SqlDatabase& db, const char* table, const std::string& code) {
    auto statement = db.prepare(std::string("SELECT 1 FROM ") + table + " WHERE code = ?");
    statement.bindAll(code);
    return statement.step();
}

} // namespace

void SqlCentralStore::upsertUnits(const std::vector<domain::AdministrativeUnit>& units) {
    std::vector<const domain::AdministrativeUnit*> ordered;
    for (const auto& unit : units) {
        requireCode(unit.kind, domain::kUnitKinds, "unit " + unit.code + ": kind");
        ordered.push_back(&unit);
    }
    // Provinces first, so that communes of a province in the same list find it.
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const auto* a, const auto* b) { return a->kind == "province" && b->kind != "province"; });
    write([&] {
        for (const auto* unit : ordered) {
            const std::string where = "unit " + unit->code + ": ";
            if (unit->kind == "province") {
                m_db.prepareCached("INSERT INTO provinces (code, name, valid_from, valid_to) VALUES (?, ?, ?, ?) "
                                   "ON CONFLICT (code) DO UPDATE SET name = excluded.name, "
                                   "valid_from = excluded.valid_from, valid_to = excluded.valid_to")
                    .bindAll(unit->code, text::toNfc(unit->name), unit->validFrom, unit->validTo)
                    .run();
                continue;
            }
            if (!unit->parent || !exists(m_db, "provinces", *unit->parent))
                throw std::invalid_argument(where + "parent: province " + unit->parent.value_or("(none)") +
                                            " is in neither the store nor the list");
            m_db.prepareCached("INSERT INTO communes (code, province_code, name, valid_from, valid_to) "
                               "VALUES (?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET "
                               "province_code = excluded.province_code, name = excluded.name, "
                               "valid_from = excluded.valid_from, valid_to = excluded.valid_to")
                .bindAll(unit->code, *unit->parent, text::toNfc(unit->name), unit->validFrom, unit->validTo)
                .run();
        }
        for (const auto* unit : ordered) {
            const char* table = tableOf(*unit);
            if (unit->successor && !exists(m_db, table, *unit->successor))
                throw std::invalid_argument("unit " + unit->code + ": successor: " + unit->kind + " " +
                                            *unit->successor + " is in neither the store nor the list");
            m_db.prepare(std::string("UPDATE ") + table + " SET successor_code = ? WHERE code = ?")
                .bindAll(unit->successor, unit->code)
                .run();
        }
        for (const auto* unit : ordered) {
            // Follow the chain: merging never goes round in a circle.
            std::string code = unit->code;
            for (int step = 0;; ++step) {
                auto next = m_db.prepare(std::string("SELECT successor_code FROM ") + tableOf(*unit) +
                                         " WHERE code = ? AND successor_code IS NOT NULL");
                next.bindAll(code);
                if (!next.step())
                    break;
                code = next.getText(0);
                if (code == unit->code || step > 1000)
                    throw std::invalid_argument("unit " + unit->code + ": successor: the chain of successors "
                                                "leads back to " + unit->code);
            }
        }
    });
}

std::vector<domain::AdministrativeUnit> SqlCentralStore::listUnits() {
    const auto reading = leaseReader();
    SqlDatabase& reader = *reading;
    auto statement = reader.prepare(
        "SELECT code, name, 'province', NULL, valid_from, valid_to, successor_code FROM provinces "
        "UNION ALL SELECT code, name, 'commune', province_code, valid_from, valid_to, successor_code FROM communes "
        "ORDER BY 3 DESC, 1");
    std::vector<domain::AdministrativeUnit> units;
    while (statement.step())
        units.push_back({statement.getText(0), statement.getText(1), statement.getText(2),
                         statement.getOptionalText(3), statement.getOptionalText(4), statement.getOptionalText(5),
                         statement.getOptionalText(6)});
    return units;
}

std::vector<std::string> SqlCentralStore::withPredecessors(const std::vector<std::string>& provinceCodes) {
    if (provinceCodes.empty())
        return {};
    std::string values;
    for (std::size_t i = 0; i < provinceCodes.size(); ++i)
        values += i ? ", (CAST(? AS TEXT))" : "(CAST(? AS TEXT))";
    const auto reading = leaseReader();
    SqlDatabase& reader = *reading;
    auto statement = reader.prepareCached(
        "WITH RECURSIVE " + coveredProvinces("VALUES " + values) + " SELECT code FROM covered ORDER BY code");
    bindList(statement, 1, provinceCodes);
    std::vector<std::string> covered;
    while (statement.step())
        covered.push_back(statement.getText(0));
    return covered;
}

} // namespace kc::server
