/// One call's labels as agreement sees them: per annotator who labelled the call, her labels' codes and ranges.
/// An annotator who put no label on the call has not annotated it: her values are missing, not "no reason".
public struct AnnotatedCall: Sendable, Equatable {
    public struct Span: Sendable, Equatable {
        public var code: String
        public var startMs: Int
        public var endMs: Int
        public init(code: String, startMs: Int, endMs: Int) { self.code = code; self.startMs = startMs; self.endMs = endMs }
    }

    public var callID: Int64
    /// The recording's length where known; the frames run to it or to the last label's end, whichever is later.
    public var durationMs: Int?
    public var spans: [String: [Span]]

    public init(callID: Int64, durationMs: Int?, spans: [String: [Span]]) {
        self.callID = callID; self.durationMs = durationMs; self.spans = spans.filter { !$0.value.isEmpty }
    }

    /// The annotators who labelled the call, in name order.
    public var annotators: [String] { spans.keys.sorted() }

    /// Whether `annotator` gave `code` on this call: nil when she did not label the call.
    public func gave(_ code: String, by annotator: String) -> Bool? {
        spans[annotator].map { $0.contains { $0.code == code } }
    }

    /// The end of the call's last 10 ms frame.
    public var endMs: Int { max(durationMs ?? 0, spans.values.joined().map(\.endMs).max() ?? 0) }
}
