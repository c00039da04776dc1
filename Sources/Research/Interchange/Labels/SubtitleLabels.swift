import Language

/// What WebVTT and SubRip label files share: a cue per label, its text `code` or `code: note` on one line, escaped
/// so that no note can end the cue or be read as markup; read back through the transcript readers' cue timing.
enum SubtitleLabels {
    /// The cue text of a label and whether its note had to change to fit (line breaks, `-->`).
    static func cueText(_ label: InterchangeLabel) -> (text: String, changed: Bool) {
        let (text, collapsed) = LabelText.render(code: label.code, note: label.note)
        let safe = text.replacingOccurrences(of: "-->", with: "->")
        let escaped = safe.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        return (escaped, collapsed || safe != text)
    }

    /// The cues of a subtitle file: each block's timing line (the first line with `-->`) and its text lines; with
    /// `voices`, a cue's `<v NAME>` is its annotator.
    static func read(_ source: String, voices: Bool) throws -> ReadLabels {
        var labels: [InterchangeLabel] = []
        for block in Lines.blocks(source) {
            guard let timingIndex = block.firstIndex(where: { $0.text.contains("-->") }) else { continue }
            let timing = block[timingIndex]
            let (start, end): (Int, Int)
            do { (start, end) = try WebVTTParser.cueTimes(timing.text, line: timing.number) } catch let problem as TranscriptParseError {
                throw LabelFormatProblem(problem)
            }
            let payload = block[(timingIndex + 1)...].map(\.text).joined(separator: "\n")
            let annotator = voices ? WebVTTParser.voiceLabel(payload).map { $0.trimmingCharacters(in: .whitespaces) } : nil
            let (code, note) = LabelText.parse(MarkupText.plain(payload))
            guard !code.isEmpty else { throw LabelFormatProblem(line: timing.number, "a cue without a code") }
            labels.append(InterchangeLabel(annotator: annotator?.isEmpty == false ? annotator : nil, startMs: start, endMs: end,
                                           code: code, note: note, place: "line \(timing.number)"))
        }
        return ReadLabels(labels: labels)
    }

    static func notices(_ labels: [InterchangeLabel], changed: Int, format: String) -> [String] {
        var notices: [String] = []
        if changed > 0 { notices.append("\(changed) notes written on one line, '-->' as '->' (\(format) cue text cannot hold them)") }
        if labels.contains(where: { $0.channel != nil }) { notices.append("\(format) holds no channel: the labels' channels are not written") }
        return notices
    }

    static func sorted(_ labels: [InterchangeLabel]) -> [InterchangeLabel] {
        labels.sorted { ($0.startMs, $0.endMs, $0.annotator ?? "", $0.code) < ($1.startMs, $1.endMs, $1.annotator ?? "", $1.code) }
    }
}
