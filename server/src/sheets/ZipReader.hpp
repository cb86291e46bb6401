#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace kc::server::sheets {

//! A workbook that cannot be read: not a zip, truncated, over a limit, bad XML. The message
//! names the part and says what was wrong, in words an office user can act on.
class WorkbookError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

//! What a workbook may cost to read. A real XLSForm or register is kilobytes; these stop zip
//! bombs and sheets built to exhaust memory long before they hurt the server.
struct ReadLimits {
    std::uint64_t maxFileBytes = 64ull << 20;      //!< the .xlsx itself
    std::uint64_t maxPartBytes = 256ull << 20;     //!< one inflated part (a sheet's XML)
    std::uint64_t maxTotalBytes = 512ull << 20;    //!< all parts read, inflated
    std::uint64_t maxRatio = 200;                  //!< inflated / compressed, for parts over 1 MiB
    int maxEntries = 10000;                        //!< files in the zip
    int maxRows = 1048576;                         //!< Excel's own limits
    int maxColumns = 16384;
    std::uint64_t maxCells = 5000000;
};

//! Reads the parts of a zip archive held in memory (libzip), each inflated piece by piece so
//! that a part's size is counted as it inflates, whatever its header claims.
class ZipReader {
public:
    ZipReader(std::string_view bytes, const ReadLimits& limits);
    ~ZipReader();
    ZipReader(const ZipReader&) = delete;
    ZipReader& operator=(const ZipReader&) = delete;

    //! Whether the archive has a part of this name (case as the zip spells it, or not).
    bool has(const std::string& name) const;
    //! Feeds the part's inflated bytes to `sink` in pieces; throws WorkbookError when the part
    //! is missing (only if `required`), corrupt, or over a limit. False when it is absent.
    bool read(const std::string& name, const std::function<void(std::string_view)>& sink,
              bool required = true);

private:
    struct Archive;
    std::unique_ptr<Archive> m_archive;
    ReadLimits m_limits;
    std::uint64_t m_totalRead = 0;
};

} // namespace kc::server::sheets
