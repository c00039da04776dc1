import Foundation
import GRDB

extension CallArchive {
    /// Adds the midwife's typed note to a call as a turn of its own (speaker `notes`), with an audit entry.
    @discardableResult
    public func addNote(callID: Int64, text: String, by user: String, at date: Date = Date()) throws -> Int64 {
        try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM calls WHERE id = ?", arguments: [callID]) == true else {
                throw ArchiveError.failed(path: self.path, reason: "no call with id \(callID)")
            }
            let seq = (try Int.fetchOne(db, sql: "SELECT max(seq) FROM turns WHERE call_id = ?", arguments: [callID]) ?? -1) + 1
            try db.execute(sql: "INSERT INTO turns (call_id, seq, speaker, speaker_label, text, source) VALUES (?, ?, 'notes', ?, ?, 'notes')",
                           arguments: [callID, seq, user, text])
            let id = db.lastInsertedRowID
            try db.execute(sql: "INSERT INTO audit_log (at, actor, action, call_id, detail) VALUES (?, ?, 'note', ?, ?)",
                           arguments: [Timestamps.iso8601(date), user, callID, "turn \(seq)"])
            return id
        }
    }
}
