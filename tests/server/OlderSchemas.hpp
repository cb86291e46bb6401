#pragma once

// SQL that takes a store back before a migration, for the tests that migrate an older store.
namespace kc::test {

//! Undoes migration 8's new columns (units' validity and successor); report_facts is left to
//! the caller, whose older schema may or may not have it.
//! Back from schema 12, 11, 10 and 9 (and so from 8, which they follow): no photo origins, no
//! sign-in limits in the store, no index by last change, no merged facilities.
inline constexpr const char* kBeforeSchema8 =
    "ALTER TABLE uploads DROP COLUMN origin; ALTER TABLE attachments DROP COLUMN origin; "
    "DROP TABLE rate_events; DROP INDEX submissions_by_change; DROP INDEX facilities_flagged; ALTER TABLE facilities DROP COLUMN merged_into; "
    "ALTER TABLE provinces DROP COLUMN valid_from; ALTER TABLE provinces DROP COLUMN valid_to; "
    "ALTER TABLE provinces DROP COLUMN successor_code; ALTER TABLE communes DROP COLUMN valid_from; "
    "ALTER TABLE communes DROP COLUMN valid_to; ALTER TABLE communes DROP COLUMN successor_code; ";

} // namespace kc::test
