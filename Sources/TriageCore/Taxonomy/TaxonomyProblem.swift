/// Something wrong in a taxonomy file, with the file and line it is on.
public struct TaxonomyProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var location: SourceLocation?
    public var message: String

    public init(file: String, location: SourceLocation?, message: String) {
        self.file = file; self.location = location; self.message = message
    }

    /// `FILE:LINE:COLUMN: message`, as compilers print it.
    public var description: String {
        if let location { return "\(file):\(location.line):\(location.column): \(message)" }
        return "\(file): \(message)"
    }
}

/// A taxonomy file that could not be loaded: every problem found in it.
public struct TaxonomyError: Error, Sendable, CustomStringConvertible {
    public var problems: [TaxonomyProblem]

    public init(problems: [TaxonomyProblem]) { self.problems = problems }

    public var description: String {
        guard let first = problems.first else { return "invalid taxonomy" }
        return problems.count == 1 ? first.description : "\(first) (and \(problems.count - 1) more problems)"
    }
}
