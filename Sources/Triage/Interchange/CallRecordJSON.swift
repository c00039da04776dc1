import Foundation
import TriageCore

/// Reads the JSON lines `triage classify --batch` and `triage evaluate` take:
/// `{"id", "started_at", "language", "metadata": {…}, "turns": [{"speaker", "text", "start_ms", "end_ms"}], "labels": {…}}`.
public enum CallRecordJSON {
    /// A line that could not be read, with its line number.
    public struct LineError: Error, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// The call of one JSON object.
    public static func input(from object: [String: Any], line: Int) throws -> CallInput {
        guard let id = object["id"].map({ "\($0)" }) else { throw LineError(line: line, message: "no \"id\"") }
        guard let rawTurns = object["turns"] as? [[String: Any]] else { throw LineError(line: line, message: "no \"turns\" array") }
        let turns = try rawTurns.enumerated().map { index, t -> Turn in
            guard let text = t["text"] as? String else { throw LineError(line: line, message: "turn \(index + 1) has no \"text\"") }
            let label = t["speaker"] as? String
            let speaker = label.flatMap { Speaker(rawValue: $0) ?? Speaker(label: $0) } ?? .unknown
            return Turn(speaker: speaker, speakerLabel: label, startMs: JSONScalar.int(t["start_ms"]), endMs: JSONScalar.int(t["end_ms"]), text: text)
        }
        var metadata = CallMetadata()
        if let m = object["metadata"] as? [String: Any] {
            metadata.gestationalWeek = JSONScalar.int(m[FactName.gestationalWeek.rawValue])
            metadata.gestationalDays = JSONScalar.int(m[FactName.gestationalDays.rawValue])
            metadata.firstBaby = JSONScalar.bool(m[FactName.firstBaby.rawValue])
            metadata.caller = (m[FactName.caller.rawValue] as? String).flatMap(CallerType.init(rawValue:))
            metadata.daysPostpartum = JSONScalar.int(m[FactName.daysPostpartum.rawValue])
            metadata.language = m["language"] as? String
        }
        let started = (object["started_at"] as? String).flatMap { LocalDateTime.parse($0)?.0 }
        metadata.startedAt = started
        return CallInput(id: id, startedAt: started, metadata: metadata, turns: turns, language: object["language"] as? String)
    }

    /// Every non-empty line of a JSONL file as an object; `path` names it in errors.
    public static func objects(inFileAt path: String) throws -> [(line: Int, object: [String: Any])] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LineError(line: 0, message: "cannot read \(path)")
        }
        return try objects(in: String(decoding: data, as: UTF8.self))
    }

    public static func objects(in text: String) throws -> [(line: Int, object: [String: Any])] {
        var out: [(Int, [String: Any])] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [String: Any] else {
                throw LineError(line: index + 1, message: "not a JSON object")
            }
            out.append((index + 1, object))
        }
        return out
    }
}
