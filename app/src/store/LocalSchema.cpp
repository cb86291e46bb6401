#include "store/LocalSchema.hpp"

namespace kc::app {

namespace {
// Append-only: a device upgraded in the field migrates from whatever version it holds.
constexpr db::Migration kMigrations[] = {
    {1, "the device's offline store", R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

-- Every version of every form the device has seen: a draft keeps the version it was begun on.
CREATE TABLE form_versions (
  form_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  title TEXT NOT NULL,          -- {"vi", "en"}
  definition TEXT NOT NULL,
  PRIMARY KEY (form_id, version)
) STRICT;

CREATE TABLE facilities (
  id TEXT PRIMARY KEY,
  province TEXT NOT NULL,
  commune TEXT,
  name TEXT NOT NULL,
  folded TEXT NOT NULL,         -- kc::text::foldForSearch(name)
  data TEXT NOT NULL,           -- the wire form (docs/protocol.md, Registers)
  pending INTEGER NOT NULL DEFAULT 0,      -- registered here, not yet acknowledged
  needs_review INTEGER NOT NULL DEFAULT 0,
  sync_error TEXT
) STRICT;
CREATE INDEX facilities_by_name ON facilities (folded, id);

CREATE TABLE projects (
  id TEXT PRIMARY KEY,
  province TEXT NOT NULL,
  code TEXT NOT NULL,
  title TEXT NOT NULL,
  folded TEXT NOT NULL,
  year INTEGER NOT NULL,
  data TEXT NOT NULL
) STRICT;
CREATE INDEX projects_by_title ON projects (folded, id);

CREATE TABLE assignments (
  id TEXT PRIMARY KEY,
  project_id TEXT NOT NULL,
  user_id TEXT NOT NULL
) STRICT;

CREATE TABLE attachments (
  sha256 TEXT PRIMARY KEY,
  size INTEGER NOT NULL,
  content_type TEXT NOT NULL,
  created_at TEXT NOT NULL,
  uploaded INTEGER NOT NULL DEFAULT 0
) STRICT;

-- state: draft, queued, sending, sent, approved, returned, rejected
CREATE TABLE submissions (
  id TEXT PRIMARY KEY,
  form_id TEXT NOT NULL,
  form_version INTEGER NOT NULL,
  state TEXT NOT NULL,
  revision INTEGER,             -- the server's current revision, once known
  base_revision INTEGER,        -- for an edit: the revision it was made from
  answers TEXT NOT NULL,
  lost_answers TEXT,            -- what a form upgrade could not carry over (JSON)
  captured_at TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  conflict INTEGER NOT NULL DEFAULT 0,
  review_comment TEXT,
  review_fields TEXT,           -- JSON array of paths
  reviewed_at TEXT,
  receipt TEXT,                 -- the server's last receipt, verbatim
  sync_error TEXT
) STRICT;
CREATE INDEX submissions_by_state ON submissions (state, updated_at);

CREATE TABLE submission_attachments (
  submission_id TEXT NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
  sha256 TEXT NOT NULL REFERENCES attachments (sha256),
  PRIMARY KEY (submission_id, sha256)
) STRICT, WITHOUT ROWID;
)sql"},
    {2, "what a pulled submission is about", R"sql(
-- {"facility": id} or {"project": id}, from the server, for records pulled without answers:
-- lists name their subject, not "(not chosen yet)".
ALTER TABLE submissions ADD COLUMN about TEXT;
)sql"},
    {3, "when and where a photo was taken", R"sql(
-- {"taken_at", "location": {"lat", "lon"}} from the photo's EXIF, sent with its announce:
-- the file that leaves the phone keeps none of its metadata.
ALTER TABLE attachments ADD COLUMN origin TEXT;
)sql"},
};
} // namespace

std::span<const db::Migration> localMigrations() { return kMigrations; }

} // namespace kc::app
