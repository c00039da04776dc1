import Archive
import Foundation
import Ingest
import TestSupport
import Testing

/// Acoustic summaries are computed and stored with each recording on ingest, per channel, with the
/// extractor's version; the flag skips them.
@Suite struct FeatureRecordsTests {
    @Test func ingestStoresEachChannelsSummaryAndTheTurnTaking() throws {
        let dir = TemporaryDirectory("ingest-features")
        let archive = try ArchiveSession.open(address: dir.file("t.sqlite"), origin: "test")
        let items = IngestDiscovery.plan(["\(Repository.root)/Recordings/da03-vandafgang-klart.flac", "\(Repository.root)/Recordings/da04-groent-vand.flac"]).items
        let results = Ingestor(archive: archive, jobs: 2).ingest(items, progress: SilentProgress())
        let ids = results.compactMap { if case .archived(let id, _) = $0 { return id } else { return nil } }
        #expect(ids.count == 2)
        var setsByCall: [[String]] = []
        for id in ids {
            let features = try archive.features(ofCall: id)
            setsByCall.append(features.map { "\($0.featureSet):\($0.channel.map(String.init) ?? "-")" })
            #expect(features.allSatisfy { $0.extractorVersion == FeatureRecords.extractorVersion })
            let summary = try #require(features.first { $0.featureSet == "lld-summary" })
            let json = try #require(try JSONSerialization.jsonObject(with: Data(summary.valuesJSON.utf8)) as? [String: Any])
            #expect((json["speech_ratio"] as? Double ?? 0) > 0.3)
            let descriptors = try #require(json["descriptors"] as? [String: [String: Double]])
            #expect(descriptors["f0_hz"]?["mean"].map { $0 > 60 && $0 < 400 } == true)
            #expect(Set(descriptors["mfcc_1"]?.keys ?? [:].keys) == ["mean", "std", "p20", "p50", "p80", "range", "slope"])
        }
        // da03 is stereo (one party per channel), da04 mono.
        #expect(setsByCall.contains(["lld-summary:0", "lld-summary:1", "turn-taking:-"]))
        #expect(setsByCall.contains(["lld-summary:0"]))
    }

    @Test func theFlagSkipsThem() throws {
        let dir = TemporaryDirectory("ingest-no-features")
        let archive = try ArchiveSession.open(address: dir.file("t.sqlite"), origin: "test")
        let items = IngestDiscovery.plan(["\(Repository.root)/Recordings/da04-groent-vand.flac"]).items
        guard case .archived(let id, _)? = Ingestor(archive: archive, features: false).ingest(items, progress: SilentProgress()).first else {
            Issue.record("not archived"); return
        }
        #expect(try archive.features(ofCall: id).isEmpty)
    }
}
