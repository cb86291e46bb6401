#include "sheets/ZipReader.hpp"

#include <zip.h>

#include <vector>

namespace kc::server::sheets {

struct ZipReader::Archive {
    zip_t* zip = nullptr;
    ~Archive() {
        if (zip)
            zip_discard(zip);
    }
};

namespace {

std::string megabytes(std::uint64_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

} // namespace

ZipReader::ZipReader(std::string_view bytes, const ReadLimits& limits)
    : m_archive(std::make_unique<Archive>()), m_limits(limits) {
    if (bytes.size() > limits.maxFileBytes)
        throw WorkbookError("the workbook is " + megabytes(bytes.size()) + ", more than the " +
                            megabytes(limits.maxFileBytes) + " a workbook may be");
    if (bytes.size() < 4 || bytes.substr(0, 2) != "PK")
        throw WorkbookError("this is not an .xlsx workbook (an .xlsx file is a zip archive; save it "
                            "from Excel or LibreOffice as \"Excel 2007-365 (.xlsx)\")");
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!source) {
        zip_error_fini(&error);
        throw WorkbookError("the workbook cannot be opened");
    }
    m_archive->zip = zip_open_from_source(source, ZIP_RDONLY, &error);
    if (!m_archive->zip) {
        zip_source_free(source);
        const std::string why = zip_error_strerror(&error);
        zip_error_fini(&error);
        throw WorkbookError("the workbook is damaged or incomplete (" + why + ")");
    }
    zip_error_fini(&error);
    const zip_int64_t entries = zip_get_num_entries(m_archive->zip, 0);
    if (entries > limits.maxEntries)
        throw WorkbookError("the workbook holds " + std::to_string(entries) + " files, more than " +
                            std::to_string(limits.maxEntries));
}

ZipReader::~ZipReader() = default;

bool ZipReader::has(const std::string& name) const {
    return zip_name_locate(m_archive->zip, name.c_str(), ZIP_FL_NOCASE) >= 0;
}

bool ZipReader::read(const std::string& name, const std::function<void(std::string_view)>& sink,
                     bool required) {
    const zip_int64_t index = zip_name_locate(m_archive->zip, name.c_str(), ZIP_FL_NOCASE);
    if (index < 0) {
        if (required)
            throw WorkbookError("the workbook has no " + name + " (it is not a complete .xlsx)");
        return false;
    }
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(m_archive->zip, static_cast<zip_uint64_t>(index), 0, &stat) != 0)
        throw WorkbookError(name + ": cannot be read from the workbook");
    zip_file_t* file = zip_fopen_index(m_archive->zip, static_cast<zip_uint64_t>(index), 0);
    if (!file)
        throw WorkbookError(name + ": cannot be read from the workbook (" +
                            std::string(zip_strerror(m_archive->zip)) + ")");
    struct Closer {
        zip_file_t* f;
        ~Closer() { zip_fclose(f); }
    } closer{file};
    const std::uint64_t compressed = (stat.valid & ZIP_STAT_COMP_SIZE) ? stat.comp_size : 0;
    std::vector<char> buffer(64 * 1024);
    std::uint64_t inflated = 0;
    for (;;) {
        const zip_int64_t got = zip_fread(file, buffer.data(), buffer.size());
        if (got < 0)
            throw WorkbookError(name + ": the workbook is damaged (" + std::string(zip_file_strerror(file)) + ")");
        if (got == 0)
            break;
        inflated += static_cast<std::uint64_t>(got);
        m_totalRead += static_cast<std::uint64_t>(got);
        if (inflated > m_limits.maxPartBytes)
            throw WorkbookError(name + ": inflates to more than " + megabytes(m_limits.maxPartBytes) +
                                "; the workbook is refused (too large, or a zip bomb)");
        if (m_totalRead > m_limits.maxTotalBytes)
            throw WorkbookError("the workbook inflates to more than " + megabytes(m_limits.maxTotalBytes) +
                                "; it is refused (too large, or a zip bomb)");
        if (inflated > (1u << 20) && compressed > 0 && inflated / compressed > m_limits.maxRatio)
            throw WorkbookError(name + ": inflates more than " + std::to_string(m_limits.maxRatio) +
                                " times its compressed size; the workbook is refused as a likely zip bomb");
        sink(std::string_view(buffer.data(), static_cast<std::size_t>(got)));
    }
    return true;
}

} // namespace kc::server::sheets
