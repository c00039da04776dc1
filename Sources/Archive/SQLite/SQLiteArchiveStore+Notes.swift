import Foundation
import GRDB

extension SQLiteArchiveStore: NoteStore {
    public func addNote(callID: Int64, text: String, by context: AuditContext) throws -> Int64 {
        try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM calls WHERE id = ?", arguments: [callID]) == true else {
                throw ArchiveError.notFound("\(self.path): no call with id \(callID)")
            }
            let seq = (try Int.fetchOne(db, sql: "SELECT max(seq) FROM turns WHERE call_id = ?", arguments: [callID]) ?? -1) + 1
            try db.execute(sql: "INSERT INTO turns (call_id, seq, speaker, speaker_label, text, source) VALUES (?, ?, 'notes', ?, ?, 'notes')",
                           arguments: [callID, seq, context.actor, text])
            let id = db.lastInsertedRowID
            try Self.appendAudit(context.event(.note, callID: callID, detail: "turn \(seq)"), db: db)
            return id
        }
    }
}
