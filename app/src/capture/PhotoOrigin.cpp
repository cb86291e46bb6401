#include "capture/PhotoOrigin.hpp"

#include <libexif/exif-data.h>

#include <cmath>
#include <cstring>
#include <memory>
#include <regex>

namespace {

std::string text(ExifEntry* entry) {
    if (!entry || entry->format != EXIF_FORMAT_ASCII || !entry->data || entry->size == 0)
        return {};
    return std::string(reinterpret_cast<const char*>(entry->data), strnlen(reinterpret_cast<const char*>(entry->data), entry->size));
}

//! Degrees from three rationals (degrees, minutes, seconds) and a reference ("N"/"S", "E"/"W").
std::optional<double> coordinate(ExifData* data, ExifTag tag, ExifTag refTag, char negative, double limit) {
    ExifEntry* value = exif_content_get_entry(data->ifd[EXIF_IFD_GPS], tag);
    const std::string ref = text(exif_content_get_entry(data->ifd[EXIF_IFD_GPS], refTag));
    if (!value || value->format != EXIF_FORMAT_RATIONAL || value->components != 3 || ref.empty())
        return std::nullopt;
    const ExifByteOrder order = exif_data_get_byte_order(data);
    double parts[3];
    for (int i = 0; i < 3; ++i) {
        const ExifRational r = exif_get_rational(value->data + 8 * i, order);
        if (r.denominator == 0)
            return std::nullopt;
        parts[i] = double(r.numerator) / double(r.denominator);
    }
    double degrees = parts[0] + parts[1] / 60.0 + parts[2] / 3600.0;
    if (ref[0] == negative)
        degrees = -degrees;
    if (!std::isfinite(degrees) || std::abs(degrees) > limit)
        return std::nullopt;
    return std::round(degrees * 1e7) / 1e7;
}

} // namespace

boost::json::object PhotoOrigin::toJson() const {
    boost::json::object out;
    if (!takenAt.empty())
        out["taken_at"] = takenAt;
    if (latitude && longitude)
        out["location"] = boost::json::object{{"lat", *latitude}, {"lon", *longitude}};
    return out;
}

PhotoOrigin readPhotoOrigin(const QByteArray& bytes) {
    PhotoOrigin origin;
    if (bytes.size() < 4 || static_cast<unsigned char>(bytes[0]) != 0xFF || static_cast<unsigned char>(bytes[1]) != 0xD8)
        return origin;  // EXIF is read from JPEGs only
    std::unique_ptr<ExifData, void (*)(ExifData*)> data(
        exif_data_new_from_data(reinterpret_cast<const unsigned char*>(bytes.constData()),
                                static_cast<unsigned int>(bytes.size())),
        exif_data_unref);
    if (!data)
        return origin;
    // "2026:10:12 09:14:05" (with "+07:00" beside it in newer cameras).
    const std::string when = text(exif_content_get_entry(data->ifd[EXIF_IFD_EXIF], EXIF_TAG_DATE_TIME_ORIGINAL));
    static const std::regex stamp(R"((\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2}))");
    std::smatch m;
    if (std::regex_match(when, m, stamp) && m[1] != "0000") {
        origin.takenAt = m[1].str() + "-" + m[2].str() + "-" + m[3].str() + "T" + m[4].str() + ":" + m[5].str() + ":" + m[6].str();
        const std::string offset = text(exif_content_get_entry(data->ifd[EXIF_IFD_EXIF], EXIF_TAG_OFFSET_TIME_ORIGINAL));
        static const std::regex zone(R"([+-]\d{2}:\d{2})");
        if (std::regex_match(offset, zone))
            origin.takenAt += offset;
    }
    origin.latitude = coordinate(data.get(), static_cast<ExifTag>(EXIF_TAG_GPS_LATITUDE),
                                 static_cast<ExifTag>(EXIF_TAG_GPS_LATITUDE_REF), 'S', 90.0);
    origin.longitude = coordinate(data.get(), static_cast<ExifTag>(EXIF_TAG_GPS_LONGITUDE),
                                  static_cast<ExifTag>(EXIF_TAG_GPS_LONGITUDE_REF), 'W', 180.0);
    if (!origin.latitude || !origin.longitude)
        origin.latitude = origin.longitude = std::nullopt;
    return origin;
}
