/// The words the fact readers look for, per set and per language (`Taxonomy/words/<language>.yaml`). A reader looks
/// for a set's words in every language at once, as callers switch ("jeg er 38 weeks"). An entry with spaces is a
/// phrase, matched word by word; a word ending in `*` matches any ending where the reader says so.
public struct FactWords: Sendable, Equatable {
    /// Per set, per language, its entries in the order written.
    public private(set) var entries: [FactWordSet: [String: [String]]]
    /// The languages, in the order their phrases are tried.
    public private(set) var languages: [String]
    private var wordSets: [FactWordSet: Set<String>] = [:]
    private var phraseLists: [FactWordSet: [[String]]] = [:]

    /// - Parameter languages: the order in which the languages' phrases are tried (the first said wins a tie).
    public init(_ entries: [FactWordSet: [String: [String]]] = [:], languages: [String]) {
        self.entries = entries
        self.languages = languages + Set(entries.values.flatMap(\.keys)).subtracting(languages).sorted()
        for (set, byLanguage) in entries {
            let all = self.languages.flatMap { byLanguage[$0] ?? [] }
            wordSets[set] = Set(all)
            phraseLists[set] = all.map { $0.split(separator: " ").map(String.init) }
        }
    }

    /// The set's entries in every language, as words.
    public func words(_ set: FactWordSet) -> Set<String> { wordSets[set] ?? [] }
    /// The set's entries in every language, each as its words, language by language in the order written.
    public func phrases(_ set: FactWordSet) -> [[String]] { phraseLists[set] ?? [] }
}
