#include "store/ServerSchema.hpp"

#include "store/ReportFactsSql.hpp"

#include <string>

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

// Sign-in, the change feed, submissions with their revisions and receipts, attachments,
// review and the audit log.
constexpr const char* kSyncSchema = R"sql(
CREATE TABLE tokens (
  hash       TEXT PRIMARY KEY,             -- SHA-256 of the bearer token; the token itself is never stored
  user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  device     TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT
) WITHOUT ROWID;
CREATE INDEX tokens_by_user ON tokens (user_id);

CREATE TABLE enrollment_codes (
  hash       TEXT PRIMARY KEY,             -- SHA-256 of the one-time code
  user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  device     TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at    TEXT
) WITHOUT ROWID;

ALTER TABLE facilities ADD COLUMN created_by TEXT;
ALTER TABLE facilities ADD COLUMN needs_review INTEGER NOT NULL DEFAULT 0;
ALTER TABLE facilities ADD COLUMN possible_duplicates TEXT;  -- JSON list, for the reviewer
CREATE INDEX facilities_by_commune_name ON facilities (commune_code, name_folded);

CREATE TABLE assignments (
  id         TEXT PRIMARY KEY,
  project_id TEXT NOT NULL REFERENCES projects(id),
  user_id    TEXT NOT NULL REFERENCES users(id),
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (project_id, user_id)
);
CREATE INDEX assignments_by_user ON assignments (user_id);

-- One server-wide change sequence. A record keeps only its newest row: a change deletes the
-- record's older row and appends a new one, so a cursor never skips anything and the initial
-- pull carries each record once. The scope columns let pull filter without reading payloads.
CREATE TABLE changes (
  seq           INTEGER PRIMARY KEY AUTOINCREMENT,
  kind          TEXT NOT NULL CHECK (kind IN ('form', 'facility', 'project', 'assignment', 'submission')),
  record_id     TEXT NOT NULL,
  province_code TEXT,                      -- NULL: every signed-in user (forms)
  owner_id      TEXT,                      -- assignments: the assignee; submissions: the submitter
  deleted       INTEGER NOT NULL DEFAULT 0,
  payload       TEXT,                      -- the record as JSON; NULL for a tombstone
  changed_at    TEXT NOT NULL,
  UNIQUE (kind, record_id)
);

CREATE TABLE submissions (
  id               TEXT PRIMARY KEY,       -- the client's UUIDv7
  form_id          TEXT NOT NULL,
  form_version     INTEGER NOT NULL,
  owner_id         TEXT NOT NULL REFERENCES users(id),
  province_code    TEXT NOT NULL REFERENCES provinces(code),
  project_id       TEXT REFERENCES projects(id),
  facility_id      TEXT REFERENCES facilities(id),
  state            TEXT NOT NULL CHECK (state IN ('submitted', 'approved', 'returned', 'rejected')),
  current_revision INTEGER NOT NULL,
  conflict         INTEGER NOT NULL DEFAULT 0,
  review_comment   TEXT,
  review_fields    TEXT,                   -- JSON list of field paths named by the reviewer
  reviewed_by      TEXT,
  reviewed_at      TEXT,
  received_at      TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  FOREIGN KEY (form_id, form_version) REFERENCES forms(id, version)
);
CREATE INDEX submissions_by_province ON submissions (province_code, id);
CREATE INDEX submissions_by_owner ON submissions (owner_id, id);

CREATE TABLE submission_revisions (
  submission_id TEXT NOT NULL REFERENCES submissions(id),
  revision      INTEGER NOT NULL,
  base_revision INTEGER,
  form_version  INTEGER NOT NULL,
  content_hash  TEXT NOT NULL,
  answers       TEXT NOT NULL,
  captured_at   TEXT,
  conflict      INTEGER NOT NULL DEFAULT 0,
  received_at   TEXT NOT NULL,
  PRIMARY KEY (submission_id, revision)
) WITHOUT ROWID;

-- Which attachments a revision uses: who may fetch a photo follows who may see a submission.
CREATE TABLE submission_attachments (
  submission_id TEXT NOT NULL,
  revision      INTEGER NOT NULL,
  sha256        TEXT NOT NULL,
  PRIMARY KEY (sha256, submission_id, revision)
) WITHOUT ROWID;

-- The receipt given for one content of one submission id: a replay gets it again.
CREATE TABLE receipts (
  submission_id TEXT NOT NULL,
  content_hash  TEXT NOT NULL,
  receipt       TEXT NOT NULL,
  PRIMARY KEY (submission_id, content_hash)
) WITHOUT ROWID;

CREATE TABLE attachments (
  sha256       TEXT PRIMARY KEY,
  size         INTEGER NOT NULL,
  content_type TEXT NOT NULL,
  uploaded_by  TEXT NOT NULL REFERENCES users(id),
  completed_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE uploads (
  sha256       TEXT NOT NULL,
  user_id      TEXT NOT NULL REFERENCES users(id),
  size         INTEGER NOT NULL,
  content_type TEXT NOT NULL,
  received     INTEGER NOT NULL DEFAULT 0,
  started_at   TEXT NOT NULL,
  PRIMARY KEY (sha256, user_id)
) WITHOUT ROWID;

CREATE TABLE audit_log (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  at         TEXT NOT NULL,
  actor_id   TEXT NOT NULL,
  action     TEXT NOT NULL,
  record     TEXT NOT NULL,                -- "submission/<id>", "user/<id>", ...
  before     TEXT,                         -- JSON
  after      TEXT                          -- JSON
);
CREATE INDEX audit_by_record ON audit_log (record, id);
)sql";

