#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace kc::server {

//! Attachment bytes on disk beside the store: finished files at
//! attachments/ab/abcdef... (content-addressed), unfinished uploads at
//! uploads/<user>-<sha256>.part. The size of a .part file is the upload's offset, so a
//! crash can never make the server claim bytes it does not hold. Uploads of different files
//! go on side by side; one file's chunks take turns under a lock on the file itself.
class AttachmentFiles {
public:
    explicit AttachmentFiles(const std::filesystem::path& dataDir);

    std::filesystem::path finalPath(const std::string& sha256) const;
    bool complete(const std::string& sha256) const;
    //! Bytes received so far of a user's upload (0 when none).
    std::int64_t offset(const std::string& sha256, const std::string& userId) const;
    struct Appended {
        bool atOffset;        //!< the upload held `expected` bytes, and the chunk was added
        std::int64_t offset;  //!< what it holds now
    };
    //! Appends `bytes` when the upload holds exactly `expected` bytes, flushed to disk before it
    //! returns. The check and the write hold a lock on the .part file that every thread and
    //! every server sharing the folder respects (an open file description lock, fcntl
    //! F_OFD_SETLKW), so two copies of one chunk sent at once are never both added.
    Appended append(const std::string& sha256, const std::string& userId, std::int64_t expected,
                    std::string_view bytes);
    //! Checks the finished upload's SHA-256; on a match moves it into place and returns true,
    //! otherwise deletes it and returns false. An upload another server has just moved into
    //! place is finished too.
    bool finish(const std::string& sha256, const std::string& userId);
    void discard(const std::string& sha256, const std::string& userId);

private:
    std::filesystem::path partPath(const std::string& sha256, const std::string& userId) const;

    std::filesystem::path m_attachments;
    std::filesystem::path m_uploads;
};

} // namespace kc::server
