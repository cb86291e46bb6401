#pragma once

#include "http/Router.hpp"

#include <ostream>

namespace kc::server {

//! Gives the demo province a history, through the same API the app uses: the demo officer
//! and collaborator sign in, upload photos and push surveys, equipment handovers,
//! monitoring visits, progress reports and typical products of 2022–2025; the demo
//! reviewer approves most, returns one with a comment and rejects one. The programme report
//! of Cao Bằng then reads like the province's own. Call once, right after
//! seedDemoProvince() seeded. Throws std::runtime_error naming the request that failed.
void seedDemoActivity(const Router& router, std::ostream& out);

} // namespace kc::server
