import Foundation
@testable import Research
import TestSupport
import Testing

/// Praat TextGrids: written in the long format with padded, contiguous interval tiers; read in both formats.
@Suite struct TextGridLabelsTests {
    @Test func aRoundTripKeepsEveryLabelAndNamesTheExtraTier() throws {
        let written = TextGridLabels.write(LabelSamples.sheet)
        #expect(written.notices.contains("anna's labels overlap: 1 put in an extra tier 'anna (2)'"))
        #expect(written.notices.contains { $0.contains("holds no channel") })
        let read = try TextGridLabels.read(written.text)
        #expect(LabelSamples.comparable(read.labels) == LabelSamples.comparable(LabelSamples.labels))
        #expect(read.labels.allSatisfy { $0.place?.hasPrefix("line ") == true })
    }

    @Test func tiersCoverTheCallWithContiguousIntervals() throws {
        let text = TextGridLabels.write(LabelSamples.sheet).text
        #expect(text.hasPrefix("File type = \"ooTextFile\"\nObject class = \"TextGrid\"\n\nxmin = 0\nxmax = 15\ntiers? <exists>\nsize = 3\n"))
        #expect(text.contains("name = \"anna (2)\""))
        // Each tier's intervals, in order: the first starts at 0, each starts where the last ended, the last ends at 15 s.
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        var tiers: [[(Double, Double)]] = []
        var inInterval = false, start = 0.0
        for line in lines {
            if line.hasPrefix("intervals: size") { tiers.append([]) }
            if line.hasPrefix("intervals [") { inInterval = true }
            guard inInterval else { continue }
            if line.hasPrefix("xmin = "), let v = Double(line.dropFirst(7)) { start = v }
            if line.hasPrefix("xmax = "), let v = Double(line.dropFirst(7)) { tiers[tiers.count - 1].append((start, v)); inInterval = false }
        }
        #expect(tiers.count == 3)
        for tier in tiers {
            #expect(tier.first?.0 == 0 && tier.last?.1 == 15)
            #expect(zip(tier, tier.dropFirst()).allSatisfy { $0.1 == $1.0 && $0.0 < $0.1 })
        }
        #expect(text.contains("text = \"vaginal_bleeding: \"\"lidt\"\" blod & <slim>\""))
    }

    @Test func readsTheShortFormatAndUTF16WithABOM() throws {
        let short = """
            File type = "ooTextFile"
            Object class = "TextGrid"

            0
            3.5
            <exists>
            1
            "IntervalTier"
            "birgit (2)"
            0
            3.5
            3
            0
            1.2
            ""
            1.2
            2.5
            "vaginal_bleeding: blødning"
            2.5
            3.5
            ""
            """
        let read = try TextGridLabels.read(short)
        #expect(read.labels == [InterchangeLabel(annotator: "birgit", startMs: 1_200, endMs: 2_500, code: "vaginal_bleeding",
                                                 note: "blødning", place: "line 16")])
        let dir = TemporaryDirectory("textgrid-utf16")
        var bytes = Data([0xFF, 0xFE])
        for unit in TextGridLabels.write(LabelSamples.sheet).text.utf16 { bytes.append(UInt8(unit & 0xFF)); bytes.append(UInt8(unit >> 8)) }
        let path = try dir.write("call.TextGrid", bytes: bytes)
        let fromFile = try LabelImport.read(path, format: .textgrid)
        #expect(LabelSamples.comparable(fromFile.first?.labels ?? []) == LabelSamples.comparable(LabelSamples.labels))
    }

    @Test func pointTiersArePassedOverWithANotice() throws {
        let text = """
            File type = "ooTextFile"
            Object class = "TextGrid"
            xmin = 0
            xmax = 2
            tiers? <exists>
            size = 1
            item []:
                item [1]:
                    class = "TextTier"
                    name = "events"
                    xmin = 0
                    xmax = 2
                    points: size = 1
                    points [1]:
                        number = 1
                        mark = "click"
            """
        let read = try TextGridLabels.read(text)
        #expect(read.labels.isEmpty && read.notices == ["line 9: point tier 'events' passed over (labels are ranges)"])
    }

    @Test(arguments: [
        ("xmin = 0\nxmax = 1e400", "line 4: the TextGrid's xmax inf is not a time in seconds (negative, too large or not a number)"),
        ("xmin = -1\nxmax = 2", "line 3: the TextGrid's xmin -1.0 is not a time in seconds (negative, too large or not a number)"),
        ("xmin = 0\nxmax = nan", "line 4: the TextGrid's xmax nan is not a time in seconds (negative, too large or not a number)"),
        ("xmin = 0\nxmax = 2\ntiers? <exists>\nsize = 1\nitem [1]:\nclass = \"IntervalTier\"\nname = \"a\"\nxmin = 0\nxmax = 2\nintervals: size = 1\nintervals [1]:\nxmin = 2\nxmax = 1\ntext = \"x\"",
         "line 14: interval ends (1) before it starts (2)"),
        ("xmin = 0\nxmax = 2\ntiers? <exists>\nsize = 1\nitem [1]:\nclass = \"IntervalTier\"\nname = \"a", "line 9: a quoted text is never closed"),
        ("xmin = 0\nxmax = 2\ntiers? <exists>\nsize = 2\nitem [1]:\nclass = \"IntervalTier\"\nname = \"a\"\nxmin = 0\nxmax = 2\nintervals: size = 0", "line 12: the file ends before a tier class"),
    ])
    func malformedFilesAreOneLineWithTheLine(body: String, message: String) throws {
        let text = "File type = \"ooTextFile\"\nObject class = \"TextGrid\"\n" + body
        #expect { try TextGridLabels.read(text) } throws: { ($0 as? LabelFormatProblem)?.description == message }
    }

    @Test func notATextGrid() {
        #expect { try TextGridLabels.read("File type = \"ooTextFile\"\nObject class = \"Sound\"\n") } throws: {
            ($0 as? LabelFormatProblem)?.description == "line 2: not a TextGrid (expected Object class = \"TextGrid\")"
        }
    }
}
