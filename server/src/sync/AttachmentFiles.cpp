#include "sync/AttachmentFiles.hpp"

#include "util/Sha256.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>
#include <system_error>
#include <unistd.h>

namespace kc::server {

namespace {

//! Throws std::system_error carrying errno, so that a full disk (ENOSPC) is told apart.
void check(bool ok, const std::string& what, const std::filesystem::path& path) {
    if (!ok) {
        const int error = errno;
        throw std::system_error(error, std::generic_category(), what + " " + path.string());
    }
}

void syncFolder(const std::filesystem::path& folder) {
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

} // namespace

AttachmentFiles::AttachmentFiles(const std::filesystem::path& dataDir)
    : m_attachments(dataDir / "attachments"), m_uploads(dataDir / "uploads") {
    std::filesystem::create_directories(m_attachments);
    std::filesystem::create_directories(m_uploads);
}

std::filesystem::path AttachmentFiles::finalPath(const std::string& sha256) const {
    return m_attachments / sha256.substr(0, 2) / sha256;
}

std::filesystem::path AttachmentFiles::partPath(const std::string& sha256, const std::string& userId) const {
    return m_uploads / (userId + "-" + sha256 + ".part");
}

bool AttachmentFiles::complete(const std::string& sha256) const {
    std::error_code ec;
    return std::filesystem::is_regular_file(finalPath(sha256), ec);
}

namespace {

//! Takes a lock on the whole of an open file, held until the file is closed: an open file
//! description lock, so threads of one server are kept apart as well as servers that share
//! the folder. Exclusive to write (`type` F_WRLCK), shared to read (F_RDLCK). Closes the
//! file when the lock cannot be had.
void lockWhole(int fd, const std::filesystem::path& path, short type = F_WRLCK) {
    struct flock whole {};
    whole.l_type = type;
    whole.l_whence = SEEK_SET;
    while (::fcntl(fd, F_OFD_SETLKW, &whole) != 0) {
        if (errno == EINTR)
            continue;
        const int error = errno;
        ::close(fd);
        errno = error;
        check(false, "cannot lock", path);
    }
}

} // namespace

std::int64_t AttachmentFiles::offset(const std::string& sha256, const std::string& userId) const {
    // Read under the file's lock, so a chunk being written (here or on another server) is
    // counted whole or not at all, never half.
    const auto path = partPath(sha256, userId);
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        check(errno == ENOENT, "cannot open", path);
        return 0;
    }
    lockWhole(fd, path, F_RDLCK);
    const off_t size = ::lseek(fd, 0, SEEK_END);
    ::close(fd);
    return size < 0 ? 0 : static_cast<std::int64_t>(size);
}

AttachmentFiles::Appended AttachmentFiles::append(const std::string& sha256, const std::string& userId,
                                                  std::int64_t expected, std::string_view bytes) {
    const auto path = partPath(sha256, userId);
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
    check(fd >= 0, "cannot open", path);
    lockWhole(fd, path);
    // A chunk is kept whole or not at all: on a failed write (a full disk) the file goes
    // back to the length it had, so the offset the client is told stays true.
    const off_t before = ::lseek(fd, 0, SEEK_END);
    if (before != expected) {  // another copy of this chunk, or the one before it, got here first
        ::close(fd);
        return {false, before < 0 ? 0 : static_cast<std::int64_t>(before)};
    }
    const auto fail = [&](const char* what) {
        const int error = errno;
        if (before >= 0 && ::ftruncate(fd, before) == 0)
            ::fsync(fd);
        ::close(fd);
        errno = error;
        check(false, what, path);
    };
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            fail("cannot write");
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0)
        fail("cannot flush");
    ::close(fd);  // and the lock with it
    return {true, expected + static_cast<std::int64_t>(bytes.size())};
}

bool AttachmentFiles::finish(const std::string& sha256, const std::string& userId) {
    const auto part = partPath(sha256, userId);
    const int fd = ::open(part.c_str(), O_RDWR | O_CLOEXEC);
    if (fd < 0 && errno == ENOENT && complete(sha256))
        return true;  // finished by another server a moment ago
    check(fd >= 0, "cannot open", part);
    lockWhole(fd, part);
    std::error_code gone;
    if (!std::filesystem::exists(part, gone)) {  // renamed while this one waited for the lock
        ::close(fd);
        return complete(sha256);
    }
    Sha256 hash;
    char buffer[64 * 1024];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        hash.update(std::string_view(buffer, static_cast<std::size_t>(n)));
    }
    if (hash.hexDigest() != sha256) {
        std::filesystem::remove(part);
        ::close(fd);
        return false;
    }
    const auto target = finalPath(sha256);
    std::error_code failed;
    std::filesystem::create_directories(target.parent_path(), failed);
    if (!failed)
        std::filesystem::rename(part, target, failed);
    ::close(fd);
    if (failed)
        throw std::system_error(failed, "cannot move the finished upload to " + target.string());
    syncFolder(target.parent_path());
    return true;
}

void AttachmentFiles::discard(const std::string& sha256, const std::string& userId) {
    std::error_code ec;
    std::filesystem::remove(partPath(sha256, userId), ec);
}

} // namespace kc::server
