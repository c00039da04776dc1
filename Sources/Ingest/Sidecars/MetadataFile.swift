import Foundation
import TriageCore

/// Reads a `.meta.json` sidecar: the call's start time and the caller's record.
///
/// Known keys: `started_at` (ISO 8601 local time, optionally with an offset), `gestational_week`,
/// `gestational_days` (or `gestational_age` as "38+2"), `first_baby`, `caller` (or `caller_type`),
/// `days_postpartum`, `language`, `channel_roles` (one role per audio channel), `replay_of` (`{"path": …,
/// "sha256": …}`: the known recording a replayed call was played from). Other keys (the demo's
/// answer key `labels`, free notes) are kept in the archive as part of the whole JSON.
public enum MetadataFile {
    public static func read(fileAt path: String) throws -> (metadata: CallMetadata, json: String) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw IngestError(path: path, reason: "cannot read the metadata file")
        }
        return try parse(data, path: path)
    }

    /// The keys as written, typed; a wrong type fails decoding with the key's name.
    private struct Fields: Decodable {
        var started_at: String?
        var start_time: String?
        var gestational_week: Int?
        var gestational_days: Int?
        var gestational_age: String?
        var first_baby: Bool?
        var caller: String?
        var caller_type: String?
        var days_postpartum: Int?
        var language: String?
        var channel_roles: [String]?
        var replay_of: ReplayFields?
    }

    /// `replay_of`: the source recording's path and content hash.
    private struct ReplayFields: Decodable {
        var path: String
        var sha256: String?
    }

    public static func parse(_ data: Data, path: String) throws -> (metadata: CallMetadata, json: String) {
        func fail(_ reason: String) -> IngestError { IngestError(path: path, reason: reason) }
        guard (try? JSONSerialization.jsonObject(with: data)) is [String: Any] else {
            if (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) != nil {
                throw fail("the metadata must be a JSON object")
            }
            throw fail("malformed metadata JSON")
        }
        let fields: Fields
        do {
            fields = try JSONDecoder().decode(Fields.self, from: data)
        } catch let DecodingError.typeMismatch(type, context) {
            throw fail("\(context.codingPath.map(\.stringValue).joined(separator: ".")) must be \(describe(type))")
        } catch let DecodingError.dataCorrupted(context) {
            throw fail("\(context.codingPath.map(\.stringValue).joined(separator: ".")) has an invalid value")
        } catch {
            throw fail("malformed metadata JSON")
        }
        func checked(_ value: Int?, _ key: String, _ range: ClosedRange<Int>) throws -> Int? {
            guard let value else { return nil }
            guard range.contains(value) else { throw fail("\(key) must be from \(range.lowerBound) to \(range.upperBound), not \(value)") }
            return value
        }

        var m = CallMetadata()
        if let text = fields.started_at ?? fields.start_time {
            guard let (time, offset) = LocalDateTime.parse(text) else {
                throw fail("started_at '\(text)' is not an ISO 8601 date and time (2026-03-14T02:17:00)")
            }
            m.startedAt = time
            m.utcOffsetMinutes = offset
        }
        m.gestationalWeek = try checked(fields.gestational_week, FactName.gestationalWeek.rawValue, 0...45)
        m.gestationalDays = try checked(fields.gestational_days, FactName.gestationalDays.rawValue, 0...6)
        if let age = fields.gestational_age {
            let parts = age.split(separator: "+", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard (1...2).contains(parts.count), let week = parts[0], (0...45).contains(week),
                  parts.count == 1 || (parts[1].map { (0...6).contains($0) } ?? false) else {
                throw fail("gestational_age '\(age)' must look like 38+2")
            }
            m.gestationalWeek = m.gestationalWeek ?? week
            m.gestationalDays = m.gestationalDays ?? (parts.count == 2 ? parts[1] : nil)
        }
        m.firstBaby = fields.first_baby
        if let caller = fields.caller ?? fields.caller_type {
            guard let type = CallerType(rawValue: caller) else {
                throw fail("caller '\(caller)' is not one of \(CallerType.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            m.caller = type
        }
        m.daysPostpartum = try checked(fields.days_postpartum, FactName.daysPostpartum.rawValue, 0...3650)
        if let language = fields.language {
            guard language.count == 2, language.allSatisfy(\.isLetter) else {
                throw fail("language '\(language)' must be a two-letter code such as da or en")
            }
            m.language = language.lowercased()
        }
        if let roles = fields.channel_roles {
            m.channelRoles = try roles.map { role in
                guard let speaker = Speaker(rawValue: role) ?? Speaker(label: role), speaker == .midwife || speaker == .caller else {
                    throw fail("channel role '\(role)' must be midwife or caller")
                }
                return speaker
            }
        }
        if let replay = fields.replay_of {
            guard !replay.path.isEmpty else { throw fail("replay_of.path must name the recording that was replayed") }
            if let sha = replay.sha256, sha.count != 64 || !sha.allSatisfy(\.isHexDigit) {
                throw fail("replay_of.sha256 must be 64 hexadecimal digits, not '\(sha)'")
            }
            m.replayOf = ReplaySource(path: replay.path, sha256: replay.sha256?.lowercased())
        }
        return (m, String(decoding: data, as: UTF8.self))
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: return "a whole number"
        case is Bool.Type: return "true or false"
        case is String.Type: return "text"
        case is [String].Type: return "a list of texts"
        default: return "of type \(type)"
        }
    }
}
