#include "kc/codec/Gzip.hpp"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <stdexcept>

namespace kc::codec {

namespace {

constexpr int kGzipWindow = 15 + 16; // deflateInit2/inflateInit2: a gzip wrapper, not zlib's
constexpr std::size_t kStep = 64 * 1024;

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

void deflateInto(z_stream& z, std::string_view input, int flush, std::string& out) {
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data()));
    z.avail_in = static_cast<uInt>(input.size());
    int rc = Z_OK;
    do {
        const std::size_t had = out.size();
        out.resize(had + kStep);
        z.next_out = reinterpret_cast<Bytef*>(out.data() + had);
        z.avail_out = static_cast<uInt>(kStep);
        rc = deflate(&z, flush);
        out.resize(had + kStep - z.avail_out);
        if (rc == Z_STREAM_ERROR)
            throw std::runtime_error("gzip: the compressor failed");
    } while (z.avail_out == 0 || (flush == Z_FINISH && rc != Z_STREAM_END));
}

} // namespace

struct GzipStream::State {
    z_stream z{};
    bool finished = false;
};

GzipStream::GzipStream(int level) : m_state(std::make_unique<State>()) {
    if (deflateInit2(&m_state->z, level, Z_DEFLATED, kGzipWindow, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw std::runtime_error("gzip: cannot start the compressor");
}

GzipStream::~GzipStream() { deflateEnd(&m_state->z); }

std::string GzipStream::feed(std::string_view piece) {
    std::string out;
    // Inputs past 4 GiB go in steps: avail_in is 32 bits.
    while (!piece.empty()) {
        const std::size_t take = std::min<std::size_t>(piece.size(), 1u << 30);
        deflateInto(m_state->z, piece.substr(0, take), Z_NO_FLUSH, out);
        piece.remove_prefix(take);
    }
    return out;
}

std::string GzipStream::finish() {
    std::string out;
    if (!m_state->finished) {
        deflateInto(m_state->z, {}, Z_FINISH, out);
        m_state->finished = true;
    }
    return out;
}

std::string gzip(std::string_view data, int level) {
    GzipStream stream(level);
    std::string out = stream.feed(data);
    out += stream.finish();
    return out;
}

Inflated gunzip(std::string_view data, std::size_t limit) {
    Inflated result;
    z_stream z{};
    if (inflateInit2(&z, kGzipWindow) != Z_OK)
        throw std::runtime_error("gzip: cannot start the decompressor");
    struct End {
        z_stream& z;
        ~End() { inflateEnd(&z); }
    } end{z};
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(std::min<std::size_t>(data.size(), 0xFFFFFFFFu));
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        const std::size_t had = result.data.size();
        const std::size_t room = std::min(kStep, limit + 1 - had); // one byte past the limit tells
        result.data.resize(had + room);
        z.next_out = reinterpret_cast<Bytef*>(result.data.data() + had);
        z.avail_out = static_cast<uInt>(room);
        rc = inflate(&z, Z_NO_FLUSH);
        result.data.resize(had + room - z.avail_out);
        if (result.data.size() > limit) {
            result.problem = InflateProblem::TooLarge;
            result.data.clear();
            result.detail = "the body inflates past the limit of " + std::to_string(limit) + " bytes";
            return result;
        }
        if (rc == Z_STREAM_END)
            break;
        if (rc == Z_BUF_ERROR && z.avail_in == 0) {
            result.problem = InflateProblem::Corrupt;
            result.detail = "the gzip stream ends before its last block";
            result.data.clear();
            return result;
        }
        if (rc != Z_OK && rc != Z_BUF_ERROR) {
            result.problem = InflateProblem::Corrupt;
            result.detail = std::string("the gzip stream is corrupt: ") + (z.msg ? z.msg : "unreadable data");
            result.data.clear();
            return result;
        }
    }
    if (z.avail_in != 0 || data.size() > 0xFFFFFFFFu) {
        result.problem = InflateProblem::Corrupt;
        result.detail = "bytes follow the end of the gzip stream";
        result.data.clear();
    }
    return result;
}

bool acceptsGzip(std::string_view header) {
    bool star = false;
    while (!header.empty()) {
        const auto comma = header.find(',');
        std::string_view item = header.substr(0, comma);
        header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
        std::string_view coding = item;
        double q = 1.0;
        if (const auto semi = item.find(';'); semi != std::string_view::npos) {
            coding = item.substr(0, semi);
            const std::string params = lower(trim(item.substr(semi + 1)));
            if (params.rfind("q=", 0) == 0) {
                const char* first = params.data() + 2;
                if (std::from_chars(first, params.data() + params.size(), q).ec != std::errc())
                    q = 0.0;  // unreadable: not an offer
            }
        }
        const std::string name = lower(trim(coding));
        if (name == "gzip" || name == "x-gzip")
            return q > 0.0;
        if (name == "*")
            star = q > 0.0;
    }
    return star;
}

bool compressible(std::string_view contentType) {
    const std::string type = lower(trim(contentType.substr(0, contentType.find(';'))));
    return type.rfind("text/", 0) == 0 || type == "application/json" || type == "application/javascript" ||
           type == "application/xml" || type == "image/svg+xml" || type == "application/manifest+json" ||
           type.ends_with("+json") || type.ends_with("+xml");
}

} // namespace kc::codec
