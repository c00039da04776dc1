import Foundation
import TriageCore

/// The audit log's hash chain: each row's hash covers its content and the previous row's hash, and the archive
/// keeps the newest row's id and hash apart. Editing a row changes its hash; deleting or inserting one breaks the
/// link to its neighbour; removing the newest rows no longer matches the head. Every back end uses this code, so
/// `triage audit verify` means the same on each.
public enum AuditChain {
    /// The "previous hash" of the first row.
    public static let genesis = String(repeating: "0", count: 64)

    /// The hash of a row with these contents after a row whose hash is `previous`.
    public static func hash(id: Int64, at: String, actor: String, roles: String, action: String, callID: Int64?, detail: String,
                            origin: String, previous: String) -> String {
        // Each field with its length, so no choice of text can make two different rows read the same.
        let fields = [String(id), at, actor, roles, action, callID.map(String.init) ?? "", detail, origin, previous]
        let canonical = fields.map { "\($0.utf8.count):\($0)" }.joined(separator: "|")
        return SHA256Digest.hex(Data(canonical.utf8))
    }

    /// The hash a stored row should have after `previous`.
    public static func hash(of entry: AuditEntry, previous: String) -> String {
        hash(id: entry.id, at: entry.at, actor: entry.actor, roles: entry.roles, action: entry.action, callID: entry.callID,
             detail: entry.detail, origin: entry.origin, previous: previous)
    }

    /// The first place where stored rows and the head disagree with the chain, or `nil` when all is intact.
    /// `rows` are in id order; `head` is the newest row's id and hash as the archive keeps them apart.
    public static func firstBreak(_ rows: some Sequence<AuditEntry>, head: (id: Int64, hash: String)?) -> AuditBreak? {
        var previous: AuditEntry?
        for row in rows {
            if let head, row.id > head.id {
                return AuditBreak(rowID: row.id, problem: "it was inserted outside triage (the newest row triage wrote is \(head.id))")
            }
            if let previous, row.id != previous.id + 1 {
                return AuditBreak(rowID: row.id, problem: row.id > previous.id + 1
                    ? "\(missing(previous.id + 1, row.id - 1)) before it" : "it is out of order after row \(previous.id)")
            }
            let expectedPrevious = previous?.hash ?? genesis
            guard let stored = row.hash, let link = row.previousHash else {
                return AuditBreak(rowID: row.id, problem: "it has no hash: it was written outside triage")
            }
            if link != expectedPrevious {
                return AuditBreak(rowID: row.id, problem: previous == nil
                    ? "the rows before it were deleted" : "it does not follow row \(row.id - 1): a row was removed or inserted")
            }
            if hash(of: row, previous: link) != stored {
                return AuditBreak(rowID: row.id, problem: "its content was changed after it was written")
            }
            previous = row
        }
        switch (previous, head) {
        case (nil, nil): return nil
        case (let last?, let head?) where last.id == head.id && last.hash == head.hash: return nil
        case (let last?, let head?) where last.id < head.id:
            return AuditBreak(rowID: last.id + 1, problem: missing(last.id + 1, head.id))
        case (let last?, _):
            return AuditBreak(rowID: last.id, problem: "it is not the newest row the archive recorded")
        case (nil, let head?):
            return AuditBreak(rowID: 1, problem: missing(1, head.id))
        }
    }

    private static func missing(_ first: Int64, _ last: Int64) -> String {
        first == last ? "row \(first) was deleted" : "rows \(first)–\(last) were deleted"
    }
}

/// Where the audit chain breaks, in words.
public struct AuditBreak: Sendable, Equatable, CustomStringConvertible {
    public var rowID: Int64
    public var problem: String
    public var description: String { "audit row \(rowID): \(problem)" }
}
