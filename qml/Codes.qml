pragma Singleton
import QtQuick
import KCField.Core

// Names shown for the stable codes stored in records and sent on the wire, and the
// Vietnamese way of writing money. Every name goes through qsTr().
QtObject {
    function legalForm(code) {
        switch (code) {
        case "cooperative": return qsTr("Cooperative")
        case "limited_company": return qsTr("Limited company")
        case "private_enterprise": return qsTr("Private enterprise")
        case "household_business": return qsTr("Household business")
        }
        return code || ""
    }
    readonly property var legalForms: ["cooperative", "limited_company", "private_enterprise", "household_business"]

    function sector(code) {
        switch (code) {
        case "agro_forestry_processing": return qsTr("Agricultural and forestry processing")
        case "building_materials": return qsTr("Building materials")
        case "handicrafts": return qsTr("Handicrafts")
        case "mechanics": return qsTr("Mechanics")
        case "seafood_processing": return qsTr("Seafood processing")
        case "other": return qsTr("Other")
        }
        return code || ""
    }
    readonly property var sectors: ["agro_forestry_processing", "building_materials", "handicrafts",
                                    "mechanics", "seafood_processing", "other"]

    function fundingSource(code) {
        switch (code) {
        case "national": return qsTr("National extension")
        case "local": return qsTr("Local extension")
        }
        return code || ""
    }

    function activityType(code) {
        switch (code) {
        case "advanced_machinery": return qsTr("Advanced machinery")
        case "demonstration_model": return qsTr("Demonstration model")
        case "technology_transfer": return qsTr("Technology transfer")
        case "cleaner_production": return qsTr("Cleaner production")
        case "vocational_training": return qsTr("Vocational training")
        case "trade_fair": return qsTr("Trade fair")
        case "brand_registration": return qsTr("Brand registration")
        case "packaging_design": return qsTr("Packaging design")
        case "management_capacity": return qsTr("Management capacity")
        case "study_tour": return qsTr("Study tour")
        case "investment_consulting": return qsTr("Investment consulting")
        case "industrial_cluster": return qsTr("Industrial cluster")
        }
        return code || ""
    }

    function projectStatus(code) {
        switch (code) {
        case "planned": return qsTr("Planned")
        case "in_progress": return qsTr("In progress")
        case "completed": return qsTr("Completed")
        case "stalled": return qsTr("Stalled")
        case "cancelled": return qsTr("Cancelled")
        }
        return code || ""
    }

    // A submission's state on the device or on the server, in plain words.
    function state(code) {
        switch (code) {
        case "draft": return qsTr("Draft")
        case "queued": return qsTr("Waiting to send")
        case "sending": return qsTr("Sending")
        case "sent": return qsTr("Sent, awaiting review")
        case "submitted": return qsTr("Awaiting review")
        case "approved": return qsTr("Approved")
        case "returned": return qsTr("Returned for correction")
        case "rejected": return qsTr("Rejected")
        }
        return code || ""
    }

    function stateColor(code) {
        switch (code) {
        case "approved": return Theme.ok
        case "returned": case "rejected": return Theme.error
        case "queued": case "sending": return Theme.warning
        }
        return Theme.neutral
    }

    function role(code) {
        switch (code) {
        case "admin": return qsTr("Administrator")
        case "reviewer": return qsTr("Reviewer")
        case "officer": return qsTr("Field officer")
        case "collaborator": return qsTr("Collaborator")
        }
        return code || ""
    }

    // Whole đồng with "." between thousands: 1250000 → "1.250.000 đ".
    function dong(value) {
        if (value === undefined || value === null || value === "")
            return ""
        const n = Math.round(Number(value))
        if (isNaN(n))
            return String(value)
        return (n < 0 ? "-" : "") + groupDigits(String(Math.abs(n))) + " đ"
    }

    // Whole đồng in billions with two decimals, as reports write it: 12310000000 → "12,31 tỷ đồng".
    function billions(value) {
        const hundredths = Math.round(Number(value || 0) / 1e7)
        const frac = hundredths % 100
        return groupDigits(String(Math.floor(hundredths / 100))) + "," + (frac < 10 ? "0" : "") + frac
               + " " + qsTr("billion đồng")
    }

    // A decimal as a Vietnamese reader writes it: 12.5 → "12,5", never in exponent form, with
    // the digits it has (up to `places`, 6 by default). No dots between thousands: a dot
    // typed back in would read as a decimal point to anyone used to one.
    function decimal(value, places) {
        if (value === undefined || value === null || value === "")
            return ""
        const n = Number(value)
        if (!isFinite(n))
            return String(value)
        let text = n.toFixed(places === undefined ? 6 : places)
        if (text.indexOf(".") >= 0)
            text = text.replace(/0+$/, "").replace(/\.$/, "")
        return text.replace(".", ",")
    }

    // A size in the unit it has: 950 B, 120 kB, 1,8 MB (1 kB = 1000 bytes, as networks count).
    function bytes(n) {
        const v = Number(n || 0)
        if (v < 1000)
            return Math.round(v) + " B"
        if (v < 1e6)
            return Math.round(v / 1000) + " kB"
        return decimal(v / 1e6, 1) + " MB"
    }

    // "1250000" → "1.250.000" (digits only in, dots between thousands out).
    function groupDigits(digits) {
        let out = ""
        for (let i = 0; i < digits.length; ++i) {
            if (i > 0 && (digits.length - i) % 3 === 0)
                out += "."
            out += digits[i]
        }
        return out
    }

    // Lists for the screens. (Lists that come from C++ or are written in a binding are typed
    // by Qt 6.4's qmllint as lists without JavaScript's methods; in here they are plain arrays.)
    // The parts that are there, joined: ["2024", "", "Hoàn thành"] → "2024 · Hoàn thành".
    function joined(parts) {
        return parts.filter(x => !!x).join(" · ")
    }
    // A copy of a list, as a JavaScript array.
    function copy(list) {
        const out = []
        for (let i = 0; i < list.length; ++i)
            out.push(list[i])
        return out
    }
    // `first`, then the items of `rest`.
    function prepend(first, rest) {
        const out = copy(rest)
        out.unshift(first)
        return out
    }
    // The items of `list` that `keep` keeps.
    function where(list, keep) {
        return copy(list).filter(keep)
    }

    // Dates and times are written the way the interface language writes them.
    readonly property var locale: Qt.locale(Language.code === "vi" ? "vi_VN" : "en_GB")

    // A stored day "2026-11-22" as a Vietnamese reader writes it: "22/11/2026" (any other
    // text is given back as it is).
    function date(iso) {
        const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "")
        return m ? m[3] + "/" + m[2] + "/" + m[1] : (iso || "")
    }
    // What a person typed as a day, back to the stored form: "22/11/2026", "2/9/2026" and
    // "2026-11-22" all work; anything else is given back as typed, for the form to refuse.
    function isoDate(text) {
        const t = (text || "").trim()
        const m = /^(\d{1,2})[\/.-](\d{1,2})[\/.-](\d{4})$/.exec(t)
        if (!m)
            return t
        const pad = v => (v.length < 2 ? "0" : "") + v
        return m[3] + "-" + pad(m[2]) + "-" + pad(m[1])
    }

    // "2026-11-22T08:30:00Z" → the local date and time, short: dd/mm/yyyy hh:mm.
    function when(text) {
        if (!text)
            return ""
        const d = new Date(text)
        return isNaN(d.getTime()) ? text : Qt.formatDateTime(d, "dd/MM/yyyy HH:mm")
    }
}
