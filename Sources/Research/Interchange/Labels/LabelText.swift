/// A label as one line of text in the formats that hold a text per range (TextGrid, Audacity, WebVTT, SRT):
/// the code, then `: ` and the note if there is one (`bleeding: spotting since the morning`). Codes hold no colon,
/// so the first colon ends the code.
enum LabelText {
    /// The label's text; `collapsed` when the note's line breaks or tabs had to become spaces to fit on one line.
    static func render(code: String, note: String?) -> (text: String, collapsed: Bool) {
        guard let note, !note.isEmpty else { return (code, false) }
        let single = note.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\t" }).joined(separator: " ")
        return ("\(code): \(single)", single != note)
    }

    /// The code and note of a label's text; surrounding white space is trimmed, an empty note is none.
    static func parse(_ text: String) -> (code: String, note: String?) {
        guard let colon = text.firstIndex(of: ":") else { return (trim(Substring(text)), nil) }
        let note = trim(text[text.index(after: colon)...])
        return (trim(text[..<colon]), note.isEmpty ? nil : note)
    }

    private static func trim(_ s: Substring) -> String {
        String(s.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
