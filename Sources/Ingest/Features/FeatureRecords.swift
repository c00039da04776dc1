import Acoustics
import Archive
import Foundation
import TriageCore

/// The acoustic summaries stored with a call on ingest: each channel's descriptor functionals, speech
/// ratio, pauses and speaking rate ("lld-summary"), and for two channels the turn-taking ("turn-taking").
public enum FeatureRecords {
    /// The version stored with every summary, so summaries from different engines are never mixed.
    public static let extractorVersion = "acoustics-1.0"

    /// The records of a recording's summary of the whole call.
    public static func records(for recording: RecordingSummary) -> [CallFeatureRecord] {
        var out: [CallFeatureRecord] = recording.channels.compactMap { channel in
            channel.summaries.first.map {
                CallFeatureRecord(channel: channel.index, featureSet: "lld-summary", extractorVersion: extractorVersion, valuesJSON: json($0).rendered())
            }
        }
        if let t = recording.turnTaking.first ?? nil {
            let value = JSONValue.object([("talk_share", .array(t.talkShare.map { .number(rounded($0)) })),
                                          ("response_latency_ms", .number(rounded(t.responseLatencyMs))), ("overlap_ratio", .number(rounded(t.overlapRatio)))])
            out.append(CallFeatureRecord(channel: nil, featureSet: "turn-taking", extractorVersion: extractorVersion, valuesJSON: value.rendered()))
        }
        return out
    }

    static func json(_ s: FeatureSummary) -> JSONValue {
        .object([
            ("frames", .integer(s.frames)), ("duration_ms", .integer(s.durationMs)), ("speech_ratio", .number(rounded(s.speechRatio))),
            ("pause_count", .integer(s.pauseCount)), ("mean_pause_ms", .number(rounded(s.meanPauseMs))),
            ("speaking_rate", .number(rounded(s.speakingRate))),
            ("descriptors", .object(s.descriptors.map { d in
                (d.name, .object(zip(Functionals.names, d.functionals.values).map { ($0, .number(rounded($1))) }))
            })),
        ])
    }

    /// Six significant digits are plenty and keep the JSON small.
    static func rounded(_ v: Double) -> Double {
        guard v.isFinite, v != 0 else { return 0 }
        let scale = pow(10, 5 - floor(log10(abs(v))))
        return (v * scale).rounded() / scale
    }
}
