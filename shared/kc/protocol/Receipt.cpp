#include "kc/protocol/Receipt.hpp"

#include "kc/json/Json.hpp"

#include <boost/json/array.hpp>

namespace kc::protocol {

namespace bj = boost::json;

std::string_view receiptStatusCode(ReceiptStatus status) {
    switch (status) {
    case ReceiptStatus::Accepted: return "accepted";
    case ReceiptStatus::Revision: return "revision";
    case ReceiptStatus::Conflict: return "conflict";
    case ReceiptStatus::Duplicate: return "duplicate";
    case ReceiptStatus::Invalid: return "invalid";
    case ReceiptStatus::MissingAttachments: return "missing_attachments";
    }
    return "invalid";
}

std::optional<ReceiptStatus> parseReceiptStatus(std::string_view code) {
    for (const auto status : kReceiptStatuses)
        if (receiptStatusCode(status) == code)
            return status;
    return std::nullopt;
}

bool isStored(ReceiptStatus status) {
    return status == ReceiptStatus::Accepted || status == ReceiptStatus::Revision ||
           status == ReceiptStatus::Conflict;
}

bj::object toJson(const ItemProblem& problem) {
    return {{"path", problem.path}, {"code", problem.code}, {"message", {{"vi", problem.vi}, {"en", problem.en}}}};
}

bj::object toJson(const Receipt& receipt) {
    bj::object out{{"id", receipt.id},
                   {"status", receiptStatusCode(receipt.status)},
                   {"received_at", receipt.receivedAt}};
    switch (receipt.status) {
    case ReceiptStatus::Accepted:
    case ReceiptStatus::Revision:
        out["revision"] = receipt.revision.value_or(0);
        break;
    case ReceiptStatus::Conflict:
        out["revision"] = receipt.revision.value_or(0);
        out["current_revision"] = receipt.currentRevision.value_or(0);
        out["state"] = stateCode(receipt.state.value_or(SubmissionState::Submitted));
        break;
    case ReceiptStatus::Duplicate:
        out["original"] = receipt.original ? bj::value(toJson(*receipt.original)) : bj::value(nullptr);
        break;
    case ReceiptStatus::Invalid: {
        bj::array& errors = out["errors"].emplace_array();
        for (const auto& problem : receipt.errors)
            errors.push_back(toJson(problem));
        break;
    }
    case ReceiptStatus::MissingAttachments: {
        bj::array& missing = out["missing"].emplace_array();
        for (const auto& sha : receipt.missing)
            missing.emplace_back(sha);
        break;
    }
    }
    return out;
}

Receipt readReceipt(const bj::value& value, const std::string& path) {
    const json::ObjectReader r(value, path);
    Receipt receipt;
    receipt.id = r.string("id");
    const std::string status = r.string("status");
    const auto parsed = parseReceiptStatus(status);
    if (!parsed)
        throw json::JsonError(path + ".status", "unknown status \"" + status + "\"");
    receipt.status = *parsed;
    receipt.receivedAt = r.optionalString("received_at").value_or("");
    switch (receipt.status) {
    case ReceiptStatus::Accepted:
    case ReceiptStatus::Revision:
        receipt.revision = r.int64("revision");
        break;
    case ReceiptStatus::Conflict: {
        receipt.revision = r.int64("revision");
        receipt.currentRevision = r.optionalInt64("current_revision");
        if (const auto state = r.optionalString("state")) {
            receipt.state = parseSubmissionState(*state);
            if (!receipt.state)
                throw json::JsonError(path + ".state", "unknown state \"" + *state + "\"");
        }
        break;
    }
    case ReceiptStatus::Duplicate:
        // A duplicate's original says what happened to the content; an old server may have
        // sent none.
        if (r.has("original") && r.raw("original").is_object())
            receipt.original = std::make_shared<const Receipt>(readReceipt(r.raw("original"), path + ".original"));
        break;
    case ReceiptStatus::Invalid: {
        const auto& errors = r.array("errors");
        for (std::size_t i = 0; i < errors.size(); ++i) {
            const auto e = r.element("errors", i);
            const auto message = e.object("message");
            receipt.errors.push_back({e.optionalString("path").value_or(""), e.optionalString("code").value_or(""),
                                      message.optionalString("vi").value_or(""),
                                      message.optionalString("en").value_or("")});
        }
        break;
    }
    case ReceiptStatus::MissingAttachments: {
        const auto& missing = r.array("missing");
        for (std::size_t i = 0; i < missing.size(); ++i) {
            if (!missing[i].is_string())
                throw json::JsonError(path + ".missing[" + std::to_string(i) + "]", "expected a SHA-256 text");
            receipt.missing.emplace_back(missing[i].get_string());
        }
        break;
    }
    }
    return receipt;
}

} // namespace kc::protocol
