/// Cuts a channel that arrives in chunks into the same frames a whole-signal run would make: frame
/// `f` starts at sample `f × hop`. Holds back only the samples of frames not yet complete.
public struct FrameStream: Sendable {
    public let layout: FrameLayout
    private var pending: [Float] = []
    /// Frames handed out so far.
    public private(set) var framesOut = 0

    public init(layout: FrameLayout) { self.layout = layout }

    /// Appends samples and calls `body` with each frame they complete, in order.
    public mutating func append(_ samples: some Collection<Float>, _ body: (UnsafeBufferPointer<Float>) -> Void) {
        pending.append(contentsOf: samples)
        var start = 0
        pending.withUnsafeBufferPointer { x in
            while start + layout.window <= x.count {
                body(UnsafeBufferPointer(rebasing: x[start..<(start + layout.window)]))
                start += layout.hop
                framesOut += 1
            }
        }
        if start > 0 { pending.removeFirst(min(start, pending.count)) }
    }
}
