import Language

/// Labels as SubRip: numbered cues `HH:MM:SS,mmm --> HH:MM:SS,mmm`, the text `code` or `code: note`. A file holds
/// one annotator's labels (the import names her).
public enum SRTLabels {
    public static func write(_ labels: [InterchangeLabel]) -> WrittenLabels {
        var out = "", changed = 0
        for (index, label) in SubtitleLabels.sorted(labels).enumerated() {
            let (text, didChange) = SubtitleLabels.cueText(label)
            if didChange { changed += 1 }
            out += "\(index + 1)\n\(clock(label.startMs)) --> \(clock(label.endMs))\n\(text)\n\n"
        }
        return WrittenLabels(text: out, notices: SubtitleLabels.notices(labels, changed: changed, format: "SRT"))
    }

    public static func read(_ source: String) throws -> ReadLabels {
        try SubtitleLabels.read(source, voices: false)
    }

    /// `00:01:02,500`.
    static func clock(_ ms: Int) -> String { WebVTTWriter.clock(ms).replacingOccurrences(of: ".", with: ",") }
}
