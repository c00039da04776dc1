/// What became of one input.
public enum IngestResult: Sendable, Equatable {
    /// Archived as a new call.
    case archived(callID: Int64, durationMs: Int?)
    /// The same content was archived before; nothing was written.
    case alreadyPresent(callID: Int64)
    /// Not archived; nothing of it was written.
    case failed(IngestError)
}

/// The tally of an ingest run.
public struct IngestSummary: Sendable, Equatable {
    public var archived = 0
    public var alreadyPresent = 0
    public var failed = 0
    /// Milliseconds of audio newly archived.
    public var audioMs = 0

    public init() {}

    mutating func add(_ result: IngestResult) {
        switch result {
        case .archived(_, let ms): archived += 1; audioMs += ms ?? 0
        case .alreadyPresent: alreadyPresent += 1
        case .failed: failed += 1
        }
    }
}
