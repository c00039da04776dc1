import Foundation
import TriageCore

/// Rows as they are stored, for moving a whole archive from one store to another (`ArchiveSession.copy`): ids,
/// the audit chain and every label kept. Both stores implement it; only the session's copy calls it.
protocol TransferStore: Sendable {
    /// Up to `limit` rows of `table` after the row whose key is `after` (from the first when `nil`), in key order.
    func transferRows(_ table: ArchiveTable, after: [TransferValue]?, limit: Int) throws -> [[TransferValue]]
    /// Writes `rows` in one transaction, keeping rows already there (replacing them where the table says so);
    /// returns how many rows were written.
    func transferInsert(_ rows: [[TransferValue]], into table: ArchiveTable) throws -> Int
    /// After every row: identity sequences follow the ids copied, users get their database roles.
    func transferFinish() throws
    /// The number of rows of `table`.
    func transferCount(_ table: ArchiveTable) throws -> Int
    /// The highest id of a table keyed by one integer id (`nil` when empty or keyed otherwise).
    func transferLastID(_ table: ArchiveTable) throws -> Int64?
}

extension TransferStore {
    /// Every row of `table` after the key `start` (from the first when `nil`), in key order, `limit` rows at a time.
    func forEachBatch(of table: ArchiveTable, after start: [TransferValue]? = nil, limit: Int,
                      _ body: ([[TransferValue]]) throws -> Void) throws {
        let keyIndices = table.key.compactMap { table.columnNames.firstIndex(of: $0) }
        var after = start
        while true {
            let batch = try transferRows(table, after: after, limit: limit)
            try body(batch)
            guard batch.count == limit, let last = batch.last else { return }
            after = keyIndices.map { last[$0] }
        }
    }

    /// The number of rows of `table` and an order-free digest of them (the same rows give the same digest in either
    /// store, whatever order its collation sorts text in).
    func transferDigest(_ table: ArchiveTable) throws -> (rows: Int, digest: String) {
        var count = 0
        var sum = [UInt64](repeating: 0, count: 4)
        try forEachBatch(of: table, limit: 5000) { batch in
            for row in batch {
                // Each row's SHA-256, added up lane by lane: the sum does not depend on the order of the rows.
                let digest = SHA256Digest.bytes(Array(row.map(\.canonical).joined(separator: "|").utf8))
                for lane in 0..<4 {
                    var word: UInt64 = 0
                    for byte in digest[(lane * 8)..<(lane * 8 + 8)] { word = word << 8 | UInt64(byte) }
                    sum[lane] = sum[lane] &+ word
                }
            }
            count += batch.count
        }
        return (count, sum.map { String(format: "%016llx", $0) }.joined())
    }
}
