#pragma once

#include <cstdint>
#include <filesystem>
#include <mutex>
#include <string>
#include <string_view>

namespace kc::server {

//! Attachment bytes on disk beside the store: finished files at
//! attachments/ab/abcdef... (content-addressed), unfinished uploads at
//! uploads/<user>-<sha256>.part. The size of a .part file is the upload's offset, so a
//! crash can never make the server claim bytes it does not hold.
class AttachmentFiles {
public:
    explicit AttachmentFiles(const std::filesystem::path& dataDir);

    std::filesystem::path finalPath(const std::string& sha256) const;
    bool complete(const std::string& sha256) const;
    //! Bytes received so far of a user's upload (0 when none).
    std::int64_t offset(const std::string& sha256, const std::string& userId) const;
    //! Appends `bytes` at the current end, which the caller checked is the client's offset;
    //! flushed to disk before it returns. Returns the new offset.
    std::int64_t append(const std::string& sha256, const std::string& userId, std::string_view bytes);
    //! Checks the finished upload's SHA-256; on a match moves it into place and returns true,
    //! otherwise deletes it and returns false.
    bool finish(const std::string& sha256, const std::string& userId);
    void discard(const std::string& sha256, const std::string& userId);

private:
    std::filesystem::path partPath(const std::string& sha256, const std::string& userId) const;

    std::filesystem::path m_attachments;
    std::filesystem::path m_uploads;
    mutable std::mutex m_mutex;
};

} // namespace kc::server