// Exports walk one form's submissions in id order, a page at a time.
constexpr const char* kExportIndex = R"sql(
CREATE INDEX submissions_by_form ON submissions (form_id, id);
)sql";

// Revisions as a rowid table. A WITHOUT ROWID table keeps at most about 1 kB of a row in
// its b-tree page (with 4 kB pages) and moves the rest to an overflow page, so every site
// survey (about 1.1 kB of answers) cost a whole extra page; a rowid table keeps up to about
// 4 kB of a row in place.
constexpr const char* kRevisionsInPlace = R"sql(
CREATE TABLE submission_revisions_new (
  submission_id TEXT NOT NULL REFERENCES submissions(id),
  revision      INTEGER NOT NULL,
  base_revision INTEGER,
  form_version  INTEGER NOT NULL,
  content_hash  TEXT NOT NULL,
  answers       TEXT NOT NULL,
  captured_at   TEXT,
  conflict      INTEGER NOT NULL DEFAULT 0,
  received_at   TEXT NOT NULL,
  PRIMARY KEY (submission_id, revision)
);
INSERT INTO submission_revisions_new (submission_id, revision, base_revision, form_version, content_hash,
                                      answers, captured_at, conflict, received_at)
  SELECT submission_id, revision, base_revision, form_version, content_hash, answers, captured_at, conflict,
         received_at FROM submission_revisions ORDER BY submission_id, revision;
DROP TABLE submission_revisions;
ALTER TABLE submission_revisions_new RENAME TO submission_revisions;
)sql";

// Pull reads a caller's feed as a few parts (forms; each province's facilities, projects and
// assignments; their own assignments and submissions), each in sequence order through one of
// these (an index ends in the rowid, which is seq), so a page costs its own rows, not the
// whole feed's.
constexpr const char* kFeedIndexes = R"sql(
CREATE INDEX changes_by_kind_province ON changes (kind, province_code);
CREATE INDEX changes_by_kind_owner ON changes (kind, owner_id);
)sql";

// A duplicate facility a reviewer merged keeps its row (answers recorded with its id still
// resolve) and names the facility it became part of; the lists leave it out.
constexpr const char* kMergedFacilities = R"sql(
ALTER TABLE facilities ADD COLUMN merged_into TEXT;  -- a facility id (kept by mergeFacility)
CREATE INDEX facilities_flagged ON facilities (province_code, id) WHERE needs_review = 1;
)sql";

// The review list in its "changed" order reads a page in index order, as the others do.
constexpr const char* kChangeOrderIndex = R"sql(
CREATE INDEX submissions_by_change ON submissions (province_code, updated_at, id);
)sql";

// Sign-in limits kept in the store (used when several servers share it: PostgreSQL).
// {"taken_at", "location": {"lat", "lon"}}: the photo's file carries no metadata by then.
constexpr const char* kPhotoOrigin = R"sql(
ALTER TABLE uploads ADD COLUMN origin TEXT;
ALTER TABLE attachments ADD COLUMN origin TEXT;
)sql";

constexpr const char* kRateEvents = R"sql(
CREATE TABLE rate_events (
  key   TEXT NOT NULL,                     -- "user:<name>", "user:<name>@<address>", an address
  at_ms INTEGER NOT NULL                   -- milliseconds since 1970
);
CREATE INDEX rate_events_by_key ON rate_events (key, at_ms);
)sql";

// Programme reports: people trained in the project register, and the summary of approved
// submissions, filled from those already approved.
std::string reportSchema() {
    return std::string("ALTER TABLE projects ADD COLUMN people_trained INTEGER NOT NULL DEFAULT 0 "
                       "CHECK (people_trained >= 0);\n") +
           kReportFactsTable + "INSERT INTO report_facts " + reportFactsSelect("TRUE") + ";\n";
}

// Administrative units change (1 July 2025: 63 provinces became 34, communes merged): each
// unit keeps the days it was valid and the unit it became part of. The report summary names
// the facility a record is about, so typical products count their distinct makers.
std::string unitsSchema() {
    std::string sql;
    for (const char* table : {"provinces", "communes"})
        sql += std::string("ALTER TABLE ") + table + " ADD COLUMN valid_from TEXT;\n" +
               "ALTER TABLE " + table + " ADD COLUMN valid_to TEXT;\n" +
               "ALTER TABLE " + table + " ADD COLUMN successor_code TEXT;\n";  // checked by upsertUnits
    return sql + "DROP TABLE report_facts;\n" + kReportFactsTable + "INSERT INTO report_facts " +
           reportFactsSelect("TRUE") + ";\n";
}

} // namespace

std::span<const db::Migration> serverMigrations() {
    static const std::string report = reportSchema();
    static const std::string units = unitsSchema();
    static const db::Migration migrations[] = {
        {1, "registers, users and their provinces", kInitialSchema},
        {2, "published form versions", kFormsSchema},
        {3, "sign-in, change feed, submissions, attachments, review and audit", kSyncSchema},
        {4, "an index for exports by form", kExportIndex},
        {5, "programme reports: people trained, summary of approved submissions", report},
        {6, "submission revisions kept in place, not in overflow pages", kRevisionsInPlace},
        {7, "indexes for pulling each part of a caller's feed in sequence order", kFeedIndexes},
        {8, "administrative units' validity and successor; report summary names the facility", units},
        {9, "facilities merged into another by a reviewer", kMergedFacilities},
        {10, "an index for the review list by last change", kChangeOrderIndex},
        {11, "sign-in limits kept in the store, shared by the servers on it", kRateEvents},
        {12, "when and where a photo was taken (from its EXIF, sent by the device)", kPhotoOrigin},
    };
    return migrations;
}

} // namespace kc::server
