#pragma once

// A camera's JPEG with the EXIF a phone writes: when (DateTimeOriginal, OffsetTimeOriginal)
// and where (GPS latitude and longitude), put in with libexif. Header-only (Qt and libexif):
// kc_test_support itself links neither.
#include <libexif/exif-data.h>

#include <QByteArray>

#include <cmath>
#include <cstdlib>
#include <cstring>

namespace kc::test {

namespace exif_detail {
inline ExifEntry* add(ExifData* data, ExifIfd ifd, ExifTag tag, ExifFormat format, unsigned long components) {
    ExifMem* mem = exif_mem_new_default();
    ExifEntry* entry = exif_entry_new_mem(mem);
    entry->tag = tag;
    entry->format = format;
    entry->components = components;
    entry->size = static_cast<unsigned int>(exif_format_get_size(format) * components);
    entry->data = static_cast<unsigned char*>(exif_mem_alloc(mem, entry->size));
    exif_content_add_entry(data->ifd[ifd], entry);
    exif_mem_unref(mem);
    exif_entry_unref(entry);
    return entry;
}
inline void ascii(ExifData* data, ExifIfd ifd, ExifTag tag, const char* text) {
    ExifEntry* entry = add(data, ifd, tag, EXIF_FORMAT_ASCII, std::strlen(text) + 1);
    std::memcpy(entry->data, text, std::strlen(text) + 1);
}
inline void degrees(ExifData* data, ExifTag tag, double value) {
    ExifEntry* entry = add(data, EXIF_IFD_GPS, tag, EXIF_FORMAT_RATIONAL, 3);
    const double a = std::abs(value);
    const auto d = static_cast<ExifLong>(a);
    const auto m = static_cast<ExifLong>((a - d) * 60);
    const auto s = static_cast<ExifLong>(std::lround(((a - d) * 60 - m) * 60 * 1000));
    const ExifByteOrder order = exif_data_get_byte_order(data);
    exif_set_rational(entry->data, order, {d, 1});
    exif_set_rational(entry->data + 8, order, {m, 1});
    exif_set_rational(entry->data + 16, order, {s, 1000});
}
} // namespace exif_detail

//! `jpeg` with an APP1 EXIF segment right after its start: taken at `when`
//! ("2026:10:12 09:14:05") with `offset` ("+07:00", or null), at `lat`, `lon`.
inline QByteArray withExif(const QByteArray& jpeg, const char* when, const char* offset, double lat, double lon) {
    using namespace exif_detail;
    ExifData* data = exif_data_new();
    exif_data_set_byte_order(data, EXIF_BYTE_ORDER_INTEL);
    ascii(data, EXIF_IFD_0, EXIF_TAG_MAKE, "KCField Test Camera");
    ascii(data, EXIF_IFD_EXIF, EXIF_TAG_DATE_TIME_ORIGINAL, when);
    if (offset)
        ascii(data, EXIF_IFD_EXIF, EXIF_TAG_OFFSET_TIME_ORIGINAL, offset);
    ascii(data, EXIF_IFD_GPS, static_cast<ExifTag>(EXIF_TAG_GPS_LATITUDE_REF), lat < 0 ? "S" : "N");
    degrees(data, static_cast<ExifTag>(EXIF_TAG_GPS_LATITUDE), lat);
    ascii(data, EXIF_IFD_GPS, static_cast<ExifTag>(EXIF_TAG_GPS_LONGITUDE_REF), lon < 0 ? "W" : "E");
    degrees(data, static_cast<ExifTag>(EXIF_TAG_GPS_LONGITUDE), lon);
    unsigned char* block = nullptr;
    unsigned int size = 0;
    exif_data_save_data(data, &block, &size);
    exif_data_unref(data);
    QByteArray segment("\xFF\xE1", 2);
    segment.append(static_cast<char>(((size + 2) >> 8) & 0xFF));
    segment.append(static_cast<char>((size + 2) & 0xFF));
    segment.append(reinterpret_cast<const char*>(block), static_cast<qsizetype>(size));
    std::free(block);
    return jpeg.left(2) + segment + jpeg.mid(2);
}

} // namespace kc::test
