import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtCharts
import KCField
import KCField.Core

// The programme report for reviewers and admins: filters (provinces, period, source), the
// figures provincial reports publish, two charts, and the report saved as CSV, Excel or PDF.
Page {
    id: page
    required property Session session
    objectName: "reportPage"
    title: qsTr("Programme report")
    property alias client: client
    readonly property var report: client.report
    readonly property bool hasReport: report.projects !== undefined
    property string savedPath: ""
    // The caller's provinces, all chosen at first; their names come with the first report.
    property var chosenProvinces: Codes.copy(page.session.provinces)
    property var provinceNames: ({})
    onReportChanged: {
        const names = Object.assign({}, provinceNames)
        for (const p of (report.provinces || []))
            names[p.code] = p.name
        provinceNames = names
    }
    function toggleProvince(code, on) {
        const chosen = chosenProvinces.filter(c => c !== code)
        if (on)
            chosen.push(code)
        chosenProvinces = chosen
        if (chosen.length > 0)
            apply()
    }

    ReportClient {
        id: client
        session: page.session
        filters: ({ from: "2021", to: String(new Date().getFullYear()) })
        Component.onCompleted: refresh()
        onSaved: function(path) { page.savedPath = path }
    }
    function apply() {
        page.savedPath = ""
        client.filters = { provinces: page.chosenProvinces.join(","), from: Codes.isoDate(fromField.text), to: Codes.isoDate(toField.text),
                           source: source.currentValue }
        client.refresh()
    }
    function figure(path) {
        let value = report
        for (const key of path.split("."))
            value = value === undefined ? undefined : value[key]
        return value === undefined ? 0 : value
    }
    Shortcut { sequence: "F5"; onActivated: page.apply() }

    Flickable {
        anchors.fill: parent
        contentHeight: column.implicitHeight + 2 * Theme.spacing
        clip: true
        ScrollIndicator.vertical: ScrollIndicator {}
        ColumnLayout {
            id: column
            x: Theme.spacing
            y: Theme.spacing
            width: parent.width - 2 * Theme.spacing
            spacing: Theme.spacing / 2

            GridLayout {
                Layout.fillWidth: true
                columns: page.width >= Theme.narrowWidth ? 3 : 2
                TextField {
                    id: fromField
                    objectName: "reportFrom"
                    Layout.fillWidth: true
                    text: "2021"
                    placeholderText: qsTr("From (year or dd/mm/yyyy)")
                    Accessible.name: placeholderText
                    inputMethodHints: Qt.ImhPreferNumbers
                    onAccepted: page.apply()
                }
                TextField {
                    id: toField
                    objectName: "reportTo"
                    Layout.fillWidth: true
                    text: String(new Date().getFullYear())
                    placeholderText: qsTr("To (year or dd/mm/yyyy)")
                    Accessible.name: placeholderText
                    inputMethodHints: Qt.ImhPreferNumbers
                    onAccepted: page.apply()
                }
                ComboBox {
                    id: source
                    objectName: "reportSource"
                    Layout.fillWidth: true
                    Layout.columnSpan: page.width >= Theme.narrowWidth ? 1 : 2
                    textRole: "text"
                    valueRole: "value"
                    model: [
                        { value: "", text: qsTr("Every funding source") },
                        { value: "national", text: Codes.fundingSource("national") },
                        { value: "local", text: Codes.fundingSource("local") }
                    ]
                    Accessible.name: qsTr("Funding source")
                    onActivated: page.apply()
                }
            }
            // A reviewer of several provinces chooses which the report covers.
            Flow {
                Layout.fillWidth: true
                visible: page.session.provinces.length > 1
                spacing: Theme.spacing / 2
                Repeater {
                    model: page.session.provinces
                    delegate: CheckBox {
                        required property string modelData
                        objectName: "reportProvince_" + modelData
                        text: page.provinceNames[modelData] || modelData
                        checked: page.chosenProvinces.indexOf(modelData) >= 0
                        enabled: !checked || page.chosenProvinces.length > 1  // at least one stays chosen
                        Accessible.name: qsTr("Province %1").arg(text)
                        onToggled: page.toggleProvince(modelData, checked)
                    }
                }
            }
            // Four actions: in one row where there is room, two by two on a phone.
            GridLayout {
                Layout.fillWidth: true
                columns: page.width >= Theme.narrowWidth ? 4 : 2
                ActionButton {
                    objectName: "showReport"
                    Layout.fillWidth: true
                    text: qsTr("Show")
                    enabled: !client.busy
                    onClicked: page.apply()
                }
                ActionButton {
                    objectName: "saveCsv"
                    Layout.fillWidth: true
                    text: qsTr("Save CSV")
                    enabled: page.hasReport && !client.busy
                    onClicked: client.saveCsv(client.suggestedPath("csv"))
                }
                ActionButton {
                    objectName: "saveXlsx"
                    Layout.fillWidth: true
                    text: qsTr("Save Excel")
                    enabled: page.hasReport && !client.busy
                    onClicked: client.saveXlsx(client.suggestedPath("xlsx"))
                }
                ActionButton {
                    objectName: "savePdf"
                    Layout.fillWidth: true
                    text: qsTr("Save PDF")
                    enabled: page.hasReport && !client.busy
                    onClicked: client.savePdf(client.suggestedPath("pdf"))
                }
            }
            BusyIndicator { Layout.alignment: Qt.AlignHCenter; visible: client.busy; running: visible }
            Label {
                Layout.fillWidth: true
                visible: client.errorString !== ""
                text: client.errorString
                color: Theme.error
                wrapMode: Text.Wrap
            }
            Label {
                objectName: "reportSaved"
                Layout.fillWidth: true
                visible: page.savedPath !== ""
                text: qsTr("Saved to %1").arg(page.savedPath)
                color: Theme.ok
                wrapMode: Text.WrapAnywhere
            }
            // The saved file, opened in the system's viewer (from where it can be shared), or
            // its folder.
            RowLayout {
                Layout.fillWidth: true
                visible: page.savedPath !== ""
                ActionButton {
                    objectName: "openSaved"
                    Layout.fillWidth: true
                    text: qsTr("Open the file")
                    onClicked: if (!Qt.openUrlExternally("file://" + page.savedPath)) openFailed.visible = true
                }
                ActionButton {
                    objectName: "openSavedFolder"
                    Layout.fillWidth: true
                    flat: true
                    text: qsTr("Open its folder")
                    onClicked: if (!Qt.openUrlExternally("file://" + page.savedPath.substring(0, page.savedPath.lastIndexOf("/")))) openFailed.visible = true
                }
            }
            Label {
                id: openFailed
                Layout.fillWidth: true
                visible: false
                wrapMode: Text.Wrap
                color: Theme.error
                text: qsTr("No program on this device opens it; copy it from the folder above.")
            }

            Label {
                objectName: "reportTitle"
                Layout.fillWidth: true
                visible: page.hasReport
                text: qsTr("Report on the results of the industrial extension programme")
                font.pixelSize: Theme.titleFont
                font.bold: true
                wrapMode: Text.Wrap
            }
            Label {
                Layout.fillWidth: true
                visible: page.hasReport
                // dd/MM/yyyy, as both languages write a report's dates
                text: page.hasReport ? (page.report.provinces || []).map(p => p.name).join(", ") + " · "
                                       + page.report.period.from.split("-").reverse().join("/") + " – "
                                       + page.report.period.to.split("-").reverse().join("/")
                                     : ""
                wrapMode: Text.Wrap
            }

            GridLayout {
                objectName: "reportFigures"
                Layout.fillWidth: true
                visible: page.hasReport
                columns: page.width >= Theme.narrowWidth ? 3 : 2
                columnSpacing: Theme.spacing
                rowSpacing: Theme.spacing / 2
                Repeater {
                    model: [
                        { label: qsTr("Projects carried out"), value: Codes.groupDigits(String(page.figure("projects.total"))) },
                        { label: qsTr("National / local projects"), value: page.figure("money.by_funding_source.national.projects") + " / " + page.figure("money.by_funding_source.local.projects") },
                        { label: qsTr("Extension funding"), value: Codes.billions(page.figure("money.total.extension_funding")) },
                        { label: qsTr("Counterpart capital"), value: Codes.billions(page.figure("money.total.counterpart_capital")) },
                        { label: qsTr("Investment attracted"), value: Codes.billions(page.figure("money.total.investment_attracted")) },
                        { label: qsTr("Facilities supported"), value: Codes.groupDigits(String(page.figure("facilities_supported"))) },
                        { label: qsTr("Jobs created"), value: Codes.groupDigits(String(page.figure("jobs_created"))) },
                        { label: qsTr("People trained"), value: Codes.groupDigits(String(page.figure("people_trained"))) },
                        { label: qsTr("Facility participations in trade fairs"), value: Codes.groupDigits(String(page.figure("fair_participations"))) },
                        { label: qsTr("Equipment handed over"), value: qsTr("%1 items, %2").arg(page.figure("equipment.items")).arg(Codes.billions(page.figure("equipment.value"))) },
                        { label: qsTr("Site surveys / monitoring visits"), value: page.figure("surveys") + " / " + page.figure("monitoring_visits") },
                        { label: qsTr("Not carried out: planned / cancelled"), value: qsTr("%1 (%2) / %3 (%4)").arg(page.figure("not_carried_out.planned.projects")).arg(Codes.billions(page.figure("not_carried_out.planned.extension_funding"))).arg(page.figure("not_carried_out.cancelled.projects")).arg(Codes.billions(page.figure("not_carried_out.cancelled.extension_funding"))) },
                        { label: qsTr("Typical products recognised"), value: qsTr("%1 products of %2 facilities").arg(Codes.groupDigits(String(page.figure("typical_products.total")))).arg(Codes.groupDigits(String(page.figure("typical_products.facilities")))) }
                    ]
                    // A Column, not InfoRow's layout: wrapped labels in a GridLayout misplaced a value.
                    delegate: Column {
                        id: figure
                        required property var modelData
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        Layout.alignment: Qt.AlignTop
                        Label {
                            width: parent.width
                            text: figure.modelData.label
                            font.pixelSize: Theme.smallFont
                            color: Theme.neutral
                            wrapMode: Text.Wrap
                        }
                        Label {
                            width: parent.width
                            text: String(figure.modelData.value)
                            wrapMode: Text.Wrap
                        }
                    }
                }
            }

            SectionHeader { Layout.fillWidth: true; visible: page.hasReport; text: qsTr("Extension funding by year (million đồng)") }
            ChartView {
                id: yearly
                objectName: "fundingChart"
                Layout.fillWidth: true
                Layout.preferredHeight: 240
                visible: page.hasReport
                legend.visible: false
                antialiasing: true
                backgroundRoundness: 0
                margins { left: 0; right: 0; top: 0; bottom: 0 }
                readonly property var years: page.hasReport ? Object.keys(page.report.money.by_year) : []
                readonly property var millions: years.map(y => page.report.money.by_year[y].extension_funding / 1e6)
                // Four even steps up to a round number: 790 -> 0, 200, ..., 800.
                readonly property real axisTop: {
                    const largest = Math.max(1, ...millions)
                    const unit = Math.pow(10, Math.floor(Math.log10(largest / 4)))
                    return Math.ceil(largest / (4 * unit)) * 4 * unit
                }
                BarSeries {
                    axisX: BarCategoryAxis { categories: yearly.years }
                    axisY: ValuesAxis {  // QtCharts' other name for ValueAxis, the one Qt 6.4's qmllint resolves
                        min: 0
                        // millions, so that the axis needs no decimal mark (Vietnamese writes ",")
                        max: yearly.axisTop
                        tickCount: 5
                        labelFormat: "%d"
                    }
                    BarSet {
                        label: qsTr("Extension funding")
                        color: "#00796b"
                        values: yearly.millions
                    }
                }
            }

            SectionHeader { Layout.fillWidth: true; visible: page.hasReport; text: qsTr("Typical products by level") }
            ChartView {
                id: levels
                objectName: "productChart"
                Layout.fillWidth: true
                Layout.preferredHeight: 220
                visible: page.hasReport
                legend.visible: false
                antialiasing: true
                backgroundRoundness: 0
                margins { left: 0; right: 0; top: 0; bottom: 0 }
                readonly property var codes: ["district", "provincial", "regional", "national"]
                readonly property var counts: page.hasReport ? codes.map(c => page.report.typical_products.by_level[c]) : [0, 0, 0, 0]
                // Ticks on whole numbers only (a step of 1, 2, 3… products), so a bar ends on
                // the number it counts: the axis runs to a whole number of steps past the largest.
                readonly property int step: Math.max(1, Math.ceil(Math.max(1, ...counts) / 5))
                readonly property var axis: productAxis
                readonly property int axisMax: step * Math.ceil((Math.max(1, ...counts) + 1) / step)
                HorizontalBarSeries {
                    axisY: BarCategoryAxis { categories: [qsTr("District"), qsTr("Provincial"), qsTr("Regional"), qsTr("National")] }
                    axisX: ValuesAxis { id: productAxis; min: 0; max: levels.axisMax; labelFormat: "%d"; tickCount: levels.axisMax / levels.step + 1 }
                    BarSet { label: qsTr("Products"); color: "#f9a825"; values: levels.counts }
                }
            }

            SectionHeader {
                Layout.fillWidth: true
                visible: page.hasReport && page.report.projects.stalled_or_cancelled.length > 0
                text: qsTr("Stalled and cancelled projects")
            }
            Repeater {
                model: page.hasReport ? page.report.projects.stalled_or_cancelled : []
                delegate: InfoRow {
                    required property var modelData
                    Layout.fillWidth: true
                    label: modelData.code + " · " + Codes.projectStatus(modelData.status)
                    value: modelData.title + ": " + modelData.reason
                }
            }
            Label {
                Layout.fillWidth: true
                visible: page.hasReport
                text: qsTr("Only approved submissions count; projects and money come from the project register.")
                font.pixelSize: Theme.smallFont
                color: Theme.neutral
                wrapMode: Text.Wrap
            }
        }
    }
}
