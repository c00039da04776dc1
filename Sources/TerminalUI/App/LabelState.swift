/// Where the researcher is in the label screen: the view (start and span), the playhead, a range being
/// marked, the selected label, and the code list when it is open. Pure data, like the rest of the state.
public struct LabelState: Sendable, Equatable {
    /// The code list: what has been typed to search it, which entry is chosen, and what choosing does.
    public struct CodePicker: Sendable, Equatable {
        public enum Purpose: Sendable, Equatable {
            /// Label a new range.
            case create(startMs: Int, endMs: Int)
            /// Give an existing label another code.
            case retag(id: Int64)
        }

        public var purpose: Purpose
        public var query = ""
        public var selected = 0

        public init(purpose: Purpose) { self.purpose = purpose }
    }

    /// The first millisecond in view, and how many are in view (nil: the whole call).
    public var viewStartMs = 0
    public var viewSpanMs: Int?
    public var playheadMs = 0
    public var playing = false
    /// The start of a range being marked (`m`, then `m` again at its end).
    public var markMs: Int?
    /// The selected label, an index into the call's labels in time order.
    public var selectedLabel: Int?
    public var picker: CodePicker?

    public init() {}

    /// The shortest span a zoom reaches.
    public static let minimumSpanMs = 2_000

    /// The range in view for a call of `durationMs`, keeping the playhead inside it.
    public func view(durationMs: Int) -> (startMs: Int, spanMs: Int) {
        let total = max(1, durationMs)
        let span = min(total, max(Self.minimumSpanMs, viewSpanMs ?? total))
        var start = min(max(0, viewStartMs), total - span)
        if playheadMs < start { start = max(0, playheadMs - span / 10) }
        if playheadMs > start + span { start = min(total - span, playheadMs - span * 9 / 10) }
        return (start, span)
    }
}
