import Language

/// Labels as WebVTT: a cue per label, the annotator as its voice (`<v anna>bleeding: since the morning`), so one
/// file holds every annotator's labels. Read: each cue is a label, its voice the annotator (none without a voice tag).
public enum WebVTTLabels {
    public static func write(_ sheet: LabelSheet) -> WrittenLabels {
        var out = "WEBVTT\n\nNOTE triage labels of call \(sheet.callID)\n"
        var changed = 0
        for label in SubtitleLabels.sorted(sheet.labels) {
            let (text, didChange) = SubtitleLabels.cueText(label)
            if didChange { changed += 1 }
            let voice = (label.annotator ?? "").replacingOccurrences(of: ">", with: "").replacingOccurrences(of: "\n", with: " ")
            out += "\n\(WebVTTWriter.clock(label.startMs)) --> \(WebVTTWriter.clock(label.endMs))\n\(voice.isEmpty ? "" : "<v \(voice)>")\(text)\n"
        }
        return WrittenLabels(text: out, notices: SubtitleLabels.notices(sheet.labels, changed: changed, format: "WebVTT"))
    }

    public static func read(_ source: String) throws -> ReadLabels {
        let first = Lines.numbered(source).first?.text ?? ""
        guard first.hasPrefix("WEBVTT") else { throw LabelFormatProblem(line: 1, "not a WebVTT file (it must start with WEBVTT)") }
        // NOTE, STYLE and REGION blocks have no timing line, so the cue reader passes over them.
        return try SubtitleLabels.read(source, voices: true)
    }
}
