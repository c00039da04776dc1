import CStemmer

/// Snowball stemming (libstemmer) for Danish and English. Not thread-safe: one per thread.
public final class Stemmer {
    private var stemmers: [String: OpaquePointer] = [:]
    private var cache: [String: String] = [:]

    public init() {}

    deinit { for s in stemmers.values { sb_stemmer_delete(s) } }

    /// The stem of a lower-cased word in `language` ("da" or "en"); the word itself for other languages.
    public func stem(_ word: String, language: String) -> String {
        let key = language + ":" + word
        if let hit = cache[key] { return hit }
        guard let stemmer = stemmer(for: language) else { return word }
        let bytes = Array(word.utf8)
        let result = bytes.withUnsafeBufferPointer { sb_stemmer_stem(stemmer, $0.baseAddress, Int32($0.count)) }
        let length = Int(sb_stemmer_length(stemmer))
        let stem = result.map { String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self) } ?? word
        if cache.count > 50_000 { cache.removeAll(keepingCapacity: true) }
        cache[key] = stem
        return stem
    }

    private func stemmer(for language: String) -> OpaquePointer? {
        if let s = stemmers[language] { return s }
        let name: String
        switch language {
        case "da": name = "danish"
        case "en": name = "english"
        default: return nil
        }
        guard let s = sb_stemmer_new(name, "UTF_8") else { return nil }
        stemmers[language] = s
        return s
    }
}
