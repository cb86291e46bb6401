#pragma once

#include <boost/json/object.hpp>

#include <QByteArray>

#include <optional>
#include <string>

//! When and where a photo was taken, as its camera wrote it in EXIF (DateTimeOriginal, with
//! OffsetTimeOriginal when there is one, and the GPS latitude and longitude). The photo that
//! leaves the phone carries none of its metadata; this is what the record keeps of it.
struct PhotoOrigin {
    std::string takenAt;  //!< "2026-10-12T09:14:05" or "2026-10-12T09:14:05+07:00"; "" unknown
    std::optional<double> latitude, longitude;

    bool empty() const { return takenAt.empty() && !latitude; }
    //! {"taken_at"?, "location"?: {"lat", "lon"}} (docs/protocol.md, "Attachments").
    boost::json::object toJson() const;
};

//! Reads the EXIF of a JPEG (libexif); an empty origin for other files or unreadable EXIF.
PhotoOrigin readPhotoOrigin(const QByteArray& bytes);
