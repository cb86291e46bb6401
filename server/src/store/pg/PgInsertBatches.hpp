#pragma once

// Single-row INSERTs sent in one transaction, gathered into multi-row INSERTs: a push of 100
// site surveys writes five tables a row per survey, and PostgreSQL executes one statement of
// 100 rows in well under half the time of 100 statements of one row. Rows of one statement
// keep their order, and a row is moved ahead of other tables' rows only when its table
// references none of them (foreign keys, read from the database) and is not one of them, so
// every row still lands after what it references and conflicts resolve as they were sent.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kc::server::pg {

using Values = std::vector<std::optional<std::string>>;

//! `INSERT INTO t (…) VALUES (…) [tail]` with `?` placeholders, split to repeat its row.
struct InsertShape {
    std::string table;  //!< as written, lower case
    std::string head;   //!< up to and including "VALUES "
    std::string row;    //!< "(?, ?, 0, ?)"
    std::string tail;   //!< what follows the row (" ON CONFLICT DO NOTHING"), may be empty
    std::size_t params = 0;
};
//! The shape of a single-row INSERT with plain `?` placeholders; nullopt for anything else
//! (numbered placeholders, SELECT sources, several rows, RETURNING).
std::optional<InsertShape> insertShape(std::string_view sql);

class InsertBatches {
public:
    //! `references(from, to)`: whether table `from` has a foreign key to table `to`.
    explicit InsertBatches(std::function<bool(const std::string&, const std::string&)> references)
        : m_references(std::move(references)) {}

    //! Keeps the row when `sql` is a single-row INSERT (true); false: send it as it is, after
    //! what take() returns.
    bool add(const std::string& sql, const Values& values);
    struct Statement {
        std::string sql;  //!< with `?` placeholders
        Values values;
        std::size_t rows = 0;
    };
    //! The rows kept, as statements in the order they must run; empties the batch.
    std::vector<Statement> take();
    void clear() { m_groups.clear(); m_rows = 0; }
    std::size_t rows() const { return m_rows; }

private:
    struct Group {
        std::string sql;
        const InsertShape* shape;
        std::vector<Values> rows;
    };
    const std::optional<InsertShape>& shapeOf(const std::string& sql);

    std::function<bool(const std::string&, const std::string&)> m_references;
    std::unordered_map<std::string, std::optional<InsertShape>> m_shapes;
    std::vector<Group> m_groups;
    std::size_t m_rows = 0;
};

} // namespace kc::server::pg
