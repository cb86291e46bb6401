#pragma once

#include "kc/protocol/Review.hpp"

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The server's answer to one pushed item (docs/protocol.md, "Receipts").
namespace kc::protocol {

enum class ReceiptStatus { Accepted, Revision, Conflict, Duplicate, Invalid, MissingAttachments };

inline constexpr ReceiptStatus kReceiptStatuses[] = {ReceiptStatus::Accepted,  ReceiptStatus::Revision,
                                                     ReceiptStatus::Conflict,  ReceiptStatus::Duplicate,
                                                     ReceiptStatus::Invalid,   ReceiptStatus::MissingAttachments};

//! "accepted", "revision", "conflict", "duplicate", "invalid", "missing_attachments".
std::string_view receiptStatusCode(ReceiptStatus status);
std::optional<ReceiptStatus> parseReceiptStatus(std::string_view code);

//! Whether the server stored the item's content under a revision (accepted, revision,
//! conflict): the device may count it as sent.
bool isStored(ReceiptStatus status);

//! What is wrong with one field of an invalid item, in both languages.
struct ItemProblem {
    std::string path;  //!< "answers.items[0].quantity", "form_id", …
    std::string code;  //!< "required", "type", "scope", "unknown_field", …
    std::string vi;
    std::string en;
};

struct Receipt {
    std::string id;
    ReceiptStatus status = ReceiptStatus::Accepted;
    std::string receivedAt;
    std::optional<std::int64_t> revision;         //!< accepted, revision, conflict
    std::optional<std::int64_t> currentRevision;  //!< conflict: the server's standing revision
    std::optional<SubmissionState> state;         //!< conflict: the server's state
    std::vector<ItemProblem> errors;              //!< invalid
    std::vector<std::string> missing;             //!< missing_attachments: SHA-256s
    std::shared_ptr<const Receipt> original;      //!< duplicate: the receipt first given

    //! The receipt that says what happened to the content: the original of a duplicate,
    //! else this one.
    const Receipt& effective() const { return original ? *original : *this; }
};

boost::json::object toJson(const ItemProblem& problem);
boost::json::object toJson(const Receipt& receipt);
//! Reads a receipt; throws json::JsonError naming what is wrong (under `path`).
Receipt readReceipt(const boost::json::value& value, const std::string& path = "receipt");

} // namespace kc::protocol
