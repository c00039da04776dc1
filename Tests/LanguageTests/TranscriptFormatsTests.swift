import Foundation
import TestSupport
import Testing
import TriageCore
@testable import Language

/// Every transcript format reads the same four-turn demo call.
@Suite struct TranscriptFormatsTests {
    static let expectedTexts = [
        "Fødemodtagelsen, det er Åse.",
        "Hej, vandet er gået, og jeg er i uge 38+2.",
        "Hvilken farve har vandet?",
        "Det er klart, ingen blødning.",
    ]

    func read(_ name: String) throws -> Transcript { try TranscriptReader.read(fileAt: Repository.fixture("transcripts/\(name)")) }

    @Test func webVTTWithVoiceTagsNotesSettingsAndEntities() throws {
        let t = try read("call.vtt")
        #expect(t.format == .webVTT)
        #expect(t.turns.map(\.speaker) == [.midwife, .caller, .midwife, .caller])
        #expect(t.turns.map(\.speakerLabel) == ["Jordemoder", "Kvinde", "Jordemoder", "Kvinde"])
        #expect(t.turns.map(\.startMs) == [0, 2500, 6000, 8500])
        #expect(t.turns.map(\.endMs) == [2250, 5750, 8400, 12500])
        #expect(t.turns[1].text == "Hej, vandet er gået, og jeg er i uge 38+2. Jeg har små veer.")
        #expect(t.turns[3].text == "Det er klart, ingen blødning. Søren kører os & tasken er pakket.")
    }

    @Test func srtWithSpeakerPrefixesAndMultilineCues() throws {
        let t = try read("call.srt")
        #expect(t.turns.map(\.text) == Self.expectedTexts)
        #expect(t.turns.map(\.speaker) == [.midwife, .caller, .midwife, .unknown])
        #expect(t.turns.map(\.startMs) == [0, 2500, 6000, 8500])
    }

    @Test(arguments: ["call-utf16le.TextGrid", "call-utf16be-nobom.TextGrid", "call-short.TextGrid", "elan-export.TextGrid"])
    func textGridsInEveryEncodingAndLayout(name: String) throws {
        let t = try read(name)
        #expect(t.format == .textGrid)
        #expect(t.turns.count == 4)
        #expect(t.turns.map(\.speaker) == [.midwife, .caller, .midwife, .caller])
        #expect(t.turns.map(\.startMs) == [0, 2500, 6000, 8500])
        #expect(t.turns.map(\.endMs) == [2250, 5750, 8400, 12500])
        #expect(t.turns[0].text == "Fødemodtagelsen, det er Åse.")
        #expect(t.turns[1].text == "Hej, vandet er gået, og jeg er i uge 38+2. Jeg har \"små\" veer.")
        #expect(t.turns[3].text == "Det er klart, ingen blødning. Søren kører os.")
    }

    @Test func jsonTurnsWithMilliseconds() throws {
        let t = try read("call.json")
        #expect(t.turns.map(\.text) == Self.expectedTexts)
        #expect(t.turns.map(\.speaker) == [.midwife, .caller, .midwife, .caller])
        #expect(t.endMs == 12500)
    }

    @Test func jsonSegmentsInSecondsAsRecognisersWriteThem() throws {
        let json = #"{"segments": [{"start": 0.5, "end": 1.25, "speaker": "SPEAKER_00", "text": " Hello "}, {"start": 1.5, "end": 2, "text": "Hi"}]}"#
        let t = try TranscriptReader.parse(Data(json.utf8), format: .json, path: "x.json")
        #expect(t.turns.map(\.startMs) == [500, 1500])
        #expect(t.turns.map(\.endMs) == [1250, 2000])
        #expect(t.turns.map(\.text) == ["Hello", "Hi"])
        #expect(t.turns[0].speakerLabel == "SPEAKER_00")
    }

    @Test func plainTextWithPrefixesAndContinuationLines() throws {
        let t = try read("call.txt")
        #expect(t.turns.map(\.text) == Self.expectedTexts)
        #expect(t.turns.map(\.speaker) == [.midwife, .caller, .midwife, .caller])
        #expect(t.turns.allSatisfy { $0.startMs == nil })
    }

    @Test func plainTextWithTimesAndEnglishLabels() throws {
        let text = "[00:01] Midwife: Labour ward.\n[00:03.5] Caller: My waters broke.\nno label here\n"
        let t = try TranscriptReader.parse(Data(text.utf8), format: .plainText, path: "x.txt")
        #expect(t.turns.map(\.startMs) == [1000, 3500])
        #expect(t.turns[1].text == "My waters broke. no label here")
    }

