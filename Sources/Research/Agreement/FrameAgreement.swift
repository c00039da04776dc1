/// Agreement in time: each call cut into 10 ms frames (frame i holds a reason for an annotator when one of her
/// labels of it covers the frame's centre, i·10 + 5 ms), each frame a unit with each annotator's yes/no (missing for
/// an annotator who did not label the call). Per reason: the share of frames on which the annotators agree, kappa
/// over frames (two annotators) and alpha; overall, every (frame, reason) pair. Counted a stretch at a time between
/// label boundaries, never frame by frame, so an hour-long call costs no more than a short one.
public enum FrameAgreement {
    public static let frameMs = 10

    public struct Row: Sendable, Equatable, Codable {
        public var reason: String
        /// The frames behind the figures: those of the calls at least two annotators labelled.
        public var frames: Int
        /// The share of those frames on which every annotator agrees.
        public var agreement: Double?
        public var kappa: Double?
        public var alpha: Double?

        enum CodingKeys: String, CodingKey { case reason, frames, agreement, kappa, alpha }

        /// Every key, an undefined figure as `null`.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(reason, forKey: .reason); try c.encode(frames, forKey: .frames); try c.encode(agreement, forKey: .agreement)
            try c.encode(kappa, forKey: .kappa); try c.encode(alpha, forKey: .alpha)
        }
    }

    public static func rows(_ calls: [AnnotatedCall], annotators: [String], reasons: [String]) -> [Row] {
        var overall = Tally()
        var rows: [Row] = []
        for reason in reasons {
            var tally = Tally()
            for call in calls where call.annotators.count >= 2 {
                stretches(of: call, reason: reason, annotators: annotators) { values, frames in
                    tally.add(values, frames: frames, pairOnly: annotators.count == 2)
                    overall.add(values, frames: frames, pairOnly: annotators.count == 2)
                }
            }
            rows.append(tally.row(reason, twoAnnotators: annotators.count == 2))
        }
        rows.insert(overall.row("overall", twoAnnotators: annotators.count == 2), at: 0)
        return rows
    }

    /// Calls `body` with each stretch of frames in which every annotator's value is constant, and its frame count.
    static func stretches(of call: AnnotatedCall, reason: String, annotators: [String], _ body: ([Int?], Int) -> Void) {
        let frameCount = ceilingDivide(call.endMs, frameMs)
        let spans = annotators.map { call.spans[$0]?.filter { $0.code == reason } }
        var boundaries = Set([0, frameCount * frameMs])
        for case let list? in spans { for span in list { boundaries.insert(span.startMs); boundaries.insert(span.endMs) } }
        let sorted = boundaries.filter { $0 >= 0 && $0 <= frameCount * frameMs }.sorted()
        for (from, to) in zip(sorted, sorted.dropFirst()) {
            let frames = firstFrame(atOrAfter: to, count: frameCount) - firstFrame(atOrAfter: from, count: frameCount)
            guard frames > 0 else { continue }
            let values = spans.map { list in list.map { $0.contains { $0.startMs <= from && from < $0.endMs } ? 1 : 0 } }
            body(values, frames)
        }
    }

    /// The first frame whose centre is at or after `ms`, between 0 and `count`.
    static func firstFrame(atOrAfter ms: Int, count: Int) -> Int {
        min(max(ceilingDivide(ms - frameMs / 2, frameMs), 0), count)
    }

    /// ⌈a / b⌉ for b > 0, negative a too.
    static func ceilingDivide(_ a: Int, _ b: Int) -> Int { a >= 0 ? (a + b - 1) / b : -((-a) / b) }

    struct Tally {
        var kappa = CohensKappa(categories: 2), alpha = KrippendorffAlpha(categories: 2)
        var frames = 0, agreeing = 0

        mutating func add(_ values: [Int?], frames count: Int, pairOnly: Bool) {
            let present = values.compactMap { $0 }
            guard present.count >= 2 else { return }
            frames += count
            if Set(present).count == 1 { agreeing += count }
            alpha.add(values: values, weight: Double(count))
            if pairOnly, let a = values[0], let b = values[1] { kappa.add(a, b, weight: Double(count)) }
        }

        func row(_ reason: String, twoAnnotators: Bool) -> Row {
            Row(reason: reason, frames: frames, agreement: frames > 0 ? Double(agreeing) / Double(frames) : nil,
                kappa: twoAnnotators ? kappa.value : nil, alpha: alpha.value)
        }
    }
}
