#pragma once

#include <string>

namespace kc::server::xlsform {

//! An XLSForm `type` cell, understood.
struct ParsedType {
    enum class Kind { Question, Begin, End, Metadata };
    Kind kind = Kind::Question;
    bool repeat = false;       //!< for Begin and End: a repeat rather than a group
    std::string typeText;      //!< as written
    std::string kcType;        //!< KCField's type ("select_one", "photo", ...)
    std::string list;          //!< the choice list of a select
    std::string listFile;      //!< unused (select_one_from_file is refused)
    bool orOther = false;
    std::string registerName;  //!< `reference facility`
    std::string impliedConstraint;  //!< `time` and `phone number` become checked text
    std::string impliedAppearance;
    std::string note;          //!< how the type was kept, for a notice
    std::string metadataNote;  //!< for Metadata: where KCField keeps it
    std::string problem;       //!< set when KCField cannot express the type
};

//! Reads `select_one yes_no`, `select one from yes_no`, `select_multiple list or_other`,
//! `begin group`, `begin_repeat`, `dateTime`, the metadata types and KCField's own
//! (`money`, `reference facility`, `signature`); names what KCField does not have.
ParsedType parseType(const std::string& text);

} // namespace kc::server::xlsform
