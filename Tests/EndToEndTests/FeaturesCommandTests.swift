import AudioIO
import Foundation
import TestSupport
import Testing

/// `triage features`: the columns the issue names, a channel column for one party per channel, JSON,
/// summaries, eGeMAPS, and one clear line for input that cannot be analysed.
@Suite struct FeaturesCommandTests {
    let demo = "\(Repository.root)/Recordings"

    @Test func framesAsCSVWithTheNamedColumns() throws {
        let run = try CommandRun.triage(["features", "\(demo)/da04-groent-vand.flac"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        let header = lines[0].split(separator: ",").map(String.init)
        for column in ["time_ms", "rms_db", "zcr", "spectral_centroid_hz", "spectral_flux", "spectral_rolloff_hz", "spectral_flatness",
                       "mfcc_1", "mfcc_13", "f0_hz", "voiced", "hnr_db", "speech"] {
            #expect(header.contains(column), "\(column)")
        }
        #expect(lines.count == 1 + 3390)
        #expect(lines[2].hasPrefix("10,"))
    }

    @Test func stereoCallsHaveAChannelColumnAndSummariesTurnTaking() throws {
        let frames = try CommandRun.triage(["features", "\(demo)/da03-vandafgang-klart.flac", "--hop-ms", "20"])
        #expect(frames.stdout.hasPrefix("channel,time_ms,"))
        #expect(frames.stdout.contains("\n1,20,"))
        let summary = try CommandRun.triage(["features", "--summary", "\(demo)/da03-vandafgang-klart.flac"])
        #expect(summary.stdout.hasPrefix("channel,feature,value\n"))
        for key in ["0,f0_hz_mean,", "1,speech_ratio,", "0,talk_share,", ",response_latency_ms,", "0,speaking_rate_syllables_per_s,"] {
            #expect(summary.stdout.contains(key), "\(key)")
        }
    }

    @Test func segmentsAreSummarisedBesideTheWholeCall() throws {
        let run = try CommandRun.triage(["features", "--summary", "--segment", "0-10000", "--segment", "10000-20000", "\(demo)/da04-groent-vand.flac"])
        #expect(run.stdout.hasPrefix("segment,channel,feature,value\n"))
        for key in ["call,,f0_hz_mean,", "0-10000,,f0_hz_mean,", "10000-20000,,duration_ms,10000"] { #expect(run.stdout.contains(key), "\(key)") }
        let json = try CommandRun.triage(["features", "--summary", "--format", "json", "--segment", "0-10000", "\(demo)/da04-groent-vand.flac"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["summaries"] as? [[String: Any]])?.map { $0["segment"] as? String } == ["call", "0-10000"])
        #expect(try CommandRun.triage(["features", "--segment", "5-1", "--summary", "\(demo)/da04-groent-vand.flac"]).status == 2)
    }

    @Test func jsonHTKStyleAndEGeMAPS() throws {
        let json = try CommandRun.triage(["features", "--format", "json", "--style", "htk", "--n-mels", "26", "\(Repository.fixture("reference/excerpt10_8k.wav"))"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let channel = try #require((object["channels"] as? [[String: Any]])?.first)
        #expect(channel["frames"] as? Int == 999)
        let egemaps = try CommandRun.triage(["features", "--set", "egemaps", "--summary", "\(demo)/da04-groent-vand.flac"])
        #expect(egemaps.stdout.split(separator: "\n").count == 1 + 88)
        #expect(egemaps.stdout.contains(",F0semitoneFrom27.5Hz_sma3nz_amean,"))
    }

    @Test func callsShowTellsTheStoredSummaries() throws {
        let dir = TemporaryDirectory("show-features")
        let db = dir.file("t.sqlite")
        #expect(try CommandRun.triage(["ingest", "--db", db, "\(demo)/da03-vandafgang-klart.flac"]).status == 0)
        let text = try CommandRun.triage(["calls", "show", "--db", db, "1"]).stdout
        #expect(text.contains("Sound         channel 0: speech ") && text.contains("talk share "))
        let json = try CommandRun.triage(["calls", "show", "--db", db, "1", "--format", "json"]).stdout
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((object["features"] as? [[String: Any]])?.count == 3)
    }

    @Test func inputThatCannotBeAnalysedGetsOneLine() throws {
        let dir = TemporaryDirectory("features-bad")
        let low = dir.file("low.wav")
        let writer = try AudioFileWriter(path: low, sampleRate: 1000, channels: 1)
        try writer.write([Float](repeating: 0.1, count: 1000))
        try writer.close()
        let run = try CommandRun.triage(["features", low])
        #expect(run.status == 1)
        #expect(run.stderr == "triage: \(low): a sample rate of 1000 Hz is too low to analyse speech (at least 2000 Hz)\n")
        let text = try dir.write("notes.wav", "not audio")
        let bad = try CommandRun.triage(["features", text])
        #expect(bad.status == 1 && bad.stderr.split(separator: "\n").count == 1 && bad.stderr.contains(text))
        #expect(bad.stdout.isEmpty)
        let silence = dir.file("silence.wav")
        let quiet = try AudioFileWriter(path: silence, sampleRate: 8000, channels: 1)
        try quiet.write([Float](repeating: 0, count: 1))
        try quiet.close()
        let one = try CommandRun.triage(["features", silence])
        #expect(one.status == 0 && one.stdout.split(separator: "\n").count == 2)
    }
}
