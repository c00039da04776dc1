/// Agreement on which reasons a call has: for a reason, each annotator's value on a call is 1 when she gave it, 0
/// when she labelled the call without it, missing when she did not label the call. Kappa (exactly two annotators,
/// over the calls both labelled) and alpha (any number, over the calls at least two labelled) per reason, and overall
/// over every (call, reason) pair as one yes/no decision.
public enum CallAgreement {
    /// The agreement on one reason, or overall.
    public struct Row: Sendable, Equatable, Codable {
        /// The reason's code, or `overall`.
        public var reason: String
        /// The calls behind the figures: labelled by at least two annotators (both, for two).
        public var calls: Int
        /// The share of those calls (of (call, reason) pairs, overall) on which every annotator agrees.
        public var observed: Double?
        public var kappa: Double?
        public var alpha: Double?

        enum CodingKeys: String, CodingKey { case reason, calls, observed, kappa, alpha }

        /// Every key, an undefined figure as `null`.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(reason, forKey: .reason); try c.encode(calls, forKey: .calls); try c.encode(observed, forKey: .observed)
            try c.encode(kappa, forKey: .kappa); try c.encode(alpha, forKey: .alpha)
        }
    }

    public static func rows(_ calls: [AnnotatedCall], annotators: [String], reasons: [String]) -> [Row] {
        var overallKappa = CohensKappa(categories: 2), overallAlpha = KrippendorffAlpha(categories: 2)
        var overallAgreeing = 0.0, overallUnits = 0.0
        var rows: [Row] = []
        let pairable = calls.filter { $0.annotators.count >= 2 }
        for reason in reasons {
            var kappa = CohensKappa(categories: 2), alpha = KrippendorffAlpha(categories: 2)
            var agreeing = 0.0
            for call in pairable {
                let values = annotators.map { call.gave(reason, by: $0).map { $0 ? 1 : 0 } }
                alpha.add(values: values); overallAlpha.add(values: values)
                if annotators.count == 2, let a = values[0], let b = values[1] { kappa.add(a, b); overallKappa.add(a, b) }
                let present = values.compactMap { $0 }
                if Set(present).count == 1 { agreeing += 1 }
            }
            overallAgreeing += agreeing; overallUnits += Double(pairable.count)
            rows.append(Row(reason: reason, calls: pairable.count, observed: pairable.isEmpty ? nil : agreeing / Double(pairable.count),
                            kappa: annotators.count == 2 ? kappa.value : nil, alpha: alpha.value))
        }
        rows.insert(Row(reason: "overall", calls: pairable.count, observed: overallUnits > 0 ? overallAgreeing / overallUnits : nil,
                        kappa: annotators.count == 2 ? overallKappa.value : nil, alpha: overallAlpha.value), at: 0)
        return rows
    }
}