    @Test func latin1SubtitlesAreStillRead() throws {
        let bytes = Data("1\n00:00:01,000 --> 00:00:02,000\nJordemoder: Hvordan går det?\n".utf8) + Data([0x6b, 0x6c, 0xf8, 0x65]) // "kløe"
        let t = try TranscriptReader.parse(bytes, format: .srt, path: "x.srt")
        #expect(t.turns[0].text.hasSuffix("kløe"))
    }
}

/// Broken transcripts fail with the file, the line and the problem.
@Suite struct TranscriptErrorTests {
    func error(_ text: String, _ format: TranscriptFormat, bytes: Data? = nil) -> TranscriptError? {
        do {
            _ = try TranscriptReader.parse(bytes ?? Data(text.utf8), format: format, path: "bad.\(format.rawValue)")
            return nil
        } catch let e as TranscriptError { return e } catch { return nil }
    }

    @Test func webVTTWithoutItsHeader() {
        #expect(error("00:00.000 --> 00:01.000\nHej\n", .webVTT)?.description == "bad.webvtt:1: missing the WEBVTT header")
    }

    @Test func badTimestampsNameTheLine() {
        #expect(error("WEBVTT\n\n00:00.000 --> 00:0x.000\nHej\n", .webVTT)?.description == "bad.webvtt:3: bad timestamp '00:0x.000'")
        #expect(error("1\n00:00:05,000 --> 00:00:01,000\nHej\n", .srt)?.line == 2)
    }

    /// A time too large for any call is a clear error, never an arithmetic overflow (issue 16's hostile inputs).
    @Test(arguments: ["99999999999999999:00:00.000", "99999999999999999:00.000", "876001:00:00.000", "9223372036854775807:00:00.000",
                      "99999999999999999999999:00:00.000"])
    func hugeTimestampsAreRefusedNotOverflowed(_ time: String) {
        #expect(error("WEBVTT\n\n\(time) --> \(time)\nHej\n", .webVTT)?.description == "bad.webvtt:3: bad timestamp '\(time)'")
        let srt = time.replacingOccurrences(of: ".", with: ",")
        #expect(error("1\n\(srt) --> \(srt)\nHej\n", .srt)?.line == 2)
    }

    @Test func textGridsCutShortOrMalformed() {
        let cut = "File type = \"ooTextFile\"\nObject class = \"TextGrid\"\n\nxmin = 0\nxmax = 2\ntiers? <exists>\nsize = 1\nitem []:\n    item [1]:\n        class = \"IntervalTier\"\n        name = \"M\"\n"
        #expect(error(cut, .textGrid)?.reason.contains("the file ends before") == true)
        #expect(error("File type = \"ooTextFile\"\nObject class = \"Pitch\"\n", .textGrid)?.message.contains("not a TextGrid") == true)
        #expect(error("File type = \"ooTextFile\nnever closed", .textGrid)?.message == "a quoted text is never closed")
    }

    @Test func emptyBinaryAndMalformedFiles() {
        #expect(error("", .webVTT)?.message == "empty file")
        #expect(error("", .json, bytes: Data([0x00, 0x01, 0x02, 0xff, 0x00, 0x00, 0x41]))?.message == "binary data, not a text transcript")
        #expect(error("{\"turns\": [", .json)?.message.hasPrefix("malformed JSON") == true)
        #expect(error("{\"turns\": [{\"speaker\": \"caller\"}]}", .json)?.message == "turn 1 has no \"text\"")
        #expect(error("WEBVTT\n\nNOTE nothing here\n", .webVTT)?.message == "the transcript holds no turns")
        #expect(error("", .webVTT, bytes: Data([0x57, 0x45, 0x42, 0x56, 0x54, 0x54, 0x0a, 0xc3, 0x28]))?.message == "invalid UTF-8 text"
                || error("", .webVTT, bytes: Data([0x57, 0x45, 0x42, 0x56, 0x54, 0x54, 0x0a, 0xc3, 0x28]))?.message == "not UTF-8 or UTF-16 text")
    }

    @Test func unknownExtensionsAreRefused() {
        #expect(throws: TranscriptError.self) { try TranscriptReader.read(fileAt: "/tmp/whatever.docx") }
    }
}
