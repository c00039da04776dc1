import Archive
import Foundation
@testable import Research
import TestSupport
import TriageCore
import Testing

/// Imports check the whole file before storing any of it, name the annotator, and store nothing twice.
@Suite struct LabelImportTests {
    let dir = TemporaryDirectory("label-import")
    let taxonomy: Taxonomy
    let session: ArchiveSession
    let callID: Int64

    init() throws {
        taxonomy = try TaxonomyLoader.load(contentsOf: URL(fileURLWithPath: Repository.taxonomy))
        session = try ArchiveSession.open(address: dir.file("t.sqlite"), origin: "test")
        callID = try session.store(CallDraft(sha256: String(repeating: "a", count: 64), contentKind: .transcript, sourcePath: "call.vtt", durationMs: 20_000, turns: [])).callID
    }

    func write(_ format: LabelFormat, _ text: String) throws -> String { try dir.write("labels.\(format.fileExtension)", text) }

    @Test func everyFormatRoundTripsThroughTheArchiveAndASecondImportStoresNothing() throws {
        for label in LabelSamples.labels {
            try session.annotate(AnnotationRecord(callID: callID, annotator: label.annotator ?? "", channel: label.channel, startMs: label.startMs,
                                                  endMs: label.endMs, code: LabelCode(rawValue: label.code), taxonomyID: taxonomy.id,
                                                  taxonomyVersion: taxonomy.version, note: label.note))
        }
        for format in LabelFormat.allCases {
            let out = dir.file("export-\(format.rawValue)")
            let exported = try LabelExport.run(LabelExport.Request(callIDs: [callID], format: format, out: out), taxonomy: taxonomy, session: session,
                                               pseudonymiser: TestPseudonymiser.shared)
            #expect(exported.labels == 5, "\(format)")
            for file in exported.files {
                let annotator = format.holdsAnnotator ? nil : String(file.split(separator: "-").last?.split(separator: ".").first ?? "")
                let again = try LabelImport.run(LabelImport.Request(path: file, format: format, callID: callID, annotator: annotator),
                                                taxonomy: taxonomy, session: session)
                #expect(again.stored == 0 && again.alreadyPresent > 0, "\(format) \(file)")
            }
            // Into an empty call the file's labels are all stored, as they were.
            let other = try session.store(CallDraft(sha256: String(repeating: "b", count: 63) + "\(format.hashValue & 7)", contentKind: .transcript,
                                                    sourcePath: "\(format).vtt", turns: [])).callID
            for var file in exported.files {
                let annotator = format.holdsAnnotator ? nil : String(file.split(separator: "-").last?.split(separator: ".").first ?? "")
                if format == .labelstudio { // the tasks name their call: now the other one
                    let text = try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: "\"call_id\" : \(callID)", with: "\"call_id\" : \(other)")
                    file = try dir.write("tasks-\(other).json", text)
                }
                _ = try LabelImport.run(LabelImport.Request(path: file, format: format, callID: other, annotator: annotator), taxonomy: taxonomy, session: session)
            }
            let stored = try session.annotations(ofCall: other)
            let back = stored.map { InterchangeLabel(annotator: $0.annotator, startMs: $0.startMs, endMs: $0.endMs, code: $0.code.rawValue, note: $0.note, channel: $0.channel) }
            #expect(LabelSamples.comparable(back, channel: format.holdsChannel) == LabelSamples.comparable(LabelSamples.labels, channel: format.holdsChannel), "\(format)")
            for record in stored { try session.exchange(remove: record.id, restore: nil) }
        }
    }

    @Test func anUnknownCodeIsOneLineNamingFileAndLineAndNothingIsStored() throws {
        let path = try write(.audacity, "1\t2\tlabour_contractions\n3\t4\tmade_up_reason\n")
        #expect { try LabelImport.run(LabelImport.Request(path: path, format: .audacity, callID: callID, annotator: "anna"), taxonomy: taxonomy, session: session) } throws: {
            "\($0)" == "\(path): line 2: unknown code 'made_up_reason' (not a contact reason of \(taxonomy.versionTag))"
        }
        #expect(try session.annotations(ofCall: callID).isEmpty)
    }

    @Test func theAnnotatorAndTheCallMustBeKnown() throws {
        let srt = try write(.srt, "1\n00:00:01,000 --> 00:00:02,000\nlabour_contractions\n")
        #expect { try LabelImport.run(LabelImport.Request(path: srt, format: .srt, callID: callID, annotator: nil), taxonomy: taxonomy, session: session) } throws: {
            "\($0)" == "\(srt): line 2: the file does not name the annotator: name her with --annotator"
        }
        let tasks = try write(.labelstudio, #"[{"data": {"call_id": 99}, "annotations": [{"created_username": "anna", "result": [{"type": "labels", "value": {"start": 0, "end": 1, "labels": ["labour_contractions"]}}]}]}]"#)
        #expect { try LabelImport.run(LabelImport.Request(path: tasks, format: .labelstudio, callID: callID, annotator: nil), taxonomy: taxonomy, session: session) } throws: {
            "\($0)" == "\(tasks): task 1, annotation 1, result 1: the labels are on call 99, not call \(callID) as --call says"
        }
        // A call the archive does not hold: nothing stored, the store says so.
        #expect(throws: ArchiveError.self) { try LabelImport.run(LabelImport.Request(path: tasks, format: .labelstudio, callID: nil, annotator: nil), taxonomy: taxonomy, session: session) }
        let zero = try write(.audacity, "1\t1\tlabour_contractions\n")
        #expect { try LabelImport.run(LabelImport.Request(path: zero, format: .audacity, callID: callID, annotator: "anna"), taxonomy: taxonomy, session: session) } throws: {
            "\($0)" == "\(zero): line 1: the label 'labour_contractions' has no length (1000–1000 ms)"
        }
        #expect(try session.annotations(ofCall: callID).isEmpty)
    }

    @Test func theImportsAnnotatorOverridesTheFilesAndADuplicateInTheFileIsKept() throws {
        let vtt = try write(.vtt, "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v reasons>labour_contractions\n\n00:00:01.000 --> 00:00:02.000\n<v reasons>labour_contractions\n")
        let first = try LabelImport.run(LabelImport.Request(path: vtt, format: .vtt, callID: callID, annotator: "dorte"), taxonomy: taxonomy, session: session)
        #expect(first.stored == 2 && first.alreadyPresent == 0)
        #expect(try session.annotations(ofCall: callID).map(\.annotator) == ["dorte", "dorte"])
        let second = try LabelImport.run(LabelImport.Request(path: vtt, format: .vtt, callID: callID, annotator: "dorte"), taxonomy: taxonomy, session: session)
        #expect(second.stored == 0 && second.alreadyPresent == 2)
    }

    @Test func aMissingOrBinaryFileIsOneLine() throws {
        #expect { try LabelImport.read(dir.file("nope.TextGrid"), format: .textgrid) } throws: { "\($0)".hasPrefix(dir.file("nope.TextGrid") + ": cannot be read") }
        let binary = try dir.write("x.TextGrid", bytes: Data([0x00, 0x01, 0x02, 0x00, 0xFF, 0x00, 0x00, 0x10]))
        #expect { try LabelImport.read(binary, format: .textgrid) } throws: { !"\($0)".contains("\n") && "\($0)".hasPrefix(binary + ": ") }
    }
}
