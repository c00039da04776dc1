import Foundation

/// What a copy of an archive did, table by table, and whether the destination now holds exactly the source.
public struct ArchiveCopyReport: Sendable {
    public struct Table: Sendable {
        public var name: String
        /// Rows in the source.
        public var rows: Int
        /// Rows this run wrote (0 when an earlier run had copied them all).
        public var written: Int
        /// Whether the destination's rows are the source's, by count and digest.
        public var matches: Bool
    }

    public var destination: String
    public var tables: [Table]
    /// Whether the destination's audit chain verifies and ends where the source's does.
    public var auditIntact: Bool

    public var complete: Bool { auditIntact && tables.allSatisfy(\.matches) }
}

extension ArchiveSession {
    /// Copies this whole archive into the archive at `address` (an SQLite file or a PostgreSQL database, created when
    /// new): calls with their recordings' paths, transcripts, features, suggestions, decisions, labels, models, users
    /// and the audit chain, with their ids. Resumable and idempotent: rows already there are kept, so running it again
    /// after an interruption finishes the copy, and running it after a complete copy writes nothing but the audit row of
    /// the copy itself. Verifies the row
    /// counts, an order-free digest of each table, and the destination's audit chain at the end.
    ///
    /// The destination must be empty or an earlier copy of this archive. An admin's operation; the copy is audited
    /// in this archive first, so the audit row travels with it.
    public func copy(to address: String, busyTimeout: TimeInterval = 5,
                     progress: (_ table: String, _ done: Int, _ total: Int) -> Void = { _, _, _ in }) throws -> ArchiveCopyReport {
        try require(.audit)
        guard address != self.address else { throw ArchiveError.failed(path: address, reason: "an archive cannot be copied onto itself") }
        let destination = try ArchiveStores.open(address: address, readOnly: false, busyTimeout: busyTimeout)
        guard let source = store as? any TransferStore, let target = destination as? any TransferStore else {
            throw ArchiveError.failed(path: address, reason: "this kind of archive cannot be copied")
        }
        try requireEmptyOrCopy(of: source, in: target, address: address)
        try store.append(context().event(.export, detail: "archive copy to \(address)"))
        var tables: [ArchiveCopyReport.Table] = []
        for table in ArchiveTable.copyOrder {
            // Each batch commits in key order, so an interrupted copy holds a beginning of each table: it goes on
            // after the destination's last id (the digests below check that assumption).
            let resumeAfter = table == ArchiveTable.callPointers ? nil : try target.transferLastID(table)
            let (written, rows) = try copyRows(of: table, from: source, to: target, after: resumeAfter.map { [.integer($0)] }, progress: progress)
            tables.append(ArchiveCopyReport.Table(name: table == ArchiveTable.callPointers ? "calls (current suggestion and decision)" : table.name,
                                                  rows: rows, written: written, matches: false))
        }
        try target.transferFinish()
        for (i, table) in ArchiveTable.copyOrder.enumerated() {
            var matches = try source.transferDigest(table) == target.transferDigest(table)
            if !matches {
                // Rows missing below the point a run resumed from (or changed meanwhile): the whole table once more.
                tables[i].written += try copyRows(of: table, from: source, to: target, after: nil, progress: progress).written
                matches = try source.transferDigest(table) == target.transferDigest(table)
            }
            tables[i].matches = matches
        }
        let sourceHead = try source.transferRows(ArchiveTable.auditHead, after: nil, limit: 1)
        let targetHead = try target.transferRows(ArchiveTable.auditHead, after: nil, limit: 1)
        let intact = try destination.verifyAudit() == nil && sourceHead == targetHead
        return ArchiveCopyReport(destination: destination.address, tables: tables, auditIntact: intact)
    }

    /// Copies `table`'s rows after the key `after` in batches of 2,000, one transaction each; returns the rows written
    /// and the rows the source holds.
    private func copyRows(of table: ArchiveTable, from source: any TransferStore, to target: any TransferStore, after start: [TransferValue]?,
                          progress: (String, Int, Int) -> Void) throws -> (written: Int, rows: Int) {
        let total = try source.transferCount(table)
        var done = 0, written = 0
        progress(table.name, 0, total)
        try source.forEachBatch(of: table, after: start, limit: 2000) { batch in
            written += try target.transferInsert(batch, into: table)
            done += batch.count
            progress(table.name, done, total)
        }
        return (written, total)
    }

    /// Refuses a destination that holds an archive of its own: its audit chain must be a beginning of this one's.
    private func requireEmptyOrCopy(of source: any TransferStore, in target: any TransferStore, address: String) throws {
        let theirs = try target.transferRows(ArchiveTable.auditHead, after: nil, limit: 1)
        // audit_head is (one, last_id, last_hash).
        guard let head = theirs.first, head.count == 3, case .integer(let lastID) = head[1] else {
            guard try target.transferRows(ArchiveTable.calls, after: nil, limit: 1).isEmpty else {
                throw ArchiveError.failed(path: address, reason: "the destination holds calls of another archive; copy into an empty one")
            }
            return
        }
        let mine = try source.transferRows(ArchiveTable.auditLog, after: [.integer(lastID - 1)], limit: 1)
        let their = try target.transferRows(ArchiveTable.auditLog, after: [.integer(lastID - 1)], limit: 1)
        guard let m = mine.first, let t = their.first, m == t else {
            throw ArchiveError.failed(path: address, reason: "the destination holds another archive (its audit log is not this one's); copy into an empty one")
        }
    }
}
