/// Where in a taxonomy file something was written, so problems can name the line.
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    /// Line number, starting at 1.
    public var line: Int
    /// Column number, starting at 1.
    public var column: Int

    public init(line: Int, column: Int) { self.line = line; self.column = column }

    public var description: String { "\(line):\(column)" }
}
