/// Why a dataset export failed, naming the file or folder: one line.
public struct DatasetProblem: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var problem: String
    public var description: String { "\(path): \(problem)" }
}
