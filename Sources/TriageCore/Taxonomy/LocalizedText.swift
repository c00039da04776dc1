/// A text in several languages, keyed by ISO 639-1 code ("da", "en").
public struct LocalizedText: Sendable, Equatable {
    /// The text per language code.
    public var texts: [String: String]

    public init(_ texts: [String: String]) { self.texts = texts }

    /// The text in `language`, falling back to Danish, then English, then any language.
    public func text(for language: String) -> String {
        texts[language] ?? texts["da"] ?? texts["en"] ?? texts.values.sorted().first ?? ""
    }
}
