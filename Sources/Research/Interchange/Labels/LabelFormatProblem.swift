import Language

/// Why a label file cannot be read, and where: a reader's error before the file's path is added.
public struct LabelFormatProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// `line 12`, `task 2, result 1`, or nil for the file as a whole.
    public var place: String?
    public var message: String

    public init(place: String? = nil, _ message: String) { self.place = place; self.message = message }

    init(line: Int?, _ message: String) { self.init(place: line.map { "line \($0)" }, message) }

    /// A transcript parser's error (the shared TextGrid and cue-time readers), with its line.
    init(_ error: TranscriptParseError) { self.init(line: error.line, error.message) }

    public var description: String { place.map { "\($0): \(message)" } ?? message }
}

/// A label file that cannot be imported: `PATH: line 12: unknown code 'x'`, one line.
public struct LabelFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var problem: LabelFormatProblem

    public init(path: String, _ problem: LabelFormatProblem) { self.path = path; self.problem = problem }

    public var description: String { "\(path): \(problem)" }
}
