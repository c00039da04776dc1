import Archive
import TriageCore

/// A call in the development set's text format (`Tests/Fixtures/devset/README.md`): the `## ID | LANG | STARTED_AT`
/// header, a `labels:` line from the midwife's decision (her reasons, primary first, and her disposition), and a line a
/// turn (`M:`, `C:`, `N:`, `U:`). The red flags that hold are for the researcher to add before the set's builder takes it.
public enum DevelopmentCallText {
    public static func render(id: String, call: Call, turns: [Turn], decision: DecisionRecord) -> String {
        var header = "## \(oneLine(id)) | \(call.metadata.language ?? "da") | \(call.metadata.startedAt?.description ?? "")"
        var record: [String] = []
        if let w = call.metadata.gestationalWeek { record.append("week=\(w)" + (call.metadata.gestationalDays.map { "+\($0)" } ?? "")) }
        if let first = call.metadata.firstBaby { record.append("first=\(first)") }
        if !record.isEmpty { header += " | record: " + record.joined(separator: " ") }
        var lines = [header, "labels: reasons=\(decision.reasons.map(\.rawValue).joined(separator: ",")) | disposition=\(decision.disposition.rawValue)"]
        for turn in turns {
            let text = oneLine(turn.text)
            guard !text.isEmpty else { continue }
            lines.append("\(prefix(turn.speaker)): \(text)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func prefix(_ speaker: Speaker) -> String {
        switch speaker {
        case .midwife: return "M"
        case .caller: return "C"
        case .notes: return "N"
        case .unknown: return "U"
        }
    }

    /// A text on one line: line breaks and runs of spaces as one space.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
