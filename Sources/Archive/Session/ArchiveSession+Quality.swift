import Foundation

extension ArchiveSession {
    /// The suggestions against the decisions, per period (every role that reads statistics: counts only).
    public func quality(_ query: QualityQuery) throws -> [QualityRow] {
        try require(.statistics)
        return try store.quality(query)
    }

    /// The possible under-triages: which calls, their week, both dispositions and the newest review's conclusion (counts
    /// and ids, no words; a researcher reads a call's transcript through `turns(ofCall:)`, which is audited). Replays of
    /// known calls only when `includeReplays`.
    public func qualityIncidents(from: String? = nil, to: String? = nil, includeReplays: Bool = false) throws -> [QualityIncident] {
        try require(.statistics)
        return try store.qualityIncidents(from: from, to: to, includeReplays: includeReplays)
    }

    /// The current suggestions' confidence per ISO week and bin (counts only).
    public func confidenceDistribution(from: String? = nil, to: String? = nil, includeReplays: Bool = false) throws -> [ConfidenceCount] {
        try require(.statistics)
        return try store.confidenceDistribution(from: from, to: to, includeReplays: includeReplays)
    }

    /// Records a researcher's conclusion on an incident (as this session's user), audited with it; returns its id.
    /// Refused for a call that is not an incident.
    @discardableResult
    public func reviewIncident(_ review: IncidentReview) throws -> Int64 {
        try require(.reviewIncidents)
        guard try store.qualityIncidents(from: nil, to: nil, includeReplays: true).contains(where: { $0.callID == review.callID }) else {
            throw ArchiveError.notFound("\(store.address): call \(review.callID) is not an incident")
        }
        var review = review
        review.reviewedBy = user.name
        return try store.store(review, by: context())
    }

    /// The reviews of one incident (of every incident when nil), oldest first, with the researchers' words.
    public func incidentReviews(ofCall id: Int64? = nil) throws -> [IncidentReview] {
        try require(.reviewIncidents)
        return try store.incidentReviews(ofCall: id)
    }
}
