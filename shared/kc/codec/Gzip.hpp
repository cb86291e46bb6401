#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

//! gzip (RFC 1952) over zlib, for HTTP bodies both ways: the app compresses pushes and the
//! server its answers; each inflates what the other sent, never past a limit.
namespace kc::codec {

//! The whole of `data` as one gzip member.
std::string gzip(std::string_view data, int level = 6);

//! Why a body could not be inflated.
enum class InflateProblem { None, Corrupt, TooLarge };

struct Inflated {
    InflateProblem problem = InflateProblem::None;
    std::string data;
    std::string detail; //!< what was wrong, for a person (zlib's words for a corrupt stream)
};

//! Inflates a gzip body, stopping as soon as it would pass `limit` bytes (a small body that
//! inflates to gigabytes costs no more than `limit`). Trailing bytes after the member, a
//! truncated stream and a wrong CRC are all Corrupt.
Inflated gunzip(std::string_view data, std::size_t limit);

//! gzip made piece by piece, for streamed answers: each feed() returns what is ready (often
//! nothing for small pieces), finish() the rest and the trailer.
class GzipStream {
public:
    explicit GzipStream(int level = 6);
    ~GzipStream();
    GzipStream(const GzipStream&) = delete;
    GzipStream& operator=(const GzipStream&) = delete;

    std::string feed(std::string_view piece);
    std::string finish();

private:
    struct State;
    std::unique_ptr<State> m_state;
};

//! Whether an Accept-Encoding header allows gzip (a q of 0 refuses it; `*` allows it).
bool acceptsGzip(std::string_view acceptEncoding);

//! Whether bodies of this type shrink under gzip: text, JSON, CSV, XML, JavaScript, SVG.
//! Not images, PDF or zip containers (xlsx), which are compressed already.
bool compressible(std::string_view contentType);

} // namespace kc::codec
