import TriageCore

/// The words of a call nearest to a lexicon phrase, by spelling: each phrase word against each window of as many
/// words in a turn, one minus the edit distance over the longer length (a phrase word ending in `*` is compared with
/// the word's beginning), averaged over the phrase. Finds what the assistant did not recognise: a misheard
/// "vanet" for "vandet", "blør" for "bløder".
public enum NearestWords {
    /// One place in the call and how near it is to a phrase (1: the same words).
    public struct Match: Sendable, Equatable {
        public var phrase: String
        public var turn: Int
        public var words: String
        public var similarity: Double
    }

    /// The best match of any phrase in the turns (nil when there is no phrase or no word). Exclusions (`!…`) and phrases
    /// with a word class (`{…}`) are not phrases to look for.
    public static func best(phrases: [String], in turns: [Turn]) -> Match? {
        var best: Match?
        let tokenised = turns.enumerated().map { ($0.offset, words($0.element.text)) }
        for phrase in phrases where !phrase.hasPrefix("!") && !phrase.contains("{") {
            let wanted = words(phrase, keepStar: true)
            guard !wanted.isEmpty else { continue }
            for (turn, said) in tokenised where said.count >= wanted.count {
                for start in 0...(said.count - wanted.count) {
                    let window = said[start..<(start + wanted.count)]
                    let total = zip(wanted, window).reduce(0.0) { $0 + similarity($1.0, $1.1) }
                    let score = total / Double(wanted.count)
                    if score > (best?.similarity ?? -1) {
                        best = Match(phrase: phrase, turn: turn, words: window.joined(separator: " "), similarity: score)
                    }
                }
            }
        }
        return best
    }

    /// Lower-case words of a text, without the punctuation around them.
    static func words(_ text: String, keepStar: Bool = false) -> [String] {
        text.lowercased().split { ch in !(ch.isLetter || ch.isNumber || (keepStar && ch == "*")) }.map(String.init)
    }

    /// How alike two words are (0…1); `wanted` ending in `*` matches any ending.
    static func similarity(_ wanted: String, _ said: String) -> Double {
        var a = Array(wanted), b = Array(said)
        if a.last == "*" {
            a.removeLast()
            if b.count > a.count { b = Array(b.prefix(a.count)) }
        }
        let longest = max(a.count, b.count)
        guard longest > 0 else { return 1 }
        return 1 - Double(distance(a, b)) / Double(longest)
    }

    /// Levenshtein distance.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count), current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
