#include "store/pg/PgInsertBatches.hpp"

#include <algorithm>
#include <cctype>

namespace kc::server::pg {

namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool startsWithWord(std::string_view text, std::string_view word) {
    return text.size() >= word.size() && lower(text.substr(0, word.size())) == word;
}

} // namespace

std::optional<InsertShape> insertShape(std::string_view sql) {
    if (!startsWithWord(sql, "insert into "))
        return std::nullopt;
    const std::string folded = lower(sql);
    const std::size_t values = folded.find(" values (");
    if (values == std::string::npos || folded.find(" select ") != std::string::npos ||
        folded.find("returning") != std::string::npos)
        return std::nullopt;
    InsertShape shape;
    const std::size_t nameStart = 12;
    const std::size_t nameEnd = folded.find_first_of(" (", nameStart);
    if (nameEnd == std::string::npos || nameEnd > values)
        return std::nullopt;
    shape.table = folded.substr(nameStart, nameEnd - nameStart);
    const std::size_t open = values + 8;  // the row's "("
    int depth = 0;
    std::size_t close = std::string::npos;
    for (std::size_t i = open; i < sql.size(); ++i) {
        const char c = sql[i];
        if (c == '\'' || c == '"')
            return std::nullopt;  // literals in the row: not worth the care
        if (c == '?') {
            if (i + 1 < sql.size() && std::isdigit(static_cast<unsigned char>(sql[i + 1])))
                return std::nullopt;  // ?N: numbered, not repeatable as written
            ++shape.params;
        }
        if (c == '(')
            ++depth;
        if (c == ')' && --depth == 0) {
            close = i;
            break;
        }
    }
    if (close == std::string::npos || shape.params == 0)
        return std::nullopt;
    shape.tail = std::string(sql.substr(close + 1));
    if (shape.tail.find('(') != std::string::npos || shape.tail.find('?') != std::string::npos ||
        shape.tail.find(',') != std::string::npos)
        return std::nullopt;  // a second row, or a conflict target with its own values
    shape.head = std::string(sql.substr(0, open));
    shape.row = std::string(sql.substr(open, close + 1 - open));
    return shape;
}

const std::optional<InsertShape>& InsertBatches::shapeOf(const std::string& sql) {
    auto found = m_shapes.find(sql);
    if (found == m_shapes.end())
        found = m_shapes.emplace(sql, insertShape(sql)).first;
    return found->second;
}

bool InsertBatches::add(const std::string& sql, const Values& values) {
    const auto& shape = shapeOf(sql);
    if (!shape || values.size() != shape->params)
        return false;
    // The last group of this statement takes the row, unless a group after it holds rows the
    // row may need before it (a table it references) or may collide with (its own table).
    std::size_t last = m_groups.size();
    for (std::size_t i = m_groups.size(); i-- > 0;) {
        if (m_groups[i].sql == sql) {
            last = i;
            break;
        }
        const std::string& later = m_groups[i].shape->table;
        if (later == shape->table || m_references(shape->table, later))
            break;
    }
    if (last == m_groups.size())
        m_groups.push_back({sql, &*shape, {}});
    m_groups[last].rows.push_back(values);
    ++m_rows;
    return true;
}

std::vector<InsertBatches::Statement> InsertBatches::take() {
    std::vector<Statement> out;
    for (auto& group : m_groups) {
        // PostgreSQL takes at most 65535 parameters a statement.
        const std::size_t perStatement = std::max<std::size_t>(1, 30000 / group.shape->params);
        for (std::size_t first = 0; first < group.rows.size(); first += perStatement) {
            const std::size_t count = std::min(perStatement, group.rows.size() - first);
            Statement statement;
            statement.rows = count;
            if (count == 1) {
                statement.sql = group.sql;
            } else {
                statement.sql = group.shape->head;
                statement.sql.reserve(statement.sql.size() + count * (group.shape->row.size() + 2) +
                                      group.shape->tail.size());
                for (std::size_t r = 0; r < count; ++r) {
                    if (r)
                        statement.sql += ", ";
                    statement.sql += group.shape->row;
                }
                statement.sql += group.shape->tail;
            }
            statement.values.reserve(count * group.shape->params);
            for (std::size_t r = first; r < first + count; ++r)
                for (auto& value : group.rows[r])
                    statement.values.push_back(std::move(value));
            out.push_back(std::move(statement));
        }
    }
    clear();
    return out;
}

} // namespace kc::server::pg
