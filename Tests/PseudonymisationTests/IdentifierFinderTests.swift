import Foundation
@testable import Pseudonymisation
import TestSupport
import Testing

/// The finder on CPR and telephone numbers written and said in Danish and English (also as a recogniser writes them),
/// e-mail addresses and names, and on near-misses that must stay as they are.
@Suite struct IdentifierFinderTests {
    static let words: IdentifierWords = {
        do { return try IdentifierWords.load(contentsOf: URL(fileURLWithPath: "\(Repository.root)/Taxonomy/\(IdentifierWords.fileName)")) } catch {
            fatalError("\(error)")
        }
    }()
    let finder = IdentifierFinder(words: Self.words)

    func found(_ text: String) -> [(IdentifierKind, String, String)] {
        let characters = Array(text)
        return finder.spans(in: text).map { ($0.kind, $0.canonical, String(characters[$0.range])) }
    }

    @Test(arguments: [
        ("Mit CPR-nummer er 010190-1234.", "010190-1234"),
        ("cpr 0101901234 tak", "0101901234"),
        ("det er 01 01 90 12 34", "01 01 90 12 34"),
        ("det er 010190 1234", "010190 1234"),
        ("01-01-90-1234", "01-01-90-1234"),
        ("mit personnummer er nul et nul et halvfems tolv fireogtredive", "nul et nul et halvfems tolv fireogtredive"),
        ("cpr nummer nul en nul en ni nul en to tre fire", "nul en nul en ni nul en to tre fire"),
        ("det er en nul en nul en ni nul en to tre fire", "nul en nul en ni nul en to tre fire"),
        ("nul et, nul et, halvfems, tolv, fire og tredive", "nul et, nul et, halvfems, tolv, fire og tredive"),
        ("Nul Et Nul Et Ni Nul Et To Tre Fire", "Nul Et Nul Et Ni Nul Et To Tre Fire"),
        ("my cpr is oh one oh one nine oh one two three four", "oh one oh one nine oh one two three four"),
        ("it is zero one zero one ninety twelve thirty four", "zero one zero one ninety twelve thirty four"),
        ("zero one zero one ninety one two three four", "zero one zero one ninety one two three four"),
        ("my number is 01 01 90 twelve thirty-four", "01 01 90 twelve thirty-four"),
    ])
    func findsCPRNumbers(_ text: String, _ expected: String) {
        let spans = found(text)
        #expect(spans.count == 1, "\(text): \(spans)")
        #expect(spans.first?.0 == .cpr, "\(text): \(spans)")
        #expect(spans.first?.1 == "0101901234", "\(text): \(spans)")
        #expect(spans.first?.2 == expected, "\(text): \(spans)")
    }

    @Test func aCueMakesANearCPRNumberOne() {
        // A misheard digit: nine digits, and ten whose date is not one, both after "cpr".
        #expect(found("cpr nummer er nul et nul et halvfems tolv fire").first?.0 == .cpr)
        #expect(found("personnummer 4401901234").first?.0 == .cpr)
        // Without a cue, ten digits that start with no date are no CPR number.
        #expect(!found("4401901234 stk").contains { $0.0 == .cpr })
    }

    @Test(arguments: [
        ("ring på 20 30 40 50", "20304050"),
        ("tlf. 20304050", "20304050"),
        ("+45 20 30 40 50", "20304050"),
        ("0045 2030 4050", "20304050"),
        ("mit nummer er tyve tredive fyrre halvtreds", "20304050"),
        ("to nul tre nul fire nul fem nul", "20304050"),
        ("my phone is two oh three oh four oh five oh", "20304050"),
        ("call +44 20 7946 0958", "442079460958"),
    ])
    func findsTelephoneNumbers(_ text: String, _ canonical: String) {
        let spans = found(text)
        #expect(spans.count == 1 && spans.first?.0 == .phone && spans.first?.1 == canonical, "\(text): \(spans)")
    }

    @Test func findsANumberOfEachKindSaidOneAfterTheOther() {
        let spans = found("cpr nul et nul et halvfems tolv fireogtredive og telefon tyve tredive fyrre halvtreds")
        #expect(spans.map(\.0) == [.cpr, .phone], "\(spans)")
        let written = found("CPR: 010190-1234, tlf: 20 30 40 50, mail anna.hansen@example.dk")
        #expect(written.map(\.0) == [.cpr, .phone, .email], "\(written)")
        // An identifier between two halves of a number does not join them into one.
        #expect(found("20 30 a@b.dk 40 50").map(\.0) == [.email])
    }

