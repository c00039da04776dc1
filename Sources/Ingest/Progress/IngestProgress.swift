/// Receives the progress of an ingest run. Calls arrive one at a time (never concurrently).
public protocol IngestProgress: Sendable {
    /// The run starts with `total` inputs.
    func started(total: Int)
    /// One input is done.
    func finished(_ item: IngestItem, result: IngestResult)
    /// The run is over.
    func completed(_ summary: IngestSummary)
}

/// Reports nothing (benchmarks, tests).
public struct SilentProgress: IngestProgress {
    public init() {}
    public func started(total: Int) {}
    public func finished(_ item: IngestItem, result: IngestResult) {}
    public func completed(_ summary: IngestSummary) {}
}
