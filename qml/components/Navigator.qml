import QtQuick

// What a page may ask of the shell around it: open a record, start or choose a form, push a
// page over it, go back. The shell answers each; pages never reach into it.
QtObject {
    // Opens a record on the device for filling or reading.
    signal openSubmission(string submissionId)
    // Starts a new record of a form, with answers given ({facility: id}).
    signal beginForm(string formId, var prefill)
    // Lets the person choose which form to start, for a record given by `prefill`.
    signal chooseForm(var prefill)
    // Shows `component` (its required properties bound where it is declared) over the page.
    signal push(Component component, var properties)
    signal back()
}
