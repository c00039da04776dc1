import Foundation

extension ArchiveSession {
    /// The suggestions against the decisions, per period (every role that reads statistics: counts only).
    public func quality(_ query: QualityQuery) throws -> [QualityRow] {
        try require(.statistics)
        return try store.quality(query)
    }

    /// The possible under-triages: which calls, their week and both dispositions (counts and ids, no words; a
    /// researcher reads a call's transcript through `turns(ofCall:)`, which is audited). Replays of known calls only
    /// when `includeReplays`.
    public func qualityIncidents(from: String? = nil, to: String? = nil, includeReplays: Bool = false) throws -> [QualityIncident] {
        try require(.statistics)
        return try store.qualityIncidents(from: from, to: to, includeReplays: includeReplays)
    }
}
