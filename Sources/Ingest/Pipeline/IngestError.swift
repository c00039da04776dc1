/// Why one input could not be archived: the file and the problem, printed as one line.
public struct IngestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file at fault (the recording, a sidecar, or the database).
    public var path: String
    public var reason: String

    public init(path: String, reason: String) { self.path = path; self.reason = reason }

    public var description: String { "\(path): \(reason)" }
}
