// Resumable, content-addressed attachment uploads (docs/protocol.md, "Attachments"):
// POST /v1/attachments, GET and PATCH /v1/attachments/{sha256}, GET .../content.
#include "api/ApiRoutes.hpp"

#include "api/ApiSupport.hpp"
#include "util/Sha256.hpp"

#include "kc/json/Json.hpp"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace kc::server {

namespace bj = boost::json;

namespace {

const char* const kContentTypes[] = {"image/jpeg", "image/png", "image/webp"};
constexpr std::size_t kMostPerBatch = 500;

//! The image type the bytes begin with (JPEG, PNG, WebP signatures), or "" for none of them.
std::string sniffImageType(std::string_view head) {
    if (head.size() >= 3 && head.substr(0, 3) == "\xFF\xD8\xFF")
        return "image/jpeg";
    if (head.size() >= 8 && head.substr(0, 8) == "\x89PNG\r\n\x1A\n")
        return "image/png";
    if (head.size() >= 12 && head.substr(0, 4) == "RIFF" && head.substr(8, 4) == "WEBP")
        return "image/webp";
    return "";
}

std::string extensionOf(const std::string& contentType) {
    return contentType == "image/png" ? "png" : contentType == "image/webp" ? "webp" : "jpg";
}

std::string shaParam(const Request& request) {
    const std::string& sha = request.pathParams.at("sha256");
    if (!isSha256Hex(sha))
        throwInvalid("sha256", "expected 64 lowercase hex digits");
    return sha;
}

Response status(int code, const std::string& sha, std::int64_t size, std::int64_t offset, bool complete,
                const std::string& origin = {}) {
    bj::object body{{"sha256", sha}, {"size", size}, {"offset", offset}, {"complete", complete}};
    if (!origin.empty())
        body["origin"] = json::parse(origin);
    Response response = jsonResponse(code, std::move(body));
    response.headers.emplace_back("Upload-Offset", std::to_string(offset));
    return response;
}

//! A photo's origin as a device declares it (docs/protocol.md, "Attachments"), checked and
//! written canonically: {"taken_at"?: local time with an optional offset, "location"?:
//! {"lat", "lon"}}. "" for none; 400 naming the field for anything else.
std::string readOrigin(const json::ObjectReader& body) {
    if (!body.has("origin") || body.raw("origin").is_null())
        return {};
    const json::ObjectReader origin = body.object("origin");
    bj::object out;
    for (const auto& [key, value] : origin.object())
        if (key != "taken_at" && key != "location")
            throwInvalid(origin.path() + "." + std::string(key), "unknown field: an origin has taken_at and location");
    if (const auto when = origin.optionalString("taken_at")) {
        static const std::regex stamp(R"(\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(Z|[+-]\d{2}:\d{2})?)");
        if (!std::regex_match(*when, stamp))
            throwInvalid(origin.path() + ".taken_at", "expected a time like 2026-10-12T09:14:05 or 2026-10-12T09:14:05+07:00");
        out["taken_at"] = *when;
    }
    if (origin.has("location")) {
        const json::ObjectReader place = origin.object("location");
        const double lat = place.number("lat"), lon = place.number("lon");
        if (!(lat >= -90 && lat <= 90))
            throwInvalid(place.path() + ".lat", "a latitude is between -90 and 90");
        if (!(lon >= -180 && lon <= 180))
            throwInvalid(place.path() + ".lon", "a longitude is between -180 and 180");
        out["location"] = bj::object{{"lat", lat}, {"lon", lon}};
    }
    return out.empty() ? std::string() : json::serialize(out);
}

std::string megabytes(std::int64_t bytes) {
    std::ostringstream out;
    out.precision(1);
    out << std::fixed << static_cast<double>(bytes) / (1024.0 * 1024.0) << " MiB";
    return out.str();
}

//! Who may see a photo, and so where and when it was taken: its uploader, and staff of a
//! province where a submission uses it.
bool mayReadPhoto(ServerContext& context, const AttachmentRecord& done, const Caller& caller) {
    return done.uploadedBy == caller.userId ||
           (caller.isStaff() && context.store.attachmentUsedIn(done.sha256, caller.provinces));
}

//! The attachment if it is complete. The bytes are complete once their file is renamed into
//! place (after its hash was checked); the store records that just after. A server stopped
//! between the two left the caller's upload open with no .part file: it is recorded now,
//! rather than having the device send every byte again. A server stopped after the last
//! chunk's bytes were written but before they were checked left a .part file of the full
//! size: it is checked and finished now (422 hash_mismatch, the upload discarded, if the
//! bytes are not the declared ones), so no client ever sees `offset == size` with
//! `complete: false`.
std::optional<AttachmentRecord> finished(ServerContext& context, const std::string& sha, const Caller& caller) {
    if (auto done = context.store.findAttachment(sha))
        return done;
    const auto upload = context.store.findUpload(sha, caller.userId);
    if (upload && !context.files.complete(sha) && context.files.offset(sha, caller.userId) == upload->size &&
        !context.files.finish(sha, caller.userId)) {
        context.store.deleteUpload(sha, caller.userId);
        throw ApiException(422, "hash_mismatch",
                           "the bytes received do not have SHA-256 " + sha +
                               "; the upload was discarded, start it again");
    }
    std::error_code ec;
    if (!upload || !context.files.complete(sha) ||
        static_cast<std::int64_t>(std::filesystem::file_size(context.files.finalPath(sha), ec)) != upload->size || ec)
        return std::nullopt;
    AttachmentRecord record{sha, upload->size, upload->contentType, caller.userId, Timestamp::now().toRfc3339(),
                            upload->origin};
    context.store.completeAttachment(record);
    return record;
}

std::string fieldOf(const json::ObjectReader& body, const char* key) {
    return body.path().empty() ? std::string(key) : body.path() + "." + key;
}

//! Starts (or finds) the upload one item declares; throws the error an item gets.
Response startOne(ServerContext& context, const json::ObjectReader& body, const Caller& caller) {
    const std::string sha = body.string("sha256");
    if (!isSha256Hex(sha))
        throwInvalid(fieldOf(body, "sha256"), "expected 64 lowercase hex digits");
    const std::int64_t size = body.int64("size");
    const std::string contentType = body.string("content_type");
    if (size <= 0)
        throwInvalid(fieldOf(body, "size"), "must be at least 1 byte");
    const std::string origin = readOrigin(body);
    bool knownType = false;
    for (const char* type : kContentTypes)
        knownType = knownType || contentType == type;
    if (!knownType)
        throw ApiException(415, "unsupported_media_type",
                           "attachments are photos and signatures: image/jpeg, image/png or image/webp, not " +
                               contentType, {{fieldOf(body, "content_type"), "expected image/jpeg, image/png or image/webp"}});
    if (auto done = finished(context, sha, caller))
        return status(200, sha, done->size, done->size, true, mayReadPhoto(context, *done, caller) ? done->origin : "");
    if (size > context.limits.attachmentSize)
        throw ApiException(413, "attachment_too_large",
                           "the attachment is " + megabytes(size) + "; the limit is " +
                               megabytes(context.limits.attachmentSize));
    if (auto upload = context.store.findUpload(sha, caller.userId)) {
        if (upload->size != size)
            throw ApiException(409, "size_mismatch",
                               "an upload of this attachment is under way with size " +
                                   std::to_string(upload->size) + ", not " + std::to_string(size));
        return status(200, sha, size, context.files.offset(sha, caller.userId), false, upload->origin);
    }
    const std::int64_t used = context.store.bytesUsedBy(caller.userId);
    if (used > context.limits.userQuota - size)
        throw ApiException(403, "quota_exceeded",
                           "your attachments take " + megabytes(used) + " of your " +
                               megabytes(context.limits.userQuota) + " quota; this one (" +
                               megabytes(size) + ") does not fit");
    context.files.discard(sha, caller.userId);  // a stale .part from a forgotten upload
    context.store.saveUpload({sha, caller.userId, size, contentType, 0, origin});
    return status(201, sha, size, 0, false, origin);
}

//! `{"attachments": [...]}`: every item started or found in one request, each answered
//! with its status or its own error, so that a device learns where to resume all of its
//! uploads in one round trip.
Response startMany(ServerContext& context, const Request& request, const json::ObjectReader& body,
                   const Caller& caller) {
    const auto& items = body.array("attachments");
    if (items.size() > kMostPerBatch)
        throwInvalid("attachments", "at most " + std::to_string(kMostPerBatch) + " attachments per request, not " +
                                        std::to_string(items.size()));
    bj::array answers;
    for (std::size_t i = 0; i < items.size(); ++i) {
        Response one;
        try {
            one = startOne(context, json::ObjectReader(items[i], "attachments[" + std::to_string(i) + "]"), caller);
        } catch (...) {
            one = failureResponse(request, std::current_exception(), caller.username);
            if (one.status >= 500)  // the store failed: the whole request fails, nothing half-said
                return one;
        }
        bj::object answer = json::parse(one.body).as_object();
        if (answer.contains("error") && items[i].is_object())
            if (const auto* sha = items[i].as_object().if_contains("sha256"); sha && sha->is_string())
                answer["sha256"] = *sha;
        answer["status"] = one.status;
        answers.push_back(std::move(answer));
    }
    return jsonResponse(200, bj::object{{"attachments", std::move(answers)}});
}

Response start(ServerContext& context, const Request& request, const Caller& caller) {
    const auto value = parseJsonBody(request);
    const json::ObjectReader body(value, "");
    if (body.has("attachments"))
        return startMany(context, request, body, caller);
    return startOne(context, body, caller);
}

Response describe(ServerContext& context, const Request& request, const Caller& caller) {
    const std::string sha = shaParam(request);
    if (auto done = finished(context, sha, caller))
        return status(200, sha, done->size, done->size, true, mayReadPhoto(context, *done, caller) ? done->origin : "");
    if (auto upload = context.store.findUpload(sha, caller.userId))
        return status(200, sha, upload->size, context.files.offset(sha, caller.userId), false, upload->origin);
    notFound("attachment " + sha);
}

Response offsetMismatch(std::int64_t current) {
    Response response = errorResponse(409, "offset_mismatch",
                                      "the server holds " + std::to_string(current) +
                                          " bytes of this upload; send from offset " + std::to_string(current));
    response.headers.emplace_back("Upload-Offset", std::to_string(current));
    return response;
}

Response append(ServerContext& context, const Request& request, const Caller& caller) {
    const std::string sha = shaParam(request);
    const auto bodyBytes = static_cast<std::int64_t>(request.body.size());
    if (auto done = finished(context, sha, caller)) {
        context.metrics.countChunk(0, bodyBytes);
        return status(200, sha, done->size, done->size, true);
    }
    const auto upload = context.store.findUpload(sha, caller.userId);
    if (!upload)
        notFound("upload " + sha + " (start it with POST /v1/attachments)");
    const std::string offsetText = request.header("upload-offset");
    std::int64_t offset = -1;
    auto [end, ec] = std::from_chars(offsetText.data(), offsetText.data() + offsetText.size(), offset);
    if (offsetText.empty() || ec != std::errc() || end != offsetText.data() + offsetText.size() || offset < 0)
        throwInvalid("Upload-Offset", "the header must give the offset this chunk starts at");
    const std::int64_t current = context.files.offset(sha, caller.userId);
    if (offset != current) {
        // Bytes below the server's offset came again; past it they are a gap, not a resend.
        context.metrics.countChunk(0, offset < current ? std::min(bodyBytes, current - offset) : 0);
        return offsetMismatch(current);
    }
    if (current + static_cast<std::int64_t>(request.body.size()) > upload->size)
        throwInvalid("body", "the chunk goes past the declared size of " + std::to_string(upload->size) + " bytes");
    if (current == 0) {
        // The first chunk shows what the bytes are: they must be what the upload declared.
        const std::string found = sniffImageType(request.body);
        if (found != upload->contentType) {
            if (request.body.size() < 12 && static_cast<std::int64_t>(request.body.size()) < upload->size)
                throwInvalid("body", "the first chunk must hold at least the first 12 bytes of the file");
            context.store.deleteUpload(sha, caller.userId);
            context.files.discard(sha, caller.userId);
            throw ApiException(415, "content_mismatch",
                               "the upload was declared " + upload->contentType + " but its bytes are " +
                                   (found.empty() ? std::string("not a JPEG, PNG or WebP image") : found) +
                                   "; the upload was discarded, start it again with the right content_type");
        }
    }
    const auto appended = context.files.append(sha, caller.userId, current, request.body);
    if (!appended.atOffset) {  // another copy of the chunk (this server or another) came first
        context.metrics.countChunk(0, std::min(bodyBytes, appended.offset - current));
        return offsetMismatch(appended.offset);
    }
    context.metrics.countChunk(bodyBytes, 0);
    const std::int64_t reached = appended.offset;
    if (reached < upload->size)
        return status(200, sha, upload->size, reached, false);
    if (!context.files.finish(sha, caller.userId)) {
        context.store.deleteUpload(sha, caller.userId);
        throw ApiException(422, "hash_mismatch",
                           "the bytes received do not have SHA-256 " + sha +
                               "; the upload was discarded, start it again");
    }
    context.store.completeAttachment({sha, upload->size, upload->contentType, caller.userId,
                                      Timestamp::now().toRfc3339(), upload->origin});
    return status(200, sha, upload->size, upload->size, true);
}

Response content(ServerContext& context, const Request& request, const Caller& caller) {
    const std::string sha = shaParam(request);
    const auto done = context.store.findAttachment(sha);
    const bool mayRead = done && mayReadPhoto(context, *done, caller);
    if (!mayRead)
        notFound("attachment " + sha);
    std::ifstream file(context.files.finalPath(sha), std::ios::binary);
    std::ostringstream bytes;
    bytes << file.rdbuf();
    Response response;
    response.contentType = done->contentType;
    response.body = bytes.str();
    response.headers.emplace_back("ETag", "\"" + sha + "\"");
    response.headers.emplace_back("Content-Disposition",
                                  "inline; filename=\"" + sha + "." + extensionOf(done->contentType) + "\"");
    return response;
}

} // namespace

void addAttachmentRoutes(Router& router, ServerContext& context) {
    const auto route = [&](const char* method, const char* pattern,
                           Response (*handler)(ServerContext&, const Request&, const Caller&)) {
        router.add(method, pattern, signedIn(context.auth, [&context, handler](const Request& r, const Caller& c) {
            return handler(context, r, c);
        }));
    };
    route("POST", "/v1/attachments", start);
    route("GET", "/v1/attachments/{sha256}", describe);
    route("PATCH", "/v1/attachments/{sha256}", append);
    route("GET", "/v1/attachments/{sha256}/content", content);
}

} // namespace kc::server
