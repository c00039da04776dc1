/// The calls on which annotators differ, for an adjudicator to work through: per call, each reason some of its
/// annotators gave and others (who labelled the call) did not.
public enum Disagreements {
    public struct Reason: Sendable, Equatable, Codable {
        public var reason: String
        /// The annotators who gave it, and those who labelled the call without it.
        public var with: [String]
        public var without: [String]
    }

    public struct Call: Sendable, Equatable, Codable {
        public var callID: Int64
        public var reasons: [Reason]

        enum CodingKeys: String, CodingKey { case callID = "call_id", reasons }
    }

    public static func list(_ calls: [AnnotatedCall], reasons: [String]) -> [Call] {
        calls.sorted { $0.callID < $1.callID }.compactMap { call in
            let annotators = call.annotators
            guard annotators.count >= 2 else { return nil }
            let differing = reasons.compactMap { reason -> Reason? in
                let with = annotators.filter { call.gave(reason, by: $0) == true }
                let without = annotators.filter { call.gave(reason, by: $0) == false }
                return with.isEmpty || without.isEmpty ? nil : Reason(reason: reason, with: with, without: without)
            }
            return differing.isEmpty ? nil : Call(callID: call.callID, reasons: differing)
        }
    }
}
