import Archive
import Foundation
import Synchronization
@testable import Research
import TestSupport
import TriageCore
import Testing

/// A label export of many calls: every call's export audited in one go, the files put in place only when all are
/// written, progress reported, and an existing folder's other files left alone.
@Suite struct LabelExportTests {
    let dir = TemporaryDirectory("label-export")
    let taxonomy: Taxonomy
    let session: ArchiveSession
    let callIDs: [Int64]

    init() throws {
        taxonomy = try TaxonomyLoader.load(contentsOf: URL(fileURLWithPath: Repository.taxonomy))
        session = try ArchiveSession.open(address: dir.file("t.sqlite"), origin: "test")
        var ids: [Int64] = []
        for n in 0..<3 {
            let id = try session.store(CallDraft(sha256: String(repeating: String(n), count: 64), contentKind: .transcript,
                                                 sourcePath: "call\(n).vtt", durationMs: 20_000, turns: [])).callID
            try session.annotate(AnnotationRecord(callID: id, annotator: "anna", startMs: 0, endMs: 5_000, code: "labour_contractions",
                                                  taxonomyID: taxonomy.id, taxonomyVersion: taxonomy.version))
            ids.append(id)
        }
        callIDs = ids
    }

    func export(_ format: LabelFormat, to out: String, progress: ExportProgressHandler = { _ in }) throws -> LabelExport.Outcome {
        try LabelExport.run(LabelExport.Request(callIDs: [], format: format, out: out), taxonomy: taxonomy, session: session,
                            pseudonymiser: TestPseudonymiser.shared, progress: progress)
    }

    @Test func everyExportedCallIsAuditedAsViewedAndExported() throws {
        _ = try export(.textgrid, to: dir.file("grids"))
        let entries = try session.auditEntries(AuditFilter())
        for id in callIDs {
            #expect(entries.contains { $0.callID == id && $0.action == AuditAction.export.rawValue && $0.detail.contains("textgrid") })
            #expect(entries.contains { $0.callID == id && $0.action == AuditAction.viewCall.rawValue })
        }
        #expect(try session.verifyAudit() == nil)
    }

    @Test func aNewFolderAppearsWholeAndNoStagingFolderIsLeft() throws {
        let out = dir.file("new/grids")
        let outcome = try export(.textgrid, to: out)
        #expect(outcome.files.count == 3)
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: out)) == Set(callIDs.map { "call-\($0).TextGrid" }))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.file("new")) == ["grids"])
    }

    @Test func anExistingFolderKeepsItsOtherFilesAndGetsTheNewOnes() throws {
        let out = dir.file("existing")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: URL(fileURLWithPath: "\(out)/notes.txt"))
        try Data("old".utf8).write(to: URL(fileURLWithPath: "\(out)/call-\(callIDs[0]).vtt"))
        _ = try export(.vtt, to: out)
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: out))
        #expect(names == Set(["notes.txt"] + callIDs.map { "call-\($0).vtt" }))
        #expect(try String(contentsOfFile: "\(out)/call-\(callIDs[0]).vtt", encoding: .utf8).hasPrefix("WEBVTT"))
    }

    @Test func aFolderThatCannotBeMadeLeavesNothing() throws {
        try Data("a file".utf8).write(to: URL(fileURLWithPath: dir.file("blocker")))
        #expect(throws: (any Error).self) { try export(.textgrid, to: dir.file("blocker/grids")) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains("partial") }.isEmpty)
    }

    @Test func progressReachesTheEndOfEachStep() throws {
        let steps = Mutex<[ExportProgress]>([])
        _ = try export(.srt, to: dir.file("subtitles")) { step in steps.withLock { $0.append(step) } }
        let seen = steps.withLock { $0 }
        #expect(seen.contains(ExportProgress(step: "reading", done: 3, total: 3)))
        #expect(seen.contains(ExportProgress(step: "writing", done: 3, total: 3)))
        #expect(seen.allSatisfy { $0.done <= $0.total })
    }
}
