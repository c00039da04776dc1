import TriageCore

/// Reads SubRip (.srt): numbered blocks with `HH:MM:SS,mmm --> HH:MM:SS,mmm` and text; a leading
/// `Speaker:` or `[Speaker]` names who speaks.
enum SRTParser {
    static func parse(_ text: String) throws -> [Turn] {
        var turns: [Turn] = []
        for block in Lines.blocks(text) {
            var index = 0
            if !block[0].text.contains("-->") {
                guard block[0].text.trimmingCharacters(in: .whitespaces).allSatisfy(\.isASCIIDigit), block.count > 1 else {
                    throw TranscriptParseError(line: block[0].number, "expected a subtitle number or a timing line")
                }
                index = 1
            }
            let timing = block[index]
            guard timing.text.contains("-->") else {
                throw TranscriptParseError(line: timing.number, "expected a timing line (start --> end)")
            }
            let (start, end) = try WebVTTParser.cueTimes(timing.text, line: timing.number)
            var body = MarkupText.plain(block[(index + 1)...].map(\.text).joined(separator: "\n"))
            var speaker = Speaker.unknown
            var label: String?
            if let prefixed = SpeakerPrefix.split(body) { (speaker, label, body) = (prefixed.speaker, prefixed.label, prefixed.text) }
            if body.isEmpty { continue }
            turns.append(Turn(speaker: speaker, speakerLabel: label, startMs: start, endMs: end, text: body))
        }
        return turns
    }
}
