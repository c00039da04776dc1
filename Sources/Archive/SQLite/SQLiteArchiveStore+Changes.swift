import Foundation
import GRDB

extension SQLiteArchiveStore: ChangeFeed {
    /// Follows the audit log from its newest row: every archived call, suggestion and decision writes one.
    public func listenForChanges() throws {
        let newest = try read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM audit_log") ?? 0 }
        changeCursor.set(newest, live: try liveCallsSignature())
    }

    /// The calls archived, suggested or decided since the last look, by any process; polls the audit log every
    /// 50 ms until `timeout` (a file has no notifications).
    public func changes(waiting timeout: TimeInterval) throws -> [ArchiveChange] {
        if changeCursor.value == nil { try listenForChanges() }
        let deadline = Date().addingTimeInterval(max(0, timeout))
        while true {
            let after = changeCursor.value ?? 0
            let rows = try read { db in
                try Row.fetchAll(db, sql: """
                    SELECT id, action, call_id FROM audit_log WHERE id > ? AND call_id IS NOT NULL
                    AND action IN ('ingest', 'suggest', 'decide') ORDER BY id
                    """, arguments: [after]).map { (id: $0["id"] as Int64, action: $0["action"] as String, callID: $0["call_id"] as Int64) }
            }
            // The desks' live calls: a heartbeat, not in the audit log.
            let live = try liveCallsSignature()
            let liveChanged = live != changeCursor.live
            if rows.last != nil || liveChanged {
                changeCursor.set(rows.last?.id ?? after, live: live)
                return (liveChanged ? [ArchiveChange.live(desk: "")] : []) + rows.compactMap { row in
                    switch AuditAction(rawValue: row.action) {
                    case .ingest: return .call(row.callID)
                    case .suggest: return .assessment(callID: row.callID)
                    case .decide: return .decision(callID: row.callID)
                    default: return nil
                    }
                }
            }
            guard Date() < deadline else { return [] }
            usleep(50_000)
        }
    }
}

/// The newest audit row a store has reported changes up to, and the live calls it last saw.
final class ChangeCursor: @unchecked Sendable {
    private let lock = NSLock()
    private var newest: Int64?
    private var liveSignature: String?

    var value: Int64? { lock.lock(); defer { lock.unlock() }; return newest }
    /// The live calls as last seen (`SQLiteArchiveStore.liveCallsSignature`).
    var live: String? { lock.lock(); defer { lock.unlock() }; return liveSignature }
    func set(_ id: Int64, live: String) { lock.lock(); newest = id; liveSignature = live; lock.unlock() }
}
