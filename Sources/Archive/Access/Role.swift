import Foundation

/// What a person does with the archive. Each role may do only what its work needs (`Permission`).
public enum Role: String, Sendable, Codable, CaseIterable, Comparable {
    /// Live triage, today's calls, decisions and notes.
    case midwife
    /// Recordings, transcripts, labels, training and datasets.
    case researcher
    /// Aggregate statistics with small cells suppressed; never a transcript, recording, note or single call.
    case coordinator
    /// Users, models' activation, the audit log and the archive's integrity.
    case admin

    public static func < (a: Role, b: Role) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }

    /// Roles from a comma-separated list ("midwife,researcher"); a failure names the first unknown one.
    public static func parseList(_ text: String) -> Result<Set<Role>, UnknownRole> {
        var roles = Set<Role>()
        for part in text.split(separator: ",") {
            let name = part.trimmingCharacters(in: .whitespaces)
            guard let role = Role(rawValue: name) else { return .failure(UnknownRole(name: name)) }
            roles.insert(role)
        }
        return roles.isEmpty ? .failure(UnknownRole(name: text)) : .success(roles)
    }

    /// A role name that is not one of the four.
    public struct UnknownRole: Error, Sendable, CustomStringConvertible {
        public var name: String
        public var description: String {
            "unknown role \"\(name)\"; the roles are \(Role.allCases.map(\.rawValue).joined(separator: ", "))"
        }
    }
}

extension Set where Element == Role {
    /// The roles in their fixed order, comma-separated.
    public var listed: String { sorted().map(\.rawValue).joined(separator: ",") }
}
