import Foundation
import Testing
import TriageCore
@testable import Ingest

@Suite struct MetadataFileTests {
    func parse(_ json: String) throws -> CallMetadata { try MetadataFile.parse(Data(json.utf8), path: "m.meta.json").metadata }

    func failure(_ json: String) -> String? {
        do { _ = try parse(json); return nil } catch let e as IngestError { return e.description } catch { return "\(error)" }
    }

    @Test func readsTheCallersRecord() throws {
        let m = try parse("""
            {"started_at": "2026-03-14T02:17:00+01:00", "gestational_week": 38, "gestational_days": 2, "first_baby": true,
             "caller": "partner", "language": "DA", "channel_roles": ["caller", "midwife"],
             "labels": {"reasons": ["rupture_of_membranes"], "disposition": "attend_soon"}}
            """)
        #expect(m.startedAt?.description == "2026-03-14T02:17:00")
        #expect(m.utcOffsetMinutes == 60)
        #expect(m.gestationalWeek == 38 && m.gestationalDays == 2 && m.firstBaby == true)
        #expect(m.caller == .partner && m.language == "da" && m.channelRoles == [.caller, .midwife])
    }

    @Test func acceptsGestationalAgeWrittenAsWeeksPlusDays() throws {
        let m = try parse(#"{"gestational_age": "36+5", "days_postpartum": null}"#)
        #expect(m.gestationalWeek == 36 && m.gestationalDays == 5 && m.daysPostpartum == nil)
    }

    @Test func readsTheRecordingAReplayWasPlayedFrom() throws {
        let sha = String(repeating: "ab", count: 32)
        let m = try parse(#"{"recorded_live": true, "replay_of": {"path": "/r/da04.flac", "sha256": "\#(sha.uppercased())"}}"#)
        #expect(m.replayOf == ReplaySource(path: "/r/da04.flac", sha256: sha))
        #expect(try parse(#"{"replay_of": {"path": "/r/da04.flac"}}"#).replayOf == ReplaySource(path: "/r/da04.flac"))
        #expect(try parse(#"{"recorded_live": true}"#).replayOf == nil)
        #expect(failure(#"{"replay_of": {"path": "/r/x.flac", "sha256": "abc"}}"#) == "m.meta.json: replay_of.sha256 must be 64 hexadecimal digits, not 'abc'")
        #expect(failure(#"{"replay_of": {"path": ""}}"#) == "m.meta.json: replay_of.path must name the recording that was replayed")
    }

    @Test func malformedMetadataIsNamedWithTheField() {
        #expect(failure("{\"gestational_week\": ") == "m.meta.json: malformed metadata JSON")
        #expect(failure("[1, 2]") == "m.meta.json: the metadata must be a JSON object")
        #expect(failure(#"{"gestational_week": "38"}"#) == "m.meta.json: gestational_week must be a whole number")
        #expect(failure(#"{"gestational_week": 60}"#) == "m.meta.json: gestational_week must be from 0 to 45, not 60")
        #expect(failure(#"{"first_baby": "yes"}"#) == "m.meta.json: first_baby must be true or false")
        #expect(failure(#"{"started_at": "last tuesday"}"#)?.hasPrefix("m.meta.json: started_at 'last tuesday' is not an ISO 8601") == true)
        #expect(failure(#"{"caller": "neighbour"}"#)?.hasPrefix("m.meta.json: caller 'neighbour' is not one of pregnant") == true)
        #expect(failure(#"{"gestational_age": "38-2"}"#) == "m.meta.json: gestational_age '38-2' must look like 38+2")
        #expect(failure(#"{"channel_roles": ["caller", "robot"]}"#) == "m.meta.json: channel role 'robot' must be midwife or caller")
    }
}
