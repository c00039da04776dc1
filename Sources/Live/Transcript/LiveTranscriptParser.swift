import Foundation
import Language
import TriageCore

/// Reads turns as a speech recogniser writes them, line by line, on a pipe or socket:
///
/// - **JSON lines**: one object per line, the same keys as a JSON transcript (`speaker`, `text`,
///   `start_ms`/`end_ms` or `start`/`end` in seconds). `"partial": true` marks an interim hypothesis
///   that the next line from the same speaker replaces.
/// - **WebVTT**: cues as in a `.vtt` file (`00:00:01.200 --> 00:00:03.400`, then `<v Caller>text`),
///   each closed by a blank line. The `WEBVTT` header is optional.
///
/// Lines may mix both. A line that cannot be read is reported and skipped; the call goes on.
public struct LiveTranscriptParser: Sendable {
    /// What one line brought.
    public enum Event: Sendable, Equatable {
        case turn(Turn, partial: Bool)
        case problem(String)
    }

    private var cue: [String] = []

    public init() {}

    /// Takes one line (without its newline) and returns what it completed.
    public mutating func feed(line raw: String) -> [Event] {
        let line = raw.trimmingCharacters(in: CharacterSet(charactersIn: "\r\u{FEFF}"))
        if cue.isEmpty, line.trimmingCharacters(in: .whitespaces).hasPrefix("{") { return [json(line)] }
        if line.trimmingCharacters(in: .whitespaces).isEmpty { return flush() }
        if cue.isEmpty, line.hasPrefix("WEBVTT") { return [] }
        cue.append(line)
        return []
    }

    /// Ends the input: a last cue without its blank line still counts.
    public mutating func flush() -> [Event] {
        defer { cue.removeAll() }
        guard cue.contains(where: { $0.contains("-->") }) else { return [] }
        let block = "WEBVTT\n\n" + cue.joined(separator: "\n") + "\n"
        do {
            return try TranscriptReader.parse(Data(block.utf8), format: .webVTT, path: "live transcript").turns.map { .turn($0, partial: false) }
        } catch {
            return [.problem("live transcript: a WebVTT cue could not be read (\(error))")]
        }
    }

    private func json(_ line: String) -> Event {
        let partial = ((try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any])
            .flatMap { JSONScalar.bool($0["partial"] as Any) } ?? false
        do {
            let turns = try TranscriptReader.parse(Data("[\(line)]".utf8), format: .json, path: "live transcript").turns
            guard let turn = turns.first else { return .problem("live transcript: a line without text") }
            return .turn(turn, partial: partial)
        } catch {
            return .problem("\(error)")
        }
    }
}
