// The central store's schema on PostgreSQL: the same tables, columns and indexes as SQLite's
// (ServerSchema.cpp), with PostgreSQL's types. Texts compare byte by byte: the store checks at
// start that the database's collation is C (see docs/operations.md).
#include "store/pg/PgSchema.hpp"

namespace kc::server {

namespace {

constexpr const char* kSchema10 = R"sql(
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE provinces (
  code           TEXT PRIMARY KEY,
  name           TEXT NOT NULL,
  valid_from     TEXT,
  valid_to       TEXT,
  successor_code TEXT
);
CREATE TABLE communes (
  code           TEXT PRIMARY KEY,
  province_code  TEXT NOT NULL REFERENCES provinces(code),
  name           TEXT NOT NULL,
  valid_from     TEXT,
  valid_to       TEXT,
  successor_code TEXT
);
CREATE TABLE users (
  id            TEXT PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE,
  display_name  TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('admin', 'reviewer', 'officer', 'collaborator')),
  password_hash TEXT NOT NULL,
  disabled      BIGINT NOT NULL DEFAULT 0,
  created_at    TEXT NOT NULL
);
CREATE TABLE user_provinces (
  user_id       TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  province_code TEXT NOT NULL REFERENCES provinces(code),
  PRIMARY KEY (user_id, province_code)
);
CREATE TABLE facilities (
  id                  TEXT PRIMARY KEY,
  name                TEXT NOT NULL,
  name_folded         TEXT NOT NULL,
  legal_form          TEXT NOT NULL CHECK (legal_form IN
                        ('cooperative', 'limited_company', 'private_enterprise', 'household_business')),
  sector              TEXT NOT NULL,
  province_code       TEXT NOT NULL REFERENCES provinces(code),
  commune_code        TEXT REFERENCES communes(code),
  village             TEXT,
  representative      TEXT,
  phone               TEXT,
  workforce           BIGINT CHECK (workforce IS NULL OR workforce >= 0),
  products            TEXT,
  latitude            DOUBLE PRECISION CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90),
  longitude           DOUBLE PRECISION CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180),
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  created_by          TEXT,
  needs_review        BIGINT NOT NULL DEFAULT 0,
  possible_duplicates TEXT,
  merged_into         TEXT
);
CREATE INDEX facilities_by_province_name ON facilities (province_code, name_folded);
CREATE INDEX facilities_by_commune_name ON facilities (commune_code, name_folded);
CREATE INDEX facilities_flagged ON facilities (province_code, id) WHERE needs_review = 1;
CREATE TABLE projects (
  id                   TEXT PRIMARY KEY,
  code                 TEXT NOT NULL UNIQUE,
  title                TEXT NOT NULL,
  year                 BIGINT NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  funding_source       TEXT NOT NULL CHECK (funding_source IN ('national', 'local')),
  activity_type        TEXT NOT NULL,
  province_code        TEXT NOT NULL REFERENCES provinces(code),
  status               TEXT NOT NULL CHECK (status IN
                         ('planned', 'in_progress', 'completed', 'stalled', 'cancelled')),
  status_reason        TEXT,
  extension_funding    BIGINT NOT NULL CHECK (extension_funding >= 0),
  counterpart_capital  BIGINT NOT NULL CHECK (counterpart_capital >= 0),
  investment_attracted BIGINT NOT NULL CHECK (investment_attracted >= 0),
  jobs_created         BIGINT NOT NULL DEFAULT 0 CHECK (jobs_created >= 0),
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL,
  people_trained       BIGINT NOT NULL DEFAULT 0 CHECK (people_trained >= 0),
  CHECK (status NOT IN ('stalled', 'cancelled') OR status_reason IS NOT NULL)
);
CREATE INDEX projects_by_province_year ON projects (province_code, year);
CREATE TABLE project_beneficiaries (
  project_id  TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  facility_id TEXT NOT NULL REFERENCES facilities(id),
  PRIMARY KEY (project_id, facility_id)
);
CREATE TABLE forms (
  id           TEXT NOT NULL,
  version      BIGINT NOT NULL CHECK (version >= 1),
  title_vi     TEXT NOT NULL,
  title_en     TEXT NOT NULL,
  definition   TEXT NOT NULL,
  published_at TEXT NOT NULL,
  PRIMARY KEY (id, version)
);
CREATE TABLE tokens (
  hash       TEXT PRIMARY KEY,
  user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  device     TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX tokens_by_user ON tokens (user_id);
CREATE TABLE enrollment_codes (
  hash       TEXT PRIMARY KEY,
  user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  device     TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at    TEXT
);
CREATE TABLE assignments (
  id         TEXT PRIMARY KEY,
  project_id TEXT NOT NULL REFERENCES projects(id),
  user_id    TEXT NOT NULL REFERENCES users(id),
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (project_id, user_id)
);
CREATE INDEX assignments_by_user ON assignments (user_id);
-- Every write takes the store's advisory lock before its first change, so sequence numbers
-- are taken in commit order across servers (docs/protocol.md, "the change feed").
CREATE TABLE changes (
  seq           BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  kind          TEXT NOT NULL CHECK (kind IN ('form', 'facility', 'project', 'assignment', 'submission')),
  record_id     TEXT NOT NULL,
  province_code TEXT,
  owner_id      TEXT,
  deleted       BIGINT NOT NULL DEFAULT 0,
  payload       TEXT,
  changed_at    TEXT NOT NULL,
  UNIQUE (kind, record_id)
);
CREATE INDEX changes_by_kind_province ON changes (kind, province_code, seq);
CREATE INDEX changes_by_kind_owner ON changes (kind, owner_id, seq);
CREATE TABLE submissions (
  id               TEXT PRIMARY KEY,
  form_id          TEXT NOT NULL,
  form_version     BIGINT NOT NULL,
  owner_id         TEXT NOT NULL REFERENCES users(id),
  province_code    TEXT NOT NULL REFERENCES provinces(code),
  project_id       TEXT REFERENCES projects(id),
  facility_id      TEXT REFERENCES facilities(id),
  state            TEXT NOT NULL CHECK (state IN ('submitted', 'approved', 'returned', 'rejected')),
  current_revision BIGINT NOT NULL,
  conflict         BIGINT NOT NULL DEFAULT 0,
  review_comment   TEXT,
  review_fields    TEXT,
  reviewed_by      TEXT,
  reviewed_at      TEXT,
  received_at      TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  FOREIGN KEY (form_id, form_version) REFERENCES forms(id, version)
);
CREATE INDEX submissions_by_province ON submissions (province_code, id);
CREATE INDEX submissions_by_owner ON submissions (owner_id, id);
CREATE INDEX submissions_by_form ON submissions (form_id, id);
CREATE INDEX submissions_by_change ON submissions (province_code, updated_at, id);
CREATE TABLE submission_revisions (
  submission_id TEXT NOT NULL REFERENCES submissions(id),
  revision      BIGINT NOT NULL,
  base_revision BIGINT,
  form_version  BIGINT NOT NULL,
  content_hash  TEXT NOT NULL,
  answers       TEXT NOT NULL,
  captured_at   TEXT,
  conflict      BIGINT NOT NULL DEFAULT 0,
  received_at   TEXT NOT NULL,
  PRIMARY KEY (submission_id, revision)
);
CREATE TABLE submission_attachments (
  submission_id TEXT NOT NULL,
  revision      BIGINT NOT NULL,
  sha256        TEXT NOT NULL,
  PRIMARY KEY (sha256, submission_id, revision)
);
CREATE TABLE receipts (
  submission_id TEXT NOT NULL,
  content_hash  TEXT NOT NULL,
  receipt       TEXT NOT NULL,
  PRIMARY KEY (submission_id, content_hash)
);
CREATE TABLE attachments (
  sha256       TEXT PRIMARY KEY,
  size         BIGINT NOT NULL,
  content_type TEXT NOT NULL,
  uploaded_by  TEXT NOT NULL REFERENCES users(id),
  completed_at TEXT NOT NULL
);
CREATE TABLE uploads (
  sha256       TEXT NOT NULL,
  user_id      TEXT NOT NULL REFERENCES users(id),
  size         BIGINT NOT NULL,
  content_type TEXT NOT NULL,
  received     BIGINT NOT NULL DEFAULT 0,
  started_at   TEXT NOT NULL,
  PRIMARY KEY (sha256, user_id)
);
CREATE TABLE audit_log (
  id       BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  at       TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  action   TEXT NOT NULL,
  record   TEXT NOT NULL,
  before   TEXT,
  after    TEXT
);
CREATE INDEX audit_by_record ON audit_log (record, id);
CREATE TABLE report_facts (
  submission_id TEXT PRIMARY KEY,
  form_id       TEXT NOT NULL,
  province_code TEXT NOT NULL,
  project_id    TEXT,
  facility_id   TEXT,
  event_date    TEXT,
  year          BIGINT,
  level         TEXT,
  quantity      BIGINT NOT NULL,
  value         BIGINT NOT NULL
);
CREATE INDEX report_facts_by_province
  ON report_facts (province_code, form_id, year, event_date, level, project_id, quantity, value, facility_id);
)sql";

constexpr const char* kPhotoOrigin = R"sql(
ALTER TABLE uploads ADD COLUMN origin TEXT;
ALTER TABLE attachments ADD COLUMN origin TEXT;
)sql";

constexpr const char* kRateEvents = R"sql(
CREATE TABLE rate_events (
  key   TEXT NOT NULL,
  at_ms BIGINT NOT NULL
);
CREATE INDEX rate_events_by_key ON rate_events (key, at_ms);
)sql";

} // namespace

std::span<const PgMigration> pgMigrations() {
    static const PgMigration migrations[] = {
        {10, "the whole schema as SQLite has it at version 10", kSchema10},
        {11, "sign-in limits kept in the store, shared by the servers on it", kRateEvents},
        {12, "when and where a photo was taken (from its EXIF, sent by the device)", kPhotoOrigin},
    };
    return migrations;
}

} // namespace kc::server
