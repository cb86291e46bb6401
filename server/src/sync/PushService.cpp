// Push in two steps. First each item is read, hashed and validated by the form engine, which
// writes nothing. Then, in the batch's transaction, it is compared with what the store holds
// (duplicate, revision, conflict), stored, and given its receipt. For a long batch the two
// steps overlap: a helper thread validates items ahead while this one stores those ready.
#include "sync/PushService.hpp"

#include "sync/BatchRegisters.hpp"
#include "sync/ContentHash.hpp"

#include "kc/domain/FormAccess.hpp"
#include "kc/forms/References.hpp"
#include "kc/forms/Validator.hpp"
#include "kc/json/Json.hpp"
#include "kc/protocol/PushItem.hpp"
#include "kc/time/Timestamp.hpp"

#include <atomic>
#include <future>
#include <memory>

namespace kc::server {

namespace bj = boost::json;

namespace {

//! Batches at least this long get a helper thread validating beside the one storing.
constexpr std::size_t kHelpFromItems = 16;

using protocol::ItemProblem;
using protocol::Receipt;
using protocol::ReceiptStatus;

struct Invalid {
    std::vector<ItemProblem> errors;
};

[[noreturn]] void invalid(std::string path, std::string code, std::string vi, std::string en) {
    throw Invalid{{{std::move(path), std::move(code), std::move(vi), std::move(en)}}};
}

//! One item after the first step: what it says, and what is wrong with it if anything.
struct Prepared {
    std::string id;
    //! Wrong in itself (shape, id, types): answered as invalid even if the id is stored.
    std::optional<Invalid> malformed;
    std::string formId;
    std::int64_t formVersion = 0;
    std::optional<std::int64_t> base;
    std::optional<std::string> capturedAt;
    bj::object sentAnswers;  //!< as sent; cleared once validated
    //! The content hash over the answers as stored (validated, NFC, calculations redone), so
    //! a replay in another Unicode form or serialisation is a duplicate; set once the item
    //! passes the form.
    std::string hash;
    //! The same over the answers as sent. A receipt is filed under both when they differ: a
    //! replay of the very bytes stays a duplicate even if it no longer passes the form (its
    //! sender lost the project since), and receipts stored before December 2026 were filed
    //! under this one alone.
    std::string sentHash;
    //! Fails the form (role, version, validation): answered only if it is no duplicate.
    std::optional<Invalid> failsForm;
    std::string answers;  //!< as stored: validated and normalised
    std::vector<std::string> attachments;
    //! Belongs to no province of the caller's: answered after missing attachments.
    std::optional<Invalid> outOfScope;
    std::string province;
    std::optional<std::string> projectId, facilityId;
};

//! The province a submission belongs to: its project's, else its facility's, else the
//! answer `province`, else the caller's only province.
std::string provinceOf(BatchRegisters& registers, const Caller& caller,
                       const forms::SubmissionReferences& refs, const bj::object& answers,
                       std::optional<std::string>& projectId, std::optional<std::string>& facilityId) {
    const auto about = forms::aboutOf(refs);
    projectId = about.projectId;
    facilityId = about.facilityId;
    std::optional<std::string> province;
    if (projectId)
        if (const auto& project = registers.project(*projectId))
            province = project->provinceCode;
    if (!province && !projectId && facilityId)
        if (const auto& facility = registers.facility(*facilityId))
            province = facility->provinceCode;
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

//! Reads the item's own fields; throws protocol::PushItemError or json::JsonError.
void readItem(bj::value& item, const std::string& path, Prepared& p) {
    protocol::PushItem read = protocol::readPushItem(std::move(item), path);
    p.id = std::move(read.id);
    p.formId = std::move(read.formId);
    p.formVersion = read.formVersion;
    p.base = read.baseRevision;
    p.capturedAt = std::move(read.capturedAt);
    p.sentAnswers = std::move(read.answers);
    p.sentHash = submissionContentHash(p.formId, p.formVersion, p.base, p.sentAnswers);
}

//! Checks the answers against the published form and finds their province.
void validateItem(PushRooms& context, const Caller& caller, BatchRegisters& registers,
                  Prepared& p) {
    const bj::value answers(std::move(p.sentAnswers));
    if (!domain::maySubmitForm(caller.role, p.formId))
        invalid("form_id", "forbidden", "Vai trò của bạn không được gửi biểu mẫu này",
                "a " + std::string(domain::roleCode(caller.role)) + " may not submit " + p.formId);
    const auto form = context.forms.get(p.formId, p.formVersion);
    if (!form)
        invalid("form_version", "form",
                "Biểu mẫu " + p.formId + " phiên bản " + std::to_string(p.formVersion) + " chưa được ban hành",
                "form " + p.formId + " version " + std::to_string(p.formVersion) + " is not published");
    forms::ValidationOptions options;
    options.registers = registers.access();
    const auto result = forms::validateSubmission(*form, answers, options);
    if (!result.ok()) {
        Invalid failure;
        for (const auto& error : result.errors)
            failure.errors.push_back({"answers." + error.path, error.code, error.message.vi, error.message.en});
        throw failure;
    }
    auto refs = forms::collectReferences(*form, result.answers);
    p.hash = submissionContentHash(p.formId, p.formVersion, p.base, result.answers);
    p.answers = json::serialize(result.answers);
    p.attachments = std::move(refs.attachments);
    try {
        p.province = provinceOf(registers, caller, refs, result.answers, p.projectId, p.facilityId);
    } catch (Invalid& failure) {
        p.outOfScope = std::move(failure);
    }
}

Prepared prepareItem(PushRooms& context, const Caller& caller, BatchRegisters& registers,
                     bj::value& item, std::size_t index) {
    const std::string path = "submissions[" + std::to_string(index) + "]";
    Prepared p;
    try {
        readItem(item, path, p);
    } catch (protocol::PushItemError& failure) {
        p.malformed = Invalid{{std::move(failure.problem)}};
    } catch (const json::JsonError& error) {
        std::string field = error.path();
        if (field.rfind(path + ".", 0) == 0)
            field = field.substr(path.size() + 1);
        p.malformed = Invalid{{{field, "type", error.problem(), error.problem()}}};
    }
    if (p.malformed) {
        const auto* id = item.is_object() ? item.get_object().if_contains("id") : nullptr;
        p.id = id && id->is_string() ? std::string(id->get_string()) : "";
        return p;
    }
    try {
        validateItem(context, caller, registers, p);
    } catch (Invalid& failure) {
        p.failsForm = std::move(failure);
    }
    return p;
}

//! The items of a batch as they are validated, by whichever thread claims each next: the
//! thread storing them validates whenever the next one to store is not ready yet, and for a
//! long batch a helper thread validates beside it. Registers are read as committed, so the
//! helper never waits for the transaction the storing thread holds.
class PreparedItems {
public:
    PreparedItems(PushRooms& context, const Caller& caller, bj::array& items)
        : m_context(context), m_caller(caller), m_items(items), m_slots(items.size()),
          m_ready(new std::atomic<bool>[items.size()]) {
        for (std::size_t i = 0; i < items.size(); ++i)
            m_ready[i].store(false);
    }

    //! Validates the next unclaimed item; false when every item is claimed.
    bool prepareNext(BatchRegisters& registers) {
        const std::size_t i = m_next.fetch_add(1);
        if (i >= m_items.size())
            return false;
        try {
            m_slots[i].prepared = prepareItem(m_context, m_caller, registers, m_items[i], i);
        } catch (...) {
            m_slots[i].error = std::current_exception();
        }
        m_ready[i].store(true, std::memory_order_release);
        m_ready[i].notify_all();
        return true;
    }

    //! Item `i`, validating others meanwhile with `registers` if it is not ready.
    const Prepared& at(std::size_t i, BatchRegisters& registers) {
        while (!m_ready[i].load(std::memory_order_acquire))
            if (!prepareNext(registers))
                m_ready[i].wait(false, std::memory_order_acquire);
        if (m_slots[i].error)
            std::rethrow_exception(m_slots[i].error);
        return m_slots[i].prepared;
    }

private:
    struct Slot {
        Prepared prepared;
        std::exception_ptr error;
    };
    PushRooms& m_context;
    const Caller& m_caller;
    bj::array& m_items;  //!< each item's answers are moved out by the thread that claims it
    std::vector<Slot> m_slots;
    std::unique_ptr<std::atomic<bool>[]> m_ready;
    std::atomic<std::size_t> m_next{0};
};

Receipt receiptOf(const std::string& id, ReceiptStatus status, const std::string& receivedAt) {
    Receipt receipt;
    receipt.id = id;
    receipt.status = status;
    receipt.receivedAt = receivedAt;
    return receipt;
}

Receipt invalidReceipt(const std::string& id, Invalid failure, const std::string& now) {
    Receipt receipt = receiptOf(id, ReceiptStatus::Invalid, now);
    receipt.errors = std::move(failure.errors);
    return receipt;
}

Invalid problem(std::string path, std::string code, std::string vi, std::string en) {
    return {{{std::move(path), std::move(code), std::move(vi), std::move(en)}}};
}

//! The second step for one item, inside the batch's transaction.
Receipt storeItem(CentralStore& store, const Caller& caller, const Prepared& p, const std::string& now) {
    if (p.malformed)
        return invalidReceipt(p.id, *p.malformed, now);
    const std::string& id = p.id;
    // Receipts are stored only beside stored submissions, so a new id needs no receipt lookup.
    const auto existing = store.findSubmission(id);
    if (existing) {
        std::optional<std::string> original;
        if (!p.hash.empty())
            original = store.findReceipt(id, p.hash);
        if (!original && p.sentHash != p.hash)
            original = store.findReceipt(id, p.sentHash);
        if (original) {
            Receipt receipt = receiptOf(id, ReceiptStatus::Duplicate, now);
            receipt.original = std::make_shared<const Receipt>(protocol::readReceipt(json::parse(*original)));
            return receipt;
        }
    }
    if (existing && existing->ownerId != caller.userId)
        return invalidReceipt(id, problem("id", "id", "Mã phiếu đã được dùng",
                                          "this id is already used by another submission"),
                              now);
    if (p.failsForm)
        return invalidReceipt(id, *p.failsForm, now);
    Receipt missing = receiptOf(id, ReceiptStatus::MissingAttachments, now);
    for (const auto& sha : p.attachments)
        if (!store.findAttachment(sha))
            missing.missing.push_back(sha);
    if (!missing.missing.empty())
        return missing;
    if (p.outOfScope)
        return invalidReceipt(id, *p.outOfScope, now);

    SubmissionRevision revision;
    revision.baseRevision = p.base;
    revision.formVersion = p.formVersion;
    revision.contentHash = p.hash;
    revision.answers = p.answers;
    revision.capturedAt = p.capturedAt;
    revision.receivedAt = now;
    revision.attachments = p.attachments;

    Receipt receipt;
    if (!existing) {
        if (p.base)
            return invalidReceipt(id, problem("base_revision", "revision", "Máy chủ chưa có phiếu này để sửa",
                                              "base_revision is set but the server has no submission " + id),
                                  now);
        SubmissionHead head;
        head.id = id;
        head.formId = p.formId;
        head.formVersion = p.formVersion;
        head.ownerId = caller.userId;
        head.provinceCode = p.province;
        head.projectId = p.projectId;
        head.facilityId = p.facilityId;
        head.state = protocol::SubmissionState::Submitted;
        head.currentRevision = 1;
        head.receivedAt = head.updatedAt = now;
        revision.revision = 1;
        store.insertSubmission(head, revision);
        receipt = receiptOf(id, ReceiptStatus::Accepted, now);
        receipt.revision = 1;
    } else {
        if (existing->formId != p.formId)
            return invalidReceipt(id, problem("form_id", "form", "Không thể đổi biểu mẫu của một phiếu đã gửi",
                                              "submission " + id + " is a " + existing->formId + ", not a " + p.formId),
                                  now);
        if (p.base && *p.base > existing->currentRevision)
            return invalidReceipt(id, problem("base_revision", "revision", "Phiên bản gốc không tồn tại trên máy chủ",
                                              "base_revision " + std::to_string(*p.base) +
                                                  " is newer than the server's revision " +
                                                  std::to_string(existing->currentRevision)),
                                  now);
        const std::int64_t next = store.lastRevision(id) + 1;
        SubmissionHead head = *existing;
        head.updatedAt = now;
        revision.revision = next;
        if (p.base && *p.base == existing->currentRevision && protocol::ownerMayRevise(existing->state)) {
            store.addRevision(id, revision);
            head.currentRevision = next;
            head.formVersion = p.formVersion;
            head.state = protocol::SubmissionState::Submitted;
            head.projectId = p.projectId;
            head.facilityId = p.facilityId;
            store.updateSubmission(head);
            receipt = receiptOf(id, ReceiptStatus::Revision, now);
            receipt.revision = next;
        } else {
            // A stale base, no base, or a closed review: keep it beside, overwrite nothing.
            revision.conflict = true;
            store.addRevision(id, revision);
            head.conflict = true;
            store.updateSubmission(head);
            receipt = receiptOf(id, ReceiptStatus::Conflict, now);
            receipt.revision = next;
            receipt.currentRevision = existing->currentRevision;
            receipt.state = existing->state;
        }
    }
    const std::string stored = json::serialize(protocol::toJson(receipt));
    store.storeReceipt(id, p.hash, stored);
    if (p.sentHash != p.hash)
        store.storeReceipt(id, p.sentHash, stored);
    return receipt;
}

} // namespace

bj::array pushSubmissions(PushRooms rooms, const Caller& caller, bj::array items) {
    PushRooms& context = rooms;
    PreparedItems prepared(context, caller, items);
    BatchRegisters registers(context.store, caller);
    // Every item is validated before the batch's transaction, so it holds the writer only to
    // store; a long batch is validated on two threads.
    if (items.size() < kHelpFromItems) {
        for (std::size_t i = 0; i < items.size(); ++i)
            prepared.at(i, registers);
    } else {
        auto helper = std::async(std::launch::async, [&] {
            BatchRegisters own(context.store, caller);
            while (prepared.prepareNext(own)) {
            }
        });
        while (prepared.prepareNext(registers)) {
        }
        helper.get();
    }
    std::vector<std::string> ids, shas;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const Prepared& p = prepared.at(i, registers);
        if (p.malformed)
            continue;
        ids.push_back(p.id);
        shas.insert(shas.end(), p.attachments.begin(), p.attachments.end());
    }
    std::vector<Receipt> receipts;
    // Repeatable: the work keeps nothing of an earlier run but the receipts it makes again.
    context.store.atomicallyRepeatable(
        [&] {
            receipts.clear();
            receipts.reserve(items.size());
            for (std::size_t i = 0; i < items.size(); ++i)
                receipts.push_back(
                    storeItem(context.store, caller, prepared.at(i, registers), Timestamp::now().toRfc3339()));
        },
        {std::move(ids), std::move(shas)});  // read for the whole group: one query, not two an item
    bj::array out;
    out.reserve(receipts.size());
    for (const auto& receipt : receipts) {
        context.metrics.countPushed(std::string(protocol::receiptStatusCode(receipt.status)));
        out.push_back(protocol::toJson(receipt));
    }
    return out;
}

} // namespace kc::server
