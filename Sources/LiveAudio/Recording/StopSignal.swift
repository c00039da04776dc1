import Synchronization

/// A flag another thread (a key press, SIGINT/SIGTERM) raises to end a recording at its next chunk.
public final class StopSignal: Sendable {
    private let raised = Atomic<Bool>(false)

    public init() {}

    public func raise() { raised.store(true, ordering: .releasing) }

    public var isRaised: Bool { raised.load(ordering: .acquiring) }
}
