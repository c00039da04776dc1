import TriageCore

/// Splits a leading speaker label off a line of text: `M: …`, `Jordemoder: …`, `[Caller] …`,
/// `>> Caller: …`. Only labels `Speaker(label:)` knows count, so "Kl. 3: …" stays text.
enum SpeakerPrefix {
    static func split(_ line: String) -> (speaker: Speaker, label: String, text: String)? {
        var rest = Substring(line).drop { $0 == " " || $0 == ">" || $0 == "-" }
        if rest.first == "[", let close = rest.firstIndex(of: "]") {
            let label = String(rest[rest.index(after: rest.startIndex)..<close])
            if let speaker = Speaker(label: label) {
                let text = rest[rest.index(after: close)...].drop { $0 == " " || $0 == ":" }
                return (speaker, label, String(text))
            }
            return nil
        }
        guard let colon = rest.firstIndex(of: ":"), rest.distance(from: rest.startIndex, to: colon) <= 32 else { return nil }
        let label = String(rest[..<colon]).trimmingCharacters(in: .whitespaces)
        guard !label.isEmpty, let speaker = Speaker(label: label) else { return nil }
        rest = rest[rest.index(after: colon)...]
        return (speaker, label, rest.trimmingCharacters(in: .whitespaces))
    }
}

import Foundation
