#include "sync/PushService.hpp"

#include "util/Sha256.hpp"

#include "kc/domain/RegisterJson.hpp"
#include "kc/forms/References.hpp"
#include "kc/forms/Validator.hpp"
#include "kc/ids/Uuid.hpp"
#include "kc/json/Json.hpp"
#include "kc/time/Timestamp.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace kc::server {

namespace bj = boost::json;

namespace {

//! A JSON string exactly as Boost.JSON's serializer writes it (the stored content hashes
//! depend on these bytes): \" \\ \b \f \n \r \t, other control characters as \u00xx,
//! everything else as it is.
void appendString(std::string_view text, std::string& out) {
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (byte < 0x20) {
                out += "\\u00";
                out += kHex[byte >> 4];
                out += kHex[byte & 0x0f];
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

void appendCanonical(const bj::value& value, std::string& out) {
    switch (value.kind()) {
    case bj::kind::object: {
        const auto& object = value.get_object();
        std::vector<const bj::key_value_pair*> entries;
        entries.reserve(object.size());
        for (const auto& entry : object)
            entries.push_back(&entry);
        std::sort(entries.begin(), entries.end(),
                  [](const auto* a, const auto* b) { return a->key() < b->key(); });
        out += '{';
        for (std::size_t i = 0; i < entries.size(); ++i) {
            if (i)
                out += ',';
            appendString(entries[i]->key(), out);
            out += ':';
            appendCanonical(entries[i]->value(), out);
        }
        out += '}';
        break;
    }
    case bj::kind::array: {
        out += '[';
        const auto& array = value.get_array();
        for (std::size_t i = 0; i < array.size(); ++i) {
            if (i)
                out += ',';
            appendCanonical(array[i], out);
        }
        out += ']';
        break;
    }
    case bj::kind::string:
        appendString(value.get_string(), out);
        break;
    case bj::kind::bool_:
        out += value.get_bool() ? "true" : "false";
        break;
    case bj::kind::null:
        out += "null";
        break;
    case bj::kind::int64:
        out += std::to_string(value.get_int64());
        break;
    case bj::kind::uint64:
        out += std::to_string(value.get_uint64());
        break;
    default:
        out += json::serialize(value);  // doubles: Boost.JSON's shortest round-trip form
    }
}

const std::set<std::string, std::less<>> kClientFields = {"id", "form_id", "form_version",
                                                          "base_revision", "captured_at", "answers"};

struct Invalid {
    std::vector<bj::object> errors;
};

bj::object fieldError(const std::string& path, const std::string& code, const std::string& vi,
                      const std::string& en) {
    return {{"path", path}, {"code", code}, {"message", {{"vi", vi}, {"en", en}}}};
}

[[noreturn]] void invalid(const std::string& path, const std::string& code, const std::string& vi,
                          const std::string& en) {
    throw Invalid{{fieldError(path, code, vi, en)}};
}

bool maySubmitForm(const Caller& caller, const std::string& formId) {
    // Collaborators report progress on their projects; everything else is officers' work.
    return !caller.isCollaborator() || formId == "progress_report";
}

//! The register records a batch refers to, each read from the store once per batch
//! (validation, lookup() and the province all ask for the same project). Pushing writes
//! no register, so nothing here goes stale within a batch.
class BatchRegisters {
public:
    BatchRegisters(CentralStore& store, const Caller& caller) : m_store(store), m_caller(caller) {}

    //! The facility if it exists and the caller may see it.
    const std::optional<domain::Facility>& facility(const std::string& id) {
        auto found = m_facilities.find(id);
        if (found == m_facilities.end()) {
            auto record = m_store.findFacility(id);
            if (record && !m_caller.maySee(*record))
                record.reset();
            found = m_facilities.emplace(id, std::move(record)).first;
        }
        return found->second;
    }
    const std::optional<domain::Project>& project(const std::string& id) {
        auto found = m_projects.find(id);
        if (found == m_projects.end()) {
            auto record = m_store.findProject(id);
            if (record && !m_caller.maySee(*record))
                record.reset();
            found = m_projects.emplace(id, std::move(record)).first;
        }
        return found->second;
    }

    forms::RegisterAccess access() {
        forms::RegisterAccess access;
        access.exists = [this](std::string_view registerName, std::string_view id) {
            if (registerName == "facility")
                return facility(std::string(id)).has_value();
            if (registerName == "project")
                return project(std::string(id)).has_value();
            return false;
        };
        access.value = [this](std::string_view registerName, std::string_view id,
                              std::string_view column) -> std::optional<std::string> {
            bj::object record;
            if (registerName == "facility" && facility(std::string(id)))
                record = domain::facilityToJson(*facility(std::string(id)));
            else if (registerName == "project" && project(std::string(id)))
                record = domain::projectToJson(*project(std::string(id)));
            const auto* value = record.if_contains(column);
            if (!value || value->is_null())
                return std::nullopt;
            if (value->is_string())
                return std::string(value->get_string());
            return json::serialize(*value);
        };
        return access;
    }

private:
    CentralStore& m_store;
    const Caller& m_caller;
    std::map<std::string, std::optional<domain::Facility>> m_facilities;
    std::map<std::string, std::optional<domain::Project>> m_projects;
};

//! The province a submission belongs to: its project's, else its facility's, else the
//! answer `province`, else the caller's only province.
std::string provinceOf(BatchRegisters& registers, const Caller& caller,
                       const forms::SubmissionReferences& refs, const bj::object& answers,
                       std::optional<std::string>& projectId, std::optional<std::string>& facilityId) {
    std::optional<std::string> province;
    for (const auto& ref : refs.registers) {
        if (ref.registerName == "project" && !projectId) {
            projectId = ref.id;
            if (const auto& project = registers.project(ref.id); project && !province)
                province = project->provinceCode;
        }
        if (ref.registerName == "facility" && !facilityId) {
            facilityId = ref.id;
            if (const auto& facility = registers.facility(ref.id); facility && !province && !projectId)
                province = facility->provinceCode;
        }
    }
    if (!province)
        if (const auto* answer = answers.if_contains("province"); answer && answer->is_string())
            province = std::string(answer->get_string());
    if (!province && caller.provinces.size() == 1)
        province = caller.provinces.front();
    if (!province)
        invalid("province", "scope", "Không xác định được tỉnh của phiếu",
                "the submission names no project, facility or province");
    if (!caller.inProvince(*province))
        invalid("province", "scope", "Tỉnh " + *province + " nằm ngoài phạm vi của bạn",
                "province " + *province + " is outside your scope");
    return *province;
}

bj::object receiptBase(const std::string& id, const std::string& status) {
    return {{"id", id}, {"status", status}, {"received_at", Timestamp::now().toRfc3339()}};
}

bj::object pushOne(ServerContext& context, const Caller& caller, BatchRegisters& registers,
                   const bj::value& item, const std::string& path) {
    const json::ObjectReader reader(item, path);
    for (const auto& entry : reader.object())
        if (!kClientFields.contains(entry.key()))
            invalid(std::string(entry.key()), "unknown_field",
                    "Trường \"" + std::string(entry.key()) + "\" không được gửi lên (do máy chủ đặt hoặc không tồn tại)",
                    "\"" + std::string(entry.key()) + "\" is not a field a client may send "
                    "(the server sets it, or it does not exist)");
    const std::string id = reader.string("id");
    const auto uuid = Uuid::parse(id);
    if (!uuid || uuid->version() != 7)
        invalid("id", "id", "Mã phiếu phải là UUIDv7", "id must be a UUIDv7 in canonical text form");
    const std::string formId = reader.string("form_id");
    const std::int64_t formVersion = reader.int64("form_version");
    const auto base = reader.optionalInt64("base_revision");
    const auto capturedAt = reader.optionalString("captured_at");
    if (capturedAt && !Timestamp::parse(*capturedAt))
        invalid("captured_at", "type", "Thời điểm ghi không hợp lệ", "captured_at must be an RFC 3339 time");
    const bj::value& answers = reader.raw("answers");
    if (!answers.is_object())
        invalid("answers", "type", "Câu trả lời phải là một đối tượng JSON",
                "answers must be a JSON object, got " + json::describeKind(answers));
    const std::string hash = submissionContentHash(formId, formVersion, base, answers);

    CentralStore& store = context.store;
    // Receipts are stored only beside stored submissions, so a new id needs no receipt lookup.
    const auto existing = store.findSubmission(id);
    if (existing)
        if (auto original = store.findReceipt(id, hash)) {
            bj::object receipt = receiptBase(id, "duplicate");
            receipt["original"] = json::parse(*original);
            return receipt;
        }
    if (existing && existing->ownerId != caller.userId)
        invalid("id", "id", "Mã phiếu đã được dùng", "this id is already used by another submission");
    if (!maySubmitForm(caller, formId))
        invalid("form_id", "forbidden", "Vai trò của bạn không được gửi biểu mẫu này",
                "a " + std::string(domain::roleCode(caller.role)) + " may not submit " + formId);
    const auto form = context.forms.get(formId, formVersion);
    if (!form)
        invalid("form_version", "form", "Biểu mẫu " + formId + " phiên bản " + std::to_string(formVersion) + " chưa được ban hành",
                "form " + formId + " version " + std::to_string(formVersion) + " is not published");

    forms::ValidationOptions options;
    options.registers = registers.access();
    const auto result = forms::validateSubmission(*form, answers, options);
    if (!result.ok()) {
        Invalid failure;
        for (const auto& error : result.errors)
            failure.errors.push_back(fieldError("answers." + error.path, error.code,
                                                error.message.vi, error.message.en));
        throw failure;
    }
    const auto refs = forms::collectReferences(*form, result.answers);
    bj::array missing;
    for (const auto& sha : refs.attachments)
        if (!store.findAttachment(sha))
            missing.emplace_back(sha);
    if (!missing.empty()) {
        bj::object receipt = receiptBase(id, "missing_attachments");
        receipt["missing"] = std::move(missing);
        return receipt;
    }
    std::optional<std::string> projectId, facilityId;
    const std::string province = provinceOf(registers, caller, refs, result.answers, projectId, facilityId);

    const std::string now = Timestamp::now().toRfc3339();
    SubmissionRevision revision;
    revision.baseRevision = base;
    revision.formVersion = formVersion;
    revision.contentHash = hash;
    revision.answers = json::serialize(result.answers);
    revision.capturedAt = capturedAt;
    revision.receivedAt = now;
    revision.attachments = refs.attachments;

    bj::object receipt;
    if (!existing) {
        if (base)
            invalid("base_revision", "revision", "Máy chủ chưa có phiếu này để sửa",
                    "base_revision is set but the server has no submission " + id);
        SubmissionHead head;
        head.id = id;
        head.formId = formId;
        head.formVersion = formVersion;
        head.ownerId = caller.userId;
        head.provinceCode = province;
        head.projectId = projectId;
        head.facilityId = facilityId;
        head.state = "submitted";
        head.currentRevision = 1;
        head.receivedAt = head.updatedAt = now;
        revision.revision = 1;
        store.insertSubmission(head, revision);
        receipt = receiptBase(id, "accepted");
        receipt["revision"] = 1;
    } else {
        if (existing->formId != formId)
            invalid("form_id", "form", "Không thể đổi biểu mẫu của một phiếu đã gửi",
                    "submission " + id + " is a " + existing->formId + ", not a " + formId);
        const std::int64_t next = store.lastRevision(id) + 1;
        SubmissionHead head = *existing;
        head.updatedAt = now;
        revision.revision = next;
        const bool editable = existing->state == "submitted" || existing->state == "returned";
        if (base && *base > existing->currentRevision)
            invalid("base_revision", "revision", "Phiên bản gốc không tồn tại trên máy chủ",
                    "base_revision " + std::to_string(*base) + " is newer than the server's revision " +
                        std::to_string(existing->currentRevision));
        if (base && *base == existing->currentRevision && editable) {
            store.addRevision(id, revision);
            head.currentRevision = next;
            head.formVersion = formVersion;
            head.state = "submitted";
            head.projectId = projectId;
            head.facilityId = facilityId;
            store.updateSubmission(head);
            receipt = receiptBase(id, "revision");
            receipt["revision"] = next;
        } else {
            // A stale base, no base, or a closed review: keep it beside, overwrite nothing.
            revision.conflict = true;
            store.addRevision(id, revision);
            head.conflict = true;
            store.updateSubmission(head);
            receipt = receiptBase(id, "conflict");
            receipt["revision"] = next;
            receipt["current_revision"] = existing->currentRevision;
            receipt["state"] = existing->state;
        }
    }
    store.storeReceipt(id, hash, json::serialize(receipt));
    return receipt;
}

} // namespace

std::string submissionContentHash(const std::string& formId, std::int64_t formVersion,
                                  const std::optional<std::int64_t>& baseRevision,
                                  const bj::value& answers) {
    bj::object content{{"form_id", formId}, {"form_version", formVersion}, {"answers", answers}};
    content["base_revision"] = baseRevision ? bj::value(*baseRevision) : bj::value(nullptr);
    std::string canonical;
    appendCanonical(content, canonical);
    return sha256Hex(canonical);
}

bj::array pushSubmissions(ServerContext& context, const Caller& caller, const bj::array& items) {
    bj::array receipts;
    context.store.atomically([&] {
        receipts.clear();
        BatchRegisters registers(context.store, caller);
        for (std::size_t i = 0; i < items.size(); ++i) {
            const std::string path = "submissions[" + std::to_string(i) + "]";
            bj::object receipt;
            try {
                receipt = pushOne(context, caller, registers, items[i], path);
            } catch (const Invalid& failure) {
                const auto* id = items[i].is_object() ? items[i].get_object().if_contains("id") : nullptr;
                receipt = receiptBase(id && id->is_string() ? std::string(id->get_string()) : "", "invalid");
                receipt["errors"] = bj::array(failure.errors.begin(), failure.errors.end());
            } catch (const json::JsonError& error) {
                const auto* id = items[i].is_object() ? items[i].get_object().if_contains("id") : nullptr;
                receipt = receiptBase(id && id->is_string() ? std::string(id->get_string()) : "", "invalid");
                std::string field = error.path();
                if (field.rfind(path + ".", 0) == 0)
                    field = field.substr(path.size() + 1);
                receipt["errors"] = bj::array{fieldError(field, "type", error.problem(), error.problem())};
            }
            receipts.push_back(std::move(receipt));
        }
    });
    for (const auto& receipt : receipts)
        context.metrics.countPushed(std::string(receipt.at("status").get_string()));
    return receipts;
}

} // namespace kc::server
