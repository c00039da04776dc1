import Language

/// Labels as an Audacity label track (File › Export › Labels): a line `start<TAB>end<TAB>label` per label, times in
/// seconds with six decimals, the label `code` or `code: note`. A track holds one annotator (the import names her);
/// Audacity's spectral-selection lines (`\<TAB>low<TAB>high`) are passed over.
public enum AudacityLabels {
    public static func write(_ labels: [InterchangeLabel]) -> WrittenLabels {
        var out = "", collapsed = 0
        for label in labels.sorted(by: { ($0.startMs, $0.endMs, $0.code) < ($1.startMs, $1.endMs, $1.code) }) {
            let (text, changed) = LabelText.render(code: label.code, note: label.note)
            if changed { collapsed += 1 }
            out += "\(Seconds.sixDecimals(label.startMs))\t\(Seconds.sixDecimals(label.endMs))\t\(text)\n"
        }
        var notices: [String] = []
        if collapsed > 0 { notices.append("\(collapsed) notes' line breaks and tabs written as spaces (an Audacity label is one line)") }
        if labels.contains(where: { $0.channel != nil }) { notices.append("an Audacity label track holds no channel: the labels' channels are not written") }
        return WrittenLabels(text: out, notices: notices)
    }

    public static func read(_ source: String) throws -> ReadLabels {
        var labels: [InterchangeLabel] = []
        for line in Lines.numbered(source) {
            if line.text.trimmingCharacters(in: .whitespaces).isEmpty || line.text.hasPrefix("\\") { continue }
            let fields = line.text.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count >= 2 else { throw LabelFormatProblem(line: line.number, "expected start<TAB>end<TAB>label") }
            let place = "line \(line.number)"
            let start = try seconds(fields[0], place: place, what: "start")
            let end = try seconds(fields[1], place: place, what: "end")
            guard end >= start else { throw LabelFormatProblem(place: place, "the label ends (\(fields[1])) before it starts (\(fields[0]))") }
            let (code, note) = LabelText.parse(fields.count > 2 ? String(fields[2]) : "")
            guard !code.isEmpty else { throw LabelFormatProblem(place: place, "a label without a code") }
            labels.append(InterchangeLabel(annotator: nil, startMs: start, endMs: end, code: code, note: note, place: place))
        }
        return ReadLabels(labels: labels)
    }

    /// A decimal number of seconds (Audacity writes `1.250000`; a locale's decimal comma is accepted too).
    private static func seconds(_ field: Substring, place: String, what: String) throws -> Int {
        let text = field.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }), let value = Double(text) else {
            throw LabelFormatProblem(place: place, "the \(what) '\(field)' is not a number of seconds")
        }
        return try Seconds.milliseconds(value, place: place, what: "the \(what)")
    }
}
