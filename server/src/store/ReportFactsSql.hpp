#pragma once

#include "store/SqlEngine.hpp"

#include <string>

// The programme report's summary: one row per approved submission of a reported form, with
// the figures the report adds up, read from the answers of its current (approved) revision.
// The same SELECT fills the summary as submissions are approved and, run over every
// submission, gives the full scan the summary is checked against.
namespace kc::server {

inline constexpr const char* kReportFactsTable = R"sql(
CREATE TABLE report_facts (
  submission_id TEXT PRIMARY KEY,
  form_id       TEXT NOT NULL,
  province_code TEXT NOT NULL,
  project_id    TEXT,
  facility_id   TEXT,                      -- the facility it is about (typical products: their maker)
  event_date    TEXT,                      -- survey, handover, visit or period end; NULL for products
  year          INTEGER,                   -- of event_date, or a typical product's year
  level         TEXT,                      -- a typical product's recognition level
  quantity      INTEGER NOT NULL,          -- equipment handed over: items
  value         INTEGER NOT NULL           -- equipment handed over: value in đồng
) WITHOUT ROWID;
-- Covers the report's query, so a report reads this index alone, not the rows.
CREATE INDEX report_facts_by_province
  ON report_facts (province_code, form_id, year, event_date, level, project_id, quantity, value, facility_id);
)sql";

//! The report rows of approved submissions that also meet `condition` (SQL on `s`, the
//! submission, and `r`, its current revision; "TRUE" for all), read from the answers with the
//! engine's own JSON functions.
inline std::string reportFactsSelect(const std::string& condition, Dialect dialect = Dialect::Sqlite) {
    if (dialect == Dialect::Postgres)
        return R"sql(
SELECT submission_id, form_id, province_code, project_id, facility_id, event_date,
       CASE WHEN form_id = 'typical_product' THEN product_year
            WHEN event_date ~ '^[0-9]{4}' THEN CAST(substr(event_date, 1, 4) AS BIGINT) END AS year,
       level, quantity, value
FROM (SELECT s.id AS submission_id, s.form_id, s.province_code, s.project_id, s.facility_id,
        CASE s.form_id WHEN 'site_survey' THEN a.j ->> 'survey_date'
                       WHEN 'equipment_handover' THEN a.j ->> 'handover_date'
                       WHEN 'monitoring_visit' THEN a.j ->> 'visit_date'
                       WHEN 'progress_report' THEN a.j ->> 'period_end' END AS event_date,
        CASE WHEN s.form_id = 'typical_product' AND (a.j ->> 'year') ~ '^-?[0-9]{1,9}$'
             THEN CAST(a.j ->> 'year' AS BIGINT) END AS product_year,
        CASE s.form_id WHEN 'typical_product' THEN a.j ->> 'level' END AS level,
        CASE s.form_id WHEN 'equipment_handover' THEN
          (SELECT CAST(trunc(coalesce(sum(CAST(i ->> 'quantity' AS NUMERIC)), 0)) AS BIGINT)
           FROM jsonb_array_elements(a.items) i WHERE jsonb_typeof(i -> 'quantity') = 'number')
          ELSE 0 END AS quantity,
        CASE s.form_id WHEN 'equipment_handover' THEN
          (SELECT CAST(trunc(coalesce(sum(CAST(i ->> 'quantity' AS NUMERIC) * CAST(i ->> 'unit_price' AS NUMERIC)), 0))
                       AS BIGINT)
           FROM jsonb_array_elements(a.items) i
           WHERE jsonb_typeof(i -> 'quantity') = 'number' AND jsonb_typeof(i -> 'unit_price') = 'number')
          ELSE 0 END AS value
      FROM submissions s
      JOIN submission_revisions r ON r.submission_id = s.id AND r.revision = s.current_revision
      CROSS JOIN LATERAL (SELECT CAST(r.answers AS jsonb) AS j) AS answers_json
      CROSS JOIN LATERAL (SELECT answers_json.j,
                                 CASE WHEN jsonb_typeof(answers_json.j -> 'items') = 'array'
                                      THEN answers_json.j -> 'items' ELSE CAST('[]' AS jsonb) END AS items) AS a
      WHERE s.state = 'approved'
        AND s.form_id IN ('site_survey', 'equipment_handover', 'monitoring_visit', 'progress_report',
                          'typical_product')
        AND ()sql" + condition + ")) AS facts";
    return R"sql(
SELECT submission_id, form_id, province_code, project_id, facility_id, event_date,
       CASE WHEN form_id = 'typical_product' THEN product_year
            ELSE CAST(substr(event_date, 1, 4) AS INTEGER) END AS year,
       level, quantity, value
FROM (SELECT s.id AS submission_id, s.form_id, s.province_code, s.project_id, s.facility_id,
        CASE s.form_id WHEN 'site_survey' THEN json_extract(r.answers, '$.survey_date')
                       WHEN 'equipment_handover' THEN json_extract(r.answers, '$.handover_date')
                       WHEN 'monitoring_visit' THEN json_extract(r.answers, '$.visit_date')
                       WHEN 'progress_report' THEN json_extract(r.answers, '$.period_end') END AS event_date,
        CASE s.form_id WHEN 'typical_product' THEN json_extract(r.answers, '$.year') END AS product_year,
        CASE s.form_id WHEN 'typical_product' THEN json_extract(r.answers, '$.level') END AS level,
        CASE s.form_id WHEN 'equipment_handover' THEN
          (SELECT CAST(total(json_extract(i.value, '$.quantity')) AS INTEGER) FROM json_each(r.answers, '$.items') i)
          ELSE 0 END AS quantity,
        CASE s.form_id WHEN 'equipment_handover' THEN
          (SELECT CAST(total(json_extract(i.value, '$.quantity') * json_extract(i.value, '$.unit_price')) AS INTEGER)
           FROM json_each(r.answers, '$.items') i)
          ELSE 0 END AS value
      FROM submissions s
      JOIN submission_revisions r ON r.submission_id = s.id AND r.revision = s.current_revision
      WHERE s.state = 'approved'
        AND s.form_id IN ('site_survey', 'equipment_handover', 'monitoring_visit', 'progress_report',
                          'typical_product')
        AND ()sql" + condition + ")) AS facts";
}

} // namespace kc::server
