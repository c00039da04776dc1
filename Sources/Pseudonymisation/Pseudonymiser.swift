import Foundation
import TriageCore

/// Replaces the identifiers in transcripts and notes by keyed pseudonyms (`[CPR-3f9a1c2b]`, `[TLF-…]`, `[EMAIL-…]`,
/// `[NAVN-…]`): the first hex digits of the HMAC-SHA256, under the key, of the identifier's kind and canonical value,
/// so the same CPR number, however it was said, gets the same pseudonym in every export made with the same key, and
/// nobody without the key can find whose it is by trying numbers. Also gives the keyed identity of a recording or a
/// call, for the exports that need one (FHIR's patient).
public struct Pseudonymiser: Sendable {
    public let finder: IdentifierFinder
    public let key: PseudonymKey

    /// Hex digits in a pseudonym: 32 bits, so thousands of people rarely share one.
    public static let pseudonymDigits = 8

    public init(key: PseudonymKey, words: IdentifierWords) {
        self.key = key
        self.finder = IdentifierFinder(words: words)
    }

    /// The pseudonymiser of a command: the key at `keyPath` (or where `PseudonymKey.locate` finds it, created on first
    /// use) and the words file beside the taxonomy at `taxonomy`.
    public static func load(keyPath: String?, taxonomy: URL) throws(PseudonymisationProblem) -> Pseudonymiser {
        let words = try IdentifierWords.load(contentsOf: IdentifierWords.locate(besideTaxonomy: taxonomy))
        return Pseudonymiser(key: try PseudonymKey.loadOrCreate(at: PseudonymKey.locate(explicit: keyPath)), words: words)
    }

    /// The keyed hex digest of `value` in `domain` (the first `digits` of 64).
    public func identity(_ domain: String, _ value: String, digits: Int = 16) -> String {
        let mac = HMACSHA256.mac(key: key.bytes, message: Array("triage-pseudonym-v1\u{0}\(domain)\u{0}\(value)".utf8))
        return String(SHA256Digest.hex(digest: mac).prefix(max(1, digits)))
    }

    /// The pseudonym of an identifier of `kind` whose canonical value is `canonical`.
    public func pseudonym(_ kind: IdentifierKind, canonical: String) -> String {
        "[\(finder.words.tags[kind] ?? kind.rawValue.uppercased())-\(identity(kind.rawValue, canonical, digits: Self.pseudonymDigits))]"
    }

    /// `text` with every identifier replaced by its pseudonym.
    public func text(_ text: String) -> String {
        let spans = finder.spans(in: text)
        guard !spans.isEmpty else { return text }
        let characters = Array(text)
        var out = ""
        var at = 0
        for span in spans where span.range.lowerBound >= at {
            out += String(characters[at..<span.range.lowerBound]) + pseudonym(span.kind, canonical: span.canonical)
            at = span.range.upperBound
        }
        return out + String(characters[at...])
    }

    /// An optional text pseudonymised (nil stays nil).
    public func text(_ text: String?) -> String? { text.map { self.text($0) } }

    /// A turn with its text and speaker label pseudonymised (times and speaker kept).
    public func turn(_ turn: Turn) -> Turn {
        var t = turn
        t.text = text(turn.text)
        t.speakerLabel = text(turn.speakerLabel)
        return t
    }

    /// The stretches of the recording, in milliseconds, where an identifier was said: each timed turn that holds one
    /// (a turn's words carry no times of their own, so the whole turn), merged where they touch.
    public func spokenSpans(in turns: [Turn]) -> [Range<Int>] {
        var spans = turns.compactMap { t -> Range<Int>? in
            guard let start = t.startMs, let end = t.endMs, end > start, !finder.spans(in: t.text).isEmpty else { return nil }
            return max(0, start)..<end
        }.sorted { $0.lowerBound < $1.lowerBound }
        var merged: [Range<Int>] = []
        for s in spans {
            if let last = merged.last, s.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, s.upperBound)
            } else {
                merged.append(s)
            }
        }
        spans = merged
        return spans
    }
}
