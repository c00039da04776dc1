import TriageCore

/// Reads a plain-text transcript: one turn per line with a speaker prefix (`M:`/`C:`,
/// `Midwife:`/`Caller:`, `Jordemoder:`/`Kvinde:` …), an optional leading `[mm:ss]` time, and
/// unprefixed lines continuing the turn before them.
enum PlainTextTranscriptParser {
    static func parse(_ text: String) -> [Turn] {
        var turns: [Turn] = []
        var continues = false
        for (_, raw) in Lines.numbered(text) {
            var line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continues = false; continue }
            var start: Int?
            if line.first == "[", let close = line.firstIndex(of: "]"),
               let ms = Timecode.milliseconds(line[line.index(after: line.startIndex)..<close]) {
                start = ms
                line = line[line.index(after: close)...].trimmingCharacters(in: .whitespaces)
            }
            if let prefixed = SpeakerPrefix.split(line) {
                turns.append(Turn(speaker: prefixed.speaker, speakerLabel: prefixed.label, startMs: start, text: prefixed.text))
                continues = true
            } else if continues, start == nil, var last = turns.popLast() {
                last.text += (last.text.isEmpty ? "" : " ") + line
                turns.append(last)
            } else {
                turns.append(Turn(speaker: .unknown, startMs: start, text: line))
                continues = true
            }
        }
        return turns.filter { !$0.text.isEmpty }
    }
}

import Foundation
