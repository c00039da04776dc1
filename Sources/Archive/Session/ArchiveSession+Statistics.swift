import Foundation

extension ArchiveSession {
    /// Answers a statistics question (aggregate counts; every writer suppresses small cells).
    public func statistics(_ query: StatsQuery) throws -> StatsTable {
        try require(.statistics)
        return try store.statistics(query)
    }

    /// Records an export in the audit log: of aggregate figures (`callID` nil) or of one call's data.
    public func recordExport(_ what: String, callID: Int64? = nil) throws {
        try require(callID == nil ? .statistics : .exportCalls)
        try store.append(context().event(.export, callID: callID, detail: what))
    }

    /// Records an export of several calls' data in the audit log: one entry per call, written in one transaction.
    public func recordExport(_ what: String, callIDs: [Int64]) throws {
        try require(.exportCalls)
        let context = context()
        try store.append(callIDs.map { context.event(.export, callID: $0, detail: what) })
    }

    /// Fills an empty archive with generated calls and suggestions (benchmarks).
    public func fillSynthetic(calls: Int, seed: UInt64 = 42) throws {
        try require(.ingest)
        try store.fillSynthetic(calls: calls, seed: seed, by: context())
    }
}
