import TriageCore

/// Writes timed turns as WebVTT with voice tags (`<v Caller>`), the form `WebVTTParser` reads back.
/// Turns without times (typed notes) are left out: they are not part of what was said.
public enum WebVTTWriter {
    public static func render(_ turns: [Turn]) -> String {
        var out = "WEBVTT\n"
        for turn in turns {
            guard let start = turn.startMs else { continue }
            let end = max(turn.endMs ?? start, start)
            let voice = (turn.speakerLabel ?? turn.speaker.rawValue).replacingOccurrences(of: ">", with: "")
            let text = turn.text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            out += "\n\(clock(start)) --> \(clock(end))\n<v \(voice)>\(text)\n"
        }
        return out
    }

    package static func clock(_ ms: Int) -> String {
        func pad(_ n: Int, _ width: Int) -> String { String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
        return "\(pad(ms / 3_600_000, 2)):\(pad(ms / 60_000 % 60, 2)):\(pad(ms / 1000 % 60, 2)).\(pad(ms % 1000, 3))"
    }
}
