/// Why pseudonymisation cannot start (a words file or key file that cannot be read or is wrong), naming the file: one line.
public struct PseudonymisationProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var problem: String

    public init(path: String, problem: String) { self.path = path; self.problem = problem }

    public var description: String { "\(path): \(problem)" }
}
