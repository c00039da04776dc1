import Archive
import Foundation
import TestSupport
import Testing
import TriageCore

/// Every implementation of the archive's store interface; the contract suite runs against each.
struct ArchiveImplementation: Sendable, CustomTestStringConvertible {
    let name: String
    let make: @Sendable (TemporaryDirectory) throws -> any ArchiveStore

    var testDescription: String { name }

    static let all: [ArchiveImplementation] = [
        ArchiveImplementation(name: "SQLite") { try SQLiteArchiveStore(path: $0.file("contract.sqlite")) },
        ArchiveImplementation(name: "PostgreSQL") { _ in try PostgresArchiveStore(address: try PostgresServer.shared.newDatabase("contract")) },
    ]
}

/// Building blocks of the contract tests: calls, suggestions and sessions.
enum ContractData {
    static let turns = [
        Turn(speaker: .midwife, speakerLabel: "Jordemoder", startMs: 0, endMs: 2250, text: "Fødemodtagelsen, det er Åse."),
        Turn(speaker: .caller, speakerLabel: "Kvinde", startMs: 2500, endMs: 5750, text: "Vandet er gået, ingen blødning."),
    ]

    static func draft(_ sha: String, turns: [Turn] = [], started: String? = "2026-03-14T02:17:00", language: LanguageCode = "da",
                      caller: CallerType = .partner, week: Int? = 38, durationMs: Int = 12000) -> CallDraft {
        var metadata = CallMetadata()
        metadata.startedAt = started.flatMap { LocalDateTime.parse($0)?.0 }
        metadata.gestationalWeek = week
        metadata.gestationalDays = week == nil ? nil : 2
        if week == nil { metadata.daysPostpartum = 4 }
        metadata.firstBaby = true
        metadata.caller = caller
        metadata.language = language.rawValue
        metadata.channelRoles = [.caller, .midwife]
        return CallDraft(sha256: sha, contentKind: .audio, sourcePath: "/calls/\(sha).flac", audioFormat: "FLAC PCM_16",
                         sampleRate: 8000, channels: 2, frames: 96000, durationMs: durationMs, metadata: metadata,
                         metadataJSON: "{}", transcriptPath: "/calls/\(sha).vtt", transcriptFormat: "webvtt", turns: turns)
    }

    /// A live call's metadata as `FinishedRecording` wrote it before replays were marked: `device` is the file played
    /// as the device (a replay of it), or a sound server's device (a real call).
    static func liveMetadataJSON(device: String) -> String {
        """
        {
          "channel_roles" : [
            "caller",
            "midwife"
          ],
          "device" : "\(device)",
          "recorded_live" : true,
          "started_at" : "2026-12-01T21:00:00+01:00"
        }
        """
    }

    static func assessment(_ callID: Int64, _ reasons: [ReasonCode], _ disposition: Disposition, flags: [RedFlagCode] = []) -> AssessmentRecord {
        AssessmentRecord(callID: callID, taxonomyID: "t", taxonomyVersion: "1", modelVersion: "m", primaryReason: reasons.first,
                         disposition: disposition, reasons: reasons.map { .init(code: $0, score: 0.5) }, redFlags: flags, resultJSON: "{}")
    }

    static func decision(_ callID: Int64, _ reasons: [ReasonCode], _ disposition: Disposition, assessmentID: Int64? = nil) -> DecisionRecord {
        DecisionRecord(callID: callID, assessmentID: assessmentID, taxonomyID: "t", taxonomyVersion: "1", reasons: reasons, disposition: disposition)
    }

    static func label(_ callID: Int64, _ code: LabelCode, by annotator: String = "anna", _ range: ClosedRange<Int> = 0...4000) -> AnnotationRecord {
        AnnotationRecord(callID: callID, annotator: annotator, startMs: range.lowerBound, endMs: range.upperBound, code: code,
                         taxonomyID: "t", taxonomyVersion: "1")
    }

    /// A session of the archive's creator, `anna` (admin, midwife and researcher).
    static func creator(_ store: any ArchiveStore, role: Role? = nil) throws -> ArchiveSession {
        try ArchiveSession(store: store, account: Account(name: "anna"), role: role, origin: "contract")
    }

    /// A session of `name`, whom the creator first gives `roles`.
    static func session(_ store: any ArchiveStore, _ name: String, roles: Set<Role>) throws -> ArchiveSession {
        try creator(store).setUser(name, roles: roles)
        return try ArchiveSession(store: store, account: Account(name: name), origin: "contract")
    }
}
