/// A transcript that cannot be read, with the file and, where it helps, the line.
public struct TranscriptError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var message: String

    public init(path: String, line: Int? = nil, message: String) {
        self.path = path; self.line = line; self.message = message
    }

    /// The problem without the file name: `line 12: bad timestamp`.
    public var reason: String { line.map { "line \($0): \(message)" } ?? message }

    /// `PATH:LINE: message`, one line.
    public var description: String { line.map { "\(path):\($0): \(message)" } ?? "\(path): \(message)" }
}

/// A parse problem before the file name is known; `TranscriptReader` adds the path.
package struct TranscriptParseError: Error {
    package var line: Int?
    package var message: String

    package init(line: Int? = nil, _ message: String) { self.line = line; self.message = message }
}
