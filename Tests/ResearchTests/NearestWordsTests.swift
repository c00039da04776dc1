import Testing
import TriageCore
@testable import Research

/// The words of a call nearest by spelling to a lexicon phrase: what a recogniser misheard or a caller misspoke.
@Suite struct NearestWordsTests {
    static func turns(_ texts: [String]) -> [Turn] {
        texts.map { Turn(speaker: .caller, speakerLabel: "C", startMs: nil, endMs: nil, text: $0) }
    }

    @Test func aMisheardPhraseIsFoundInItsTurnWithItsSimilarity() throws {
        let match = try #require(NearestWords.best(phrases: ["stille i dag", "færre spark"], in: Self.turns(["Hej.", "Han har været så stile i dag."])))
        #expect(match.phrase == "stille i dag" && match.words == "stile i dag" && match.turn == 1)
        // "stile" against "stille": one letter of six; the other two words the same.
        #expect(abs(match.similarity - (5.0 / 6 + 2) / 3) < 1e-12)
    }

    @Test func aStarMatchesAnyEndingAndExclusionsAreNotSought() throws {
        #expect(NearestWords.similarity("blød*", "bløder") == 1)
        #expect(NearestWords.similarity("blød*", "blo") < 1)
        #expect(NearestWords.best(phrases: ["!ikke mindre"], in: Self.turns(["ikke mindre"])) == nil)
        #expect(NearestWords.best(phrases: ["{few} spark"], in: Self.turns(["to spark"])) == nil)
        #expect(NearestWords.best(phrases: ["meget lang sætning her"], in: Self.turns(["kort"])) == nil)
        #expect(NearestWords.distance(Array("kitten"), Array("sitting")) == 3)
    }
}
