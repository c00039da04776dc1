/// Why synthetic data could not be written, in one line.
public struct SynthesisProblem: Error, CustomStringConvertible, Equatable {
    public var message: String
    public var description: String { message }

    public init(message: String) { self.message = message }
}
