/// Named sets of words per language that lexicon phrases can use as `{name}`: "ikke {felt} {baby}" stands for
/// every phrase with one word of each set ("ikke mærket barnet", "ikke følt ham" …), so a clinician writes the
/// shape of what callers say once instead of every combination.
public struct WordClasses: Sendable, Equatable {
    /// Per class name, per language, its words or short phrases.
    public var classes: [String: [String: [String]]]

    public init(_ classes: [String: [String: [String]]] = [:]) { self.classes = classes }

    /// The names a phrase uses, in order ("ikke {felt} {baby}" → ["felt", "baby"]).
    public static func names(in phrase: String) -> [String] {
        var names: [String] = []
        var rest = Substring(phrase)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    /// Every phrase `phrase` stands for in `language`; a phrase without classes stands for itself. At most
    /// `limit` phrases, so a pattern cannot grow without bound.
    public func expand(_ phrase: String, language: String, limit: Int = 5000) -> [String] {
        var out = [phrase]
        for name in WordClasses.names(in: phrase) {
            let words = classes[name]?[language] ?? []
            var next: [String] = []
            for partial in out {
                guard let range = partial.range(of: "{\(name)}") else { continue }
                for word in words where next.count < limit { next.append(partial.replacingCharacters(in: range, with: word)) }
            }
            out = next
        }
        return out
    }
}
