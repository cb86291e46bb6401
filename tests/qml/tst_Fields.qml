import QtQuick
import QtQuick.Controls
import QtTest
import KCField
import KCField.Core

// Each field widget with the real form controller on a real store: entry saves the answer,
// a wrong entry shows its message next to the field, relevance shows and hides questions.
Item {
    id: root
    width: 360
    height: 640

    Component {
        id: harness
        Item {
            property alias store: store
            property alias controller: controller
            property alias fields: fields
            property alias list: list
            anchors.fill: parent
            AppStore { id: store }
            FormController { id: controller; store: store }
            FormFieldModel { id: fields; controller: controller; page: -1 }
            ListView {
                id: list
                anchors.fill: parent
                model: fields
                cacheBuffer: 0
                delegate: FieldDelegate { form: controller; editable: controller.editable }
            }
        }
    }

    TestCase {
        name: "Fields"
        when: windowShown

        function begin(formId) {
            const h = createTemporaryObject(harness, root)
            h.store.path = testSupport.freshStore()
            verify(h.store.open(), h.store.errorString)
            verify(h.controller.begin(formId, {}), h.controller.errorString)
            return h
        }
        // Scrolls the question into view and gives its widget.
        function show(h, path) {
            const row = h.fields.rowOf(path)
            verify(row >= 0, "no field " + path)
            h.list.positionViewAtIndex(row, ListView.Beginning)
            wait(20)
            const item = findChild(h.list, "field_" + path)
            verify(item, "not shown: " + path)
            return item.item
        }
        function typeInto(field, text) {
            field.forceActiveFocus()
            field.selectAll()
            for (const c of text)
                keyClick(c)
            keyClick(Qt.Key_Return)
        }
        function messageOf(widget) {
            return findChild(widget, "fieldMessage").text
        }

        function test_text_entry_is_saved() {
            const h = begin("site_survey")
            const w = show(h, "main_product")
            typeInto(findChild(w, "input_main_product"), "Mien dong")
            wait(0) // settle
            compare(h.controller.answer("main_product"), "Mien dong")
        }

        function test_integer_rejects_letters_with_a_message() {
            const h = begin("site_survey")
            const w = show(h, "workforce")
            typeInto(findChild(w, "input_workforce"), "abc")
            tryVerify(() => messageOf(show(h, "workforce")) !== "", 2000)
            typeInto(findChild(show(h, "workforce"), "input_workforce"), "18")
            wait(0)
            compare(h.controller.answer("workforce"), 18)
            tryCompare(findChild(show(h, "workforce"), "fieldMessage"), "text", "")
        }

        function test_money_groups_thousands_as_you_type() {
            const h = begin("site_survey")
            h.controller.setAnswer("feasibility", "high")
            const w = show(h, "expected_funding")
            const input = findChild(w, "input_expected_funding")
            input.forceActiveFocus()
            for (const c of "1250000")
                keyClick(c)
            compare(input.text, "1.250.000")
            keyClick(Qt.Key_Return)
            compare(h.controller.answer("expected_funding"), 1250000)
        }

        function test_date_out_of_calendar_has_a_message() {
            const h = begin("site_survey")
            typeInto(findChild(show(h, "survey_date"), "input_survey_date"), "2026-02-30")
            tryVerify(() => messageOf(show(h, "survey_date")) !== "", 2000)
            typeInto(findChild(show(h, "survey_date"), "input_survey_date"), "2026-02-27")
            compare(h.controller.answer("survey_date"), "2026-02-27")
            tryCompare(findChild(show(h, "survey_date"), "fieldMessage"), "text", "")
        }

        function test_date_shown_and_typed_as_a_vietnamese_reader_writes_it() {
            const h = begin("site_survey")
            typeInto(findChild(show(h, "survey_date"), "input_survey_date"), "7/3/2026")
            compare(h.controller.answer("survey_date"), "2026-03-07") // stored ISO
            tryCompare(findChild(show(h, "survey_date"), "input_survey_date"), "text", "07/03/2026")
            // The calendar: days a fingertip wide, the day picked stored ISO, shown dd/mm/yyyy.
            mouseClick(findChild(show(h, "survey_date"), "pick_survey_date"))
            let day = null
            tryVerify(() => (day = findChild(root.Overlay.overlay, "day_15")) !== null, 3000)
            verify(day.width >= 48 && day.height >= 48, "day cell " + day.width + "×" + day.height)
            mouseClick(day)
            compare(h.controller.answer("survey_date"), "2026-03-15")
            tryCompare(findChild(show(h, "survey_date"), "input_survey_date"), "text", "15/03/2026")
        }

        function test_decimal_comma_stays_a_comma() {
            const h = begin("site_survey")
            typeInto(findChild(show(h, "capacity_per_year"), "input_capacity_per_year"), "12,5")
            compare(h.controller.answer("capacity_per_year"), 12.5)
            tryCompare(findChild(show(h, "capacity_per_year"), "input_capacity_per_year"), "text", "12,5")
        }

        function test_required_by_an_expression_shows_its_mark() {
            const h = begin("site_survey")
            verify(!h.fields.rowAt(h.fields.rowOf("needs_detail")).required)
            // A multiline question gets a text area (TextEdit counts lines), not a one-line field.
            verify(findChild(show(h, "needs_detail"), "input_needs_detail").lineCount !== undefined)
            mouseClick(findChild(show(h, "needs"), "choice_needs_machinery"))
            tryVerify(() => h.fields.rowAt(h.fields.rowOf("needs_detail")).required, 2000)
        }

        function test_unlabelled_calculations_are_not_shown() {
            const h = begin("progress_report")
            const row = findChild(h.list, "field_project_funding")
            verify(row === null || !row.visible, "a bare number is shown for project_funding")
            // Nor does one make a page of its own: every page has something to show.
            const survey = begin("site_survey")
            const shown = new Set()
            for (let i = 0; i < survey.fields.count; ++i)
                shown.add(survey.fields.rowAt(i).page)
            for (let p = 0; p < survey.controller.pageCount; ++p)
                verify(shown.has(p), "page " + (p + 1) + " is empty")
        }

        function test_choice_and_live_relevance() {
            const h = begin("site_survey")
            mouseClick(findChild(show(h, "feasibility"), "choice_feasibility_high"))
            compare(h.controller.answer("feasibility"), "high")
            verify(findChild(show(h, "recommended_activity"), "open_recommended_activity") !== null)
            mouseClick(findChild(show(h, "feasibility"), "choice_feasibility_low"))
            compare(h.controller.answer("feasibility"), "low")
            // Not relevant any more: its row is hidden.
            tryVerify(() => !findChild(h.list, "field_recommended_activity").visible, 2000)
        }

        function test_multiple_choices_keep_the_form_order() {
            const h = begin("site_survey")
            const w = show(h, "needs")
            mouseClick(findChild(w, "choice_needs_training"))
            mouseClick(findChild(show(h, "needs"), "choice_needs_machinery"))
            compare(h.controller.answer("needs"), ["machinery", "training"])
            mouseClick(findChild(show(h, "needs"), "choice_needs_training"))
            compare(h.controller.answer("needs"), ["machinery"])
        }

        function test_typed_position_is_marked_manual_and_checked() {
            const h = begin("site_survey")
            let w = show(h, "location")
            typeInto(findChild(w, "lat_location"), "95")
            typeInto(findChild(w, "lon_location"), "106.25")
            mouseClick(findChild(w, "setPosition_location"))
            compare(h.controller.answer("location"), undefined)
            w = show(h, "location")
            typeInto(findChild(w, "lat_location"), "22.67")
            mouseClick(findChild(w, "setPosition_location"))
            const point = h.controller.answer("location")
            compare(point.lat, 22.67)
            compare(point.manual, true)
            verify(findChild(show(h, "location"), "position_location").text.indexOf("typed by hand") > 0)
        }

        function test_photo_is_shrunk_and_kept() {
            const h = begin("site_survey")
            const w = show(h, "photos")
            w.add(testPhotoUrl)
            const shas = h.controller.answer("photos")
            compare(shas.length, 1)
            verify(/^[0-9a-f]{64}$/.test(shas[0]))
        }

        function drawStroke(pad, y) {
            mousePress(pad, 20, y)
            for (let x = 30; x < 200; x += 10)
                mouseMove(pad, x, y + (x % 30))
            mouseRelease(pad, 200, y + 20)
        }
        function test_signature_kept_in_the_draft_as_it_is_drawn() {
            const h = begin("equipment_handover")
            const w = show(h, "facility_signature")
            const pad = findChild(w, "pad_facility_signature")
            drawStroke(pad, 40)
            // No button to press: the stroke is in the draft when the finger lifts.
            const first = h.controller.answer("facility_signature")
            verify(/^[0-9a-f]{64}$/.test(first), "no signature after one stroke: " + first)
            drawStroke(pad, 90)
            const second = h.controller.answer("facility_signature")
            verify(/^[0-9a-f]{64}$/.test(second) && second !== first, "the second stroke was not kept")
            // The draft on disk holds it: opened again, the signature is there.
            const id = h.controller.submissionId
            const again = createTemporaryObject(harness, root)
            again.store.path = h.store.path
            verify(again.store.open(), again.store.errorString)
            verify(again.controller.open(id), again.controller.errorString)
            compare(again.controller.answer("facility_signature"), second)
            mouseClick(findChild(w, "clear_facility_signature"))
            compare(h.controller.answer("facility_signature"), undefined)
        }

        function test_repeat_entries_added_and_removed() {
            const h = begin("equipment_handover")
            mouseClick(findChild(show(h, "items"), "add_items"))
            mouseClick(findChild(show(h, "items"), "add_items"))
            compare(h.controller.answer("items").length, 2)
            typeInto(findChild(show(h, "items[1].serial_number"), "input_items[1].serial_number"), "SN-0042")
            compare(h.controller.answer("items[1].serial_number"), "SN-0042")
            mouseClick(findChild(show(h, "items[0]"), "remove_items[0]"))
            compare(h.controller.answer("items").length, 1)
            compare(h.controller.answer("items[0].serial_number"), "SN-0042")
        }

        function test_facility_picked_with_a_search_without_accents() {
            const h = begin("site_survey")
            mouseClick(findChild(show(h, "facility"), "pick_facility"))
            let search = null
            tryVerify(() => (search = findChild(root.Overlay.overlay, "search_facility")) !== null, 3000)
            typeInto(search, "phja den")
            let delegate = null
            tryVerify(() => {
                const list = search.parent.children[1]
                return list.count === 1 && (delegate = list.itemAtIndex(0)) !== null
            }, 3000)
            mouseClick(delegate)
            const chosen = h.store.facility(h.controller.answer("facility"))
            compare(chosen.name, "HTX Miến dong Phja Đén")
        }
    }
}
