import Foundation
import Testing
import TestSupport
import TriageCore

/// The fact readers' words files beside the shipped taxonomy (`Taxonomy/words/`).
@Suite struct FactWordsFileTests {
    let folder = URL(fileURLWithPath: "\(Repository.root)/Taxonomy/words")

    @Test func theShippedFilesLoadWithoutProblems() {
        let (words, problems) = FactWordsLoader.load(folder: folder)
        #expect(problems.isEmpty, "\(problems)")
        #expect(words.languages == ["da", "en"])
        #expect(words.words(.week).isSuperset(of: ["uge", "week"]))
        #expect(words.phrases(.yesterday).contains(["i", "går"]))
    }

    /// Every set a file declares is one the readers use (the loader refuses any other), and every set the readers use
    /// is declared by some file.
    @Test func everyDeclaredSetIsUsedAndEveryUsedSetDeclared() throws {
        var declared = Set<String>()
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".yaml") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let (language, sets, problems) = FactWordsLoader.parse(yaml: text, file: name)
            #expect(problems.isEmpty, "\(problems)")
            #expect(language.map { "\($0).yaml" } == name)
            declared.formUnion(sets.keys.map(\.rawValue))
        }
        #expect(declared == Set(FactWordSet.allCases.map(\.rawValue)))
        // Each set is named in the readers' code.
        let readers = "\(Repository.root)/Sources/Language/Facts/Readers"
        let code = try FileManager.default.contentsOfDirectory(atPath: readers).map { try String(contentsOfFile: "\(readers)/\($0)", encoding: .utf8) }.joined()
        for set in FactWordSet.allCases {
            let name = String(describing: set)
            #expect(code.contains(".\(name)") , "word set '\(set.rawValue)' is used by no reader")
        }
    }

    @Test func aMistakeIsNamedWithItsLine() {
        let (_, sets, problems) = FactWordsLoader.parse(yaml: "language: da\nwords:\n  week: [uge]\n  weeek: [uger]\n  days: dage\n", file: "da.yaml")
        #expect(sets[.week] == ["uge"])
        #expect(problems.map(\.description) == ["da.yaml:4:3: unknown word set 'weeek'", "da.yaml:5:9: word set 'days' must be a list"])
    }

    @Test func aThirdLanguageIsAFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("words-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in ["da.yaml", "en.yaml"] {
            try FileManager.default.copyItem(at: folder.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        try "language: sv\nwords:\n  week: [vecka, veckor]\n".write(to: dir.appendingPathComponent("sv.yaml"), atomically: true, encoding: .utf8)
        let (words, problems) = FactWordsLoader.load(folder: dir)
        #expect(problems.isEmpty)
        #expect(words.languages == ["da", "en", "sv"])
        #expect(words.words(.week).contains("veckor"))
    }
}
