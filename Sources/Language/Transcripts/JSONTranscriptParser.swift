import Foundation
import TriageCore

/// Reads a JSON transcript in the shapes tools write: an array of turns, or an object holding
/// `turns`, `segments` or `utterances`. A turn has `text` and optionally `speaker` (or `role`,
/// `spk`), with times as `start_ms`/`end_ms` or as seconds in `start`/`end`.
enum JSONTranscriptParser {
    static func parse(_ text: String) throws -> [Turn] {
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            throw TranscriptParseError("malformed JSON (\(describe(error)))")
        }
        let items: [Any]
        if let array = value as? [Any] {
            items = array
        } else if let object = value as? [String: Any],
                  let array = (object["turns"] ?? object["segments"] ?? object["utterances"]) as? [Any] {
            items = array
        } else {
            throw TranscriptParseError("expected an array of turns or an object with \"turns\"")
        }
        return try items.enumerated().compactMap { index, item in
            guard let turn = item as? [String: Any] else { throw TranscriptParseError("turn \(index + 1) is not an object") }
            guard let body = turn["text"] as? String else { throw TranscriptParseError("turn \(index + 1) has no \"text\"") }
            let label = (turn["speaker"] ?? turn["role"] ?? turn["spk"]).map { "\($0)" }
            let start = try time(turn, msKey: "start_ms", secondsKey: "start", index: index)
            let end = try time(turn, msKey: "end_ms", secondsKey: "end", index: index)
            if let start, let end, end < start { throw TranscriptParseError("turn \(index + 1) ends before it starts") }
            let clean = body.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if clean.isEmpty { return nil }
            return Turn(speaker: label.flatMap(Speaker.init(label:)) ?? .unknown, speakerLabel: label,
                        startMs: start, endMs: end, text: clean)
        }
    }

    private static func time(_ turn: [String: Any], msKey: String, secondsKey: String, index: Int) throws -> Int? {
        if let raw = turn[msKey], !(raw is NSNull) {
            guard let number = raw as? NSNumber, let ms = Timecode.milliseconds(seconds: number.doubleValue / 1000) else {
                throw TranscriptParseError("turn \(index + 1): \"\(msKey)\" must be a non-negative number")
            }
            return ms
        }
        if let raw = turn[secondsKey], !(raw is NSNull) {
            guard let number = raw as? NSNumber, let ms = Timecode.milliseconds(seconds: number.doubleValue) else {
                throw TranscriptParseError("turn \(index + 1): \"\(secondsKey)\" must be a non-negative number of seconds")
            }
            return ms
        }
        return nil
    }

    private static func describe(_ error: Error) -> String {
        let nsError = error as NSError
        return (nsError.userInfo[NSDebugDescriptionErrorKey] as? String) ?? nsError.localizedDescription
    }
}
