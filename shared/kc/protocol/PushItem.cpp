#include "kc/protocol/PushItem.hpp"

#include "kc/ids/Uuid.hpp"
#include "kc/json/Json.hpp"
#include "kc/time/Timestamp.hpp"

#include <algorithm>

namespace kc::protocol {

namespace bj = boost::json;

namespace {

[[noreturn]] void refuse(std::string path, std::string code, std::string vi, std::string en) {
    throw PushItemError({std::move(path), std::move(code), std::move(vi), std::move(en)});
}

bj::object head(const PushItem& item) {
    bj::object out{{"id", item.id}, {"form_id", item.formId}, {"form_version", item.formVersion}};
    out["base_revision"] = item.baseRevision ? bj::value(*item.baseRevision) : bj::value(nullptr);
    if (item.capturedAt)
        out["captured_at"] = *item.capturedAt;
    return out;
}

} // namespace

bj::object toJson(const PushItem& item) {
    bj::object out = head(item);
    out["answers"] = item.answers;
    return out;
}

bj::object toJson(PushItem&& item) {
    bj::object out = head(item);
    out["answers"] = std::move(item.answers);
    return out;
}

namespace {

//! Everything but the answers, which it checks are an object.
PushItem readFields(const bj::value& value, const std::string& path) {
    const json::ObjectReader reader(value, path);
    for (const auto& entry : reader.object()) {
        const std::string key(entry.key());
        if (std::find(std::begin(kPushItemFields), std::end(kPushItemFields), key) == std::end(kPushItemFields))
            refuse(key, "unknown_field",
                   "Trường \"" + key + "\" không được gửi lên (do máy chủ đặt hoặc không tồn tại)",
                   "\"" + key + "\" is not a field a client may send (the server sets it, or it does not exist)");
    }
    PushItem item;
    item.id = reader.string("id");
    const auto uuid = Uuid::parse(item.id);
    if (!uuid || uuid->version() != 7)
        refuse("id", "id", "Mã phiếu phải là UUIDv7 viết thường", "id must be a UUIDv7 in canonical lower-case text form");
    item.formId = reader.string("form_id");
    item.formVersion = reader.int64("form_version");
    item.baseRevision = reader.optionalInt64("base_revision");
    item.capturedAt = reader.optionalString("captured_at");
    if (item.capturedAt && !Timestamp::parse(*item.capturedAt))
        refuse("captured_at", "type", "Thời điểm ghi không hợp lệ", "captured_at must be an RFC 3339 time");
    const bj::value& answers = reader.raw("answers");
    if (!answers.is_object())
        refuse("answers", "type", "Câu trả lời phải là một đối tượng JSON",
               "answers must be a JSON object, got " + json::describeKind(answers));
    return item;
}

} // namespace

PushItem readPushItem(const bj::value& value, const std::string& path) {
    PushItem item = readFields(value, path);
    item.answers = value.get_object().at("answers").get_object();
    return item;
}

PushItem readPushItem(bj::value&& value, const std::string& path) {
    PushItem item = readFields(value, path);
    item.answers = std::move(value.get_object().at("answers").get_object());
    return item;
}

} // namespace kc::protocol