    @Test(arguments: [
        ("skriv til anna.hansen@example.dk.", "anna.hansen@example.dk"),
        ("Mail: Anna_H+jordemoder@Region-H.example.com", "anna_h+jordemoder@region-h.example.com"),
        ("anna punktum hansen snabel a gmail punktum com", "anna.hansen@gmail.com"),
        ("annahansen snabel-a mail punktum dk", "annahansen@mail.dk"),
        ("it is anna dot hansen at gmail dot com", "anna.hansen@gmail.com"),
    ])
    func findsEmailAddresses(_ text: String, _ canonical: String) {
        let spans = found(text).filter { $0.0 == .email }
        #expect(spans.count == 1 && spans.first?.1 == canonical, "\(text): \(found(text))")
    }

    @Test func findsNamesInAnyCaseAndAmbiguousOnesOnlyWhereTheyAreNames() {
        #expect(found("Hej, det er Mette Hansen").map(\.1) == ["mette"])
        #expect(found("hej det er mette og søren").map(\.1) == ["mette", "søren"])
        #expect(found("I spoke to Emma and James").map(\.1) == ["emma", "james"])
        // "hans" is "his", "per" is "per": names only with a capital inside a sentence or after a cue.
        #expect(found("hans mor siger to gange per dag").isEmpty)
        #expect(found("Hans mor ringer").isEmpty)
        #expect(found("min mand hedder hans").map(\.1) == ["hans"])
        #expect(found("jeg taler med Per nu").map(\.1) == ["per"])
    }

    @Test(arguments: [
        "uge 38+2, første barn",
        "veerne kommer kl. 14.30 og igen 14:45",
        "hvert 3.-4. minut i 2 timer",
        "hvert femte minut, de varer 45-60 sekunder",
        "hun har født 2 gange, 38 uger og 40+1",
        "ti minutter mellem veerne, tre til fire gange",
        "blodtryk 120/80, puls 88, temperatur 38,5",
        "den 2026-03-01 og 01-03-2026",
        "she is thirty four weeks and two days, contractions every five minutes",
        "week 38 plus 2, born 12.03.2026",
        "vandet gik for 12 timer siden, det var grønt",
        "hun har ringet 3 4 gange i dag",
        "temp@38.5 i går",
    ])
    func leavesNearMissesAlone(_ text: String) {
        #expect(found(text).isEmpty, "\(text): \(found(text))")
    }
}

/// The finder and the pseudonymiser on random text made of digits, number words, names, cue words and punctuation:
/// never a trap, spans inside the text in order and apart, and a pseudonymised text in which the finder finds only
/// pseudonyms' insides (nothing of what it replaced); and a long run of number words in bounded time.
@Suite struct IdentifierFinderFuzzTests {
    @Test func randomTextNeverTrapsAndPseudonymisedTextHoldsNoIdentifier() {
        var generator = SeededRandom(seed: 17)
        let pieces = ["0", "1", "12", "010190", "1234", "+", "-", " ", " ", ", ", ".", ":", "@", "nul", "et", "en", "to", "tolv", "halvfems",
                      "fireogtredive", "og", "tredive", "oh", "one", "thirty", "four", "cpr", "tlf", "snabel", "a", "punktum", "dot", "at",
                      "mette", "Hans", "hedder", "æ", "\n", "x", "45", "0045", "é", "🙂"]
        let pseudonymiser = Pseudonymiser(key: PseudonymKey(bytes: Array(repeating: 3, count: 32)), words: IdentifierFinderTests.words)
        for _ in 0..<400 {
            let count = Int(generator.next() % 40)
            let text = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            let spans = pseudonymiser.finder.spans(in: text)
            var end = 0
            for span in spans {
                #expect(span.range.lowerBound >= end && span.range.upperBound <= text.count && !span.range.isEmpty, "\(text)")
                end = span.range.upperBound
            }
            // With the pseudonyms taken out (as breaks), nothing is left to find.
            let masked = pseudonymiser.text(text).replacingOccurrences(of: #"\[[A-Z]+-[0-9a-f]{8}\]"#, with: " | ", options: .regularExpression)
            let again = pseudonymiser.finder.spans(in: masked)
            #expect(again.isEmpty, "\(text) → \(masked): \(again)")
        }
    }

    @Test func aLongRunOfNumberWordsIsReadInBoundedTime() {
        let finder = IdentifierFinder(words: IdentifierFinderTests.words)
        let text = Array(repeating: "thirty four fire og tredive", count: 400).joined(separator: " ")
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = finder.spans(in: text) }
        #expect(elapsed < .seconds(5), "\(elapsed)")
    }
}

/// SplitMix64, for repeatable random text.
struct SeededRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
