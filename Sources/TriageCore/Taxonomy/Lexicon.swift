/// Phrases that signal a reason or a finding, per language: what callers and midwives really say.
///
/// A phrase may end in `*` to match any word ending ("blød*" matches "bløder", "blødning").
public struct Lexicon: Sendable, Equatable {
    /// Phrases per ISO 639-1 language code.
    public var phrases: [String: [String]]

    public init(_ phrases: [String: [String]] = [:]) { self.phrases = phrases }

    /// The phrases for one language (empty when it has none).
    public func phrases(for language: String) -> [String] { phrases[language] ?? [] }

    /// Whether no language has any phrase.
    public var isEmpty: Bool { phrases.values.allSatisfy(\.isEmpty) }
}
