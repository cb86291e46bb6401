#include "store/ServerSchema.hpp"

namespace kc::server {

namespace {

constexpr const char* kInitialSchema = R"sql(
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE provinces (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE communes (
  code          TEXT PRIMARY KEY,
  province_code TEXT NOT NULL REFERENCES provinces(code),
  name          TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE users (
  id            TEXT PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE,
  display_name  TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('admin', 'reviewer', 'officer', 'collaborator')),
  password_hash TEXT NOT NULL,
  disabled      INTEGER NOT NULL DEFAULT 0,
  created_at    TEXT NOT NULL
);

CREATE TABLE user_provinces (
  user_id       TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  province_code TEXT NOT NULL REFERENCES provinces(code),
  PRIMARY KEY (user_id, province_code)
) WITHOUT ROWID;

CREATE TABLE facilities (
  id             TEXT PRIMARY KEY,
  name           TEXT NOT NULL,
  name_folded    TEXT NOT NULL,
  legal_form     TEXT NOT NULL CHECK (legal_form IN
                   ('cooperative', 'limited_company', 'private_enterprise', 'household_business')),
  sector         TEXT NOT NULL,
  province_code  TEXT NOT NULL REFERENCES provinces(code),
  commune_code   TEXT REFERENCES communes(code),
  village        TEXT,
  representative TEXT,
  phone          TEXT,
  workforce      INTEGER CHECK (workforce IS NULL OR workforce >= 0),
  products       TEXT,
  latitude       REAL CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90),
  longitude      REAL CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180),
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);
CREATE INDEX facilities_by_province_name ON facilities (province_code, name_folded);

CREATE TABLE projects (
  id                   TEXT PRIMARY KEY,
  code                 TEXT NOT NULL UNIQUE,
  title                TEXT NOT NULL,
  year                 INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  funding_source       TEXT NOT NULL CHECK (funding_source IN ('national', 'local')),
  activity_type        TEXT NOT NULL,
  province_code        TEXT NOT NULL REFERENCES provinces(code),
  status               TEXT NOT NULL CHECK (status IN
                         ('planned', 'in_progress', 'completed', 'stalled', 'cancelled')),
  status_reason        TEXT,
  extension_funding    INTEGER NOT NULL CHECK (extension_funding >= 0),
  counterpart_capital  INTEGER NOT NULL CHECK (counterpart_capital >= 0),
  investment_attracted INTEGER NOT NULL CHECK (investment_attracted >= 0),
  jobs_created         INTEGER NOT NULL DEFAULT 0 CHECK (jobs_created >= 0),
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL,
  CHECK (status NOT IN ('stalled', 'cancelled') OR status_reason IS NOT NULL)
);
CREATE INDEX projects_by_province_year ON projects (province_code, year);

CREATE TABLE project_beneficiaries (
  project_id  TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  facility_id TEXT NOT NULL REFERENCES facilities(id),
  PRIMARY KEY (project_id, facility_id)
) WITHOUT ROWID;
)sql";

// Forms are data: each published version is kept, so drafts made with an old one migrate.
constexpr const char* kFormsSchema = R"sql(
CREATE TABLE forms (
  id           TEXT NOT NULL,
  version      INTEGER NOT NULL CHECK (version >= 1),
  title_vi     TEXT NOT NULL,
  title_en     TEXT NOT NULL,
  definition   TEXT NOT NULL,
  published_at TEXT NOT NULL,
  PRIMARY KEY (id, version)
) WITHOUT ROWID;
)sql";

constexpr db::Migration kMigrations[] = {
    {1, "registers, users and their provinces", kInitialSchema},
    {2, "published form versions", kFormsSchema},
};

} // namespace

std::span<const db::Migration> serverMigrations() { return kMigrations; }

} // namespace kc::server
