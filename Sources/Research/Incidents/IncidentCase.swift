import Archive
import Foundation
import TriageCore

/// One incident as a researcher reviews it: both dispositions, the evidence the assistant used (its words for each
/// reason and red flag), the words of the call nearest to the decisive finding it missed, the midwife's decision with
/// her override reason, and the reviews so far.
public struct IncidentCase: Sendable {
    /// A piece of the assistant's evidence: what it was for (a reason or red flag code) and the words.
    public struct Used: Sendable, Equatable {
        public var code: String
        public var turn: Int?
        public var text: String
    }

    /// The finding the assistant missed, as near as the call's words come to it.
    public struct Missed: Sendable, Equatable {
        /// The red flag that would have forced the midwife's disposition (or a more urgent one).
        public var redFlag: String
        public var finding: String
        public var match: NearestWords.Match
    }

    public var incident: QualityIncident
    public var used: [Used]
    /// Best first (at most three findings).
    public var missed: [Missed]
    public var decision: DecisionRecord?
    public var reviews: [IncidentReview]

    /// The incident's case from the archive: refused to a role that may not review incidents; reading the transcript is
    /// audited as every view.
    public static func make(_ incident: QualityIncident, archive: ArchiveSession, taxonomy: Taxonomy) throws -> IncidentCase {
        try archive.require(.reviewIncidents)
        let turns = try archive.turns(ofCall: incident.callID)
        let assessment = try archive.latestAssessment(ofCall: incident.callID)
        let decision = try archive.latestDecision(ofCall: incident.callID)
        let language = try archive.call(id: incident.callID)?.metadata.language ?? "da"
        let raised = Set(assessment?.record.redFlags.map(\.rawValue) ?? [])
        let suggestion = try parse(assessment?.record.resultJSON, callID: incident.callID)
        return IncidentCase(incident: incident, used: used(suggestion),
                            missed: missed(decided: Disposition(rawValue: incident.decided), raised: raised, recognised: recognised(suggestion),
                                           turns: turns, language: language, taxonomy: taxonomy),
                            decision: decision, reviews: try archive.incidentReviews(ofCall: incident.callID))
    }

    /// The suggestion's stored JSON as an object (empty without a suggestion).
    static func parse(_ json: String?, callID: Int64) throws -> [String: Any] {
        guard let json else { return [:] }
        let parsed: Any
        do { parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) } catch {
            throw ArchiveError.failed(path: "call \(callID)", reason: "its suggestion's JSON cannot be read")
        }
        return parsed as? [String: Any] ?? [:]
    }

    /// The findings the assistant recognised as present or possible: not missed, whatever it made of them.
    static func recognised(_ object: [String: Any]) -> Set<String> {
        Set((object["findings"] as? [[String: Any]] ?? []).filter { $0["polarity"] as? String != "denied" }.compactMap { $0["code"] as? String })
    }

    /// The words behind the suggestion's reasons and red flags, from its stored JSON.
    static func used(_ object: [String: Any]) -> [Used] {
        var used: [Used] = []
        for key in ["reasons", "red_flags"] {
            for item in object[key] as? [[String: Any]] ?? [] {
                let code = item["code"] as? String ?? "?"
                for e in item["evidence"] as? [[String: Any]] ?? [] where e["source"] as? String != "rule" {
                    guard let text = e["text"] as? String, !text.isEmpty else { continue }
                    used.append(Used(code: code, turn: e["turn"] as? Int, text: text))
                }
            }
        }
        return used
    }

    /// For every red flag the assistant did not raise that forces at least the midwife's disposition, the finding it
    /// did not recognise nearest to the call's words (the caller's side first; all turns when she said nothing): the
    /// best three.
    static func missed(decided: Disposition?, raised: Set<String>, recognised: Set<String>, turns: [Turn], language: String,
                       taxonomy: Taxonomy) -> [Missed] {
        guard let decided else { return [] }
        let heard = turns.enumerated().filter { $0.element.speaker != .midwife }
        let numbered = heard.isEmpty ? Array(turns.enumerated()) : heard
        let searched = numbered.map(\.element)
        // Turn numbers as the call has them, not as the filtered list does.
        let index = numbered.map(\.offset)
        var found: [Missed] = []
        for flag in taxonomy.redFlags where flag.forces <= decided && !raised.contains(flag.code) {
            for (code, _) in flag.condition.findingReferences where !recognised.contains(code) {
                guard let finding = taxonomy.finding(code) else { continue }
                let phrases = finding.lexicon.phrases(for: language)
                guard var match = NearestWords.best(phrases: phrases.isEmpty ? finding.lexicon.phrases.values.flatMap { $0 } : phrases, in: searched)
                else { continue }
                match.turn = index[safe: match.turn] ?? match.turn
                if !found.contains(where: { $0.finding == code }) { found.append(Missed(redFlag: flag.code, finding: code, match: match)) }
            }
        }
        return Array(found.sorted { ($0.match.similarity, $1.finding) > ($1.match.similarity, $0.finding) }.prefix(3))
    }
}

extension Array {
    fileprivate subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
