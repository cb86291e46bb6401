import QtQuick
import QtTest
import KCField
import KCField.Core

// The language switches while the app runs: texts on screen change at once.
Item {
    id: root
    width: 360
    height: 640

    Component {
        id: buttonComponent
        SyncButton {
            store: AppStore {}
            sync: SyncEngine {}
        }
    }

    TestCase {
        name: "Language"
        when: windowShown

        function cleanup() { Language.code = "en" }

        function test_switching_redraws_texts_and_code_names() {
            Language.code = "en"
            const button = createTemporaryObject(buttonComponent, root)
            compare(button.text, "Sync")
            compare(Codes.state("returned"), "Returned for correction")
            Language.code = "vi"
            compare(Language.code, "vi")
            tryCompare(button, "text", "Đồng bộ")
            compare(Codes.state("returned"), "Trả lại để sửa")
            Language.code = "en"
            tryCompare(button, "text", "Sync")
        }

        function test_unknown_language_is_ignored() {
            Language.code = "fr"
            compare(Language.code, "en")
        }
    }
}
