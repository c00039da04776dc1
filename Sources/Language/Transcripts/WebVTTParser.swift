import TriageCore

/// Reads WebVTT: the `WEBVTT` header, cues with `[hh:]mm:ss.ttt --> [hh:]mm:ss.ttt` timings, voice
/// tags `<v Speaker>` naming who speaks; NOTE, STYLE and REGION blocks are skipped.
package enum WebVTTParser {
    static func parse(_ text: String) throws -> [Turn] {
        let blocks = Lines.blocks(text)
        guard let header = blocks.first?.first, header.text.hasPrefix("WEBVTT"),
              header.text.count == 6 || header.text.dropFirst(6).first == " " || header.text.dropFirst(6).first == "\t" else {
            throw TranscriptParseError(line: 1, "missing the WEBVTT header")
        }
        var turns: [Turn] = []
        for block in blocks.dropFirst() {
            let first = block[0].text
            if first.hasPrefix("NOTE") || first.hasPrefix("STYLE") || first.hasPrefix("REGION") { continue }
            guard let timingIndex = block.firstIndex(where: { $0.text.contains("-->") }), timingIndex <= 1 else {
                throw TranscriptParseError(line: block[0].number, "expected a cue timing line (start --> end)")
            }
            let timing = block[timingIndex]
            let (start, end) = try cueTimes(timing.text, line: timing.number)
            let payload = block[(timingIndex + 1)...].map(\.text).joined(separator: "\n")
            var speaker = Speaker.unknown
            var label: String?
            if let voice = voiceLabel(payload) {
                label = voice
                speaker = Speaker(label: voice) ?? .unknown
            }
            var plain = MarkupText.plain(payload)
            if label == nil, let prefixed = SpeakerPrefix.split(plain) {
                (speaker, label, plain) = (prefixed.speaker, prefixed.label, prefixed.text)
            }
            if plain.isEmpty { continue }
            turns.append(Turn(speaker: speaker, speakerLabel: label, startMs: start, endMs: end, text: plain))
        }
        return turns
    }

    package static func cueTimes(_ line: String, line number: Int) throws -> (Int, Int) {
        let parts = line.components(separatedBy: "-->")
        guard parts.count == 2 else { throw TranscriptParseError(line: number, "bad cue timing '\(line)'") }
        let startText = parts[0].trimmingCharacters(in: .whitespaces)
        let endText = parts[1].trimmingCharacters(in: .whitespaces).split(separator: " ").first.map(String.init) ?? ""
        guard let start = Timecode.milliseconds(Substring(startText)) else {
            throw TranscriptParseError(line: number, "bad timestamp '\(startText)'")
        }
        guard let end = Timecode.milliseconds(Substring(endText)) else {
            throw TranscriptParseError(line: number, "bad timestamp '\(endText)'")
        }
        guard end >= start else { throw TranscriptParseError(line: number, "cue ends (\(endText)) before it starts (\(startText))") }
        return (start, end)
    }

    /// The annotation of the first `<v Speaker>` (or `<v.class Speaker>`) tag.
    package static func voiceLabel(_ payload: String) -> String? {
        guard let open = payload.range(of: "<v") else { return nil }
        let afterTag = payload[open.upperBound...]
        guard let close = afterTag.firstIndex(of: ">"), let first = afterTag.first, first == " " || first == "." else { return nil }
        var inside = afterTag[..<close]
        if inside.first == "." { inside = inside.drop { $0 != " " } }
        let label = inside.trimmingCharacters(in: .whitespaces)
        return label.isEmpty ? nil : label
    }
}

import Foundation
