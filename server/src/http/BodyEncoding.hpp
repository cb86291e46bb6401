#pragma once

#include "http/HttpTypes.hpp"
#include "http/TransportStats.hpp"

#include <cstddef>
#include <optional>
#include <string_view>

namespace kc::server {

//! Answers smaller than this go as they are: gzip's header and trailer would eat the gain.
inline constexpr std::size_t kCompressFrom = 1024;

//! A request body sent with `Content-Encoding`: gzip is inflated in place (at most
//! `inflatedLimit` bytes) and the header dropped, so handlers see the plain body. Returns
//! the error answer instead when the body cannot be taken: 415 unsupported_encoding (any
//! other coding, or a compressed attachment chunk, whose offsets count the file's own
//! bytes), 413 payload_too_large (it inflates past the limit), 400 bad_encoding (a corrupt
//! or truncated stream). Nothing is dispatched then, so nothing changes.
std::optional<Response> decodeRequestBody(Request& request, std::size_t inflatedLimit);

//! Compresses an answer with gzip when the request's Accept-Encoding allows it and the
//! body is text (JSON, CSV, HTML, JavaScript...) of at least kCompressFrom bytes; streamed
//! answers are compressed as they are produced. Photos, PDFs and workbooks go as they are.
//! Every answer that could have been compressed says `Vary: Accept-Encoding`.
void encodeResponse(Response& response, std::string_view acceptEncoding, TransportStats& stats);

} // namespace kc::server
