import Foundation
@testable import Research
import TestSupport
import Testing

/// The exports as the tools themselves read them: Praat (through parselmouth) and pympi-ling, from the research venv
/// `make deps` sets up; and Praat's own TextGrids, long and short, UTF-16, read back.
@Suite struct ExternalToolsTests {
    let python = Tools.researchPython

    @Test func praatReadsTheTextGridWithTheSameIntervalsAndWeReadPraats() throws {
        try #require(FileManager.default.isExecutableFile(atPath: python), "the research venv is missing: run make deps (or make research-venv)")
        let dir = TemporaryDirectory("praat-check")
        let path = try dir.write("call.TextGrid", TextGridLabels.write(LabelSamples.sheet).text)
        let run = try Tools.run(python, [Repository.fixture("tools/check_label_files.py"), "praat", path, dir.path, dir.file("out.json")])
        #expect(run.status == 0, "\(run.output)")
        let out = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.file("out.json")))) as? [String: Any])
        let tiers = try #require(out["tiers"] as? [[String: Any]])
        let (expected, _) = LabelTiers.layout(LabelSamples.labels)
        #expect(tiers.map { $0["name"] as? String } == expected.map(\.name))
        #expect(out["xmax"] as? Double == 15)
        for (tier, layout) in zip(tiers, expected) {
            let intervals = try #require(tier["intervals"] as? [[Any]])
            let labelled = intervals.compactMap { i -> String? in
                guard let text = i[2] as? String, !text.isEmpty, let s = i[0] as? Double, let e = i[1] as? Double else { return nil }
                return "\(Int((s * 1000).rounded()))-\(Int((e * 1000).rounded())) \(text)"
            }
            #expect(labelled == layout.labels.map { "\($0.startMs)-\($0.endMs) \(LabelText.render(code: $0.code, note: $0.note).text)" })
            #expect((intervals.first?[0] as? Double) == 0 && (intervals.last?[1] as? Double) == 15)
        }
        // Praat's own files: long and short text format, UTF-16 because of the Danish letters.
        for name in ["praat-long.TextGrid", "praat-short.TextGrid"] {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: dir.file(name)))
            #expect(bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]), "\(name) is not UTF-16 with a BOM")
            let read = try #require(try LabelImport.read(dir.file(name), format: .textgrid).first)
            #expect(LabelSamples.comparable(read.labels) == LabelSamples.comparable(LabelSamples.labels), "\(name)")
        }
    }

    @Test func pympiReadsTheEAFWithTheSameAnnotations() throws {
        try #require(FileManager.default.isExecutableFile(atPath: python), "the research venv is missing: run make deps (or make research-venv)")
        let dir = TemporaryDirectory("elan-check")
        let vocabulary = ["labour_contractions", "rupture_of_membranes", "vaginal_bleeding", "reduced_fetal_movements"].map {
            EAFLabels.VocabularyEntry(code: $0, description: $0.replacingOccurrences(of: "_", with: " "))
        }
        let path = try dir.write("call.eaf", EAFLabels.write(LabelSamples.sheet, vocabulary: vocabulary, vocabularyName: "test@1").text)
        let run = try Tools.run(python, [Repository.fixture("tools/check_label_files.py"), "elan", path, dir.file("out.json")])
        #expect(run.status == 0, "\(run.output)")
        let out = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.file("out.json")))) as? [String: Any])
        let tiers = try #require(out["tiers"] as? [String: [[Any]]])
        let (layout, _) = LabelTiers.layout(LabelSamples.labels)
        for tier in layout {
            #expect(tiers[tier.name]?.map { "\($0[0])-\($0[1]) \($0[2])" } == tier.labels.map { "\($0.startMs)-\($0.endMs) \($0.code)" })
            let notes = tier.labels.compactMap { l in l.note.map { "\(l.startMs)-\(l.endMs) \($0) → \(l.code)" } }
            #expect((tiers["\(tier.name) note"] ?? []).map { "\($0[0])-\($0[1]) \($0[2]) → \($0[3])" } == notes)
        }
        #expect((out["annotators"] as? [String: String])?["anna (2)"] == "anna")
        #expect((out["vocabularies"] as? [String: [String]])?["reasons"] == vocabulary.map(\.code).sorted())
    }
}
