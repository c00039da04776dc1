import Acoustics
import Foundation
import Ingest
import TriageCore

/// Writes a recording's features as CSV or JSON: frames (wide, a column per descriptor) or summaries
/// (long, one `channel,feature,value` row per value).
enum FeatureOutput {
    /// A value as CSV/JSON text: whole numbers plainly, the rest with float precision.
    static func number(_ v: Double) -> String {
        guard v.isFinite else { return "0" }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return "\(Float(v))"
    }

    static func frames(_ r: RecordingFeatures, format: FeaturesCommand.Output) -> String {
        let columns = FrameFeatures.columns(coefficients: r.channels.first?.frames.first?.mfcc.count ?? 13)
        return table(r, columns: columns, format: format) { $0.frames.map(\.values) }
    }

    static func egemapsFrames(_ r: RecordingFeatures, format: FeaturesCommand.Output) -> String {
        table(r, columns: ["time_ms"] + EGeMAPS.lowLevelNames, format: format) { channel in
            let lld = EGeMAPS.lowLevel(channel.frames, samples: channel.samples, sampleRate: r.info.sampleRate)
            return lld.map { [Double($0.timeMs)] + $0.values }
        }
    }

    static func summary(_ r: RecordingFeatures, format: FeaturesCommand.Output) -> String {
        var rows: [(Int?, String, Double)] = []
        for (channel, s) in zip(r.channels, r.summaries) {
            let c: Int? = r.channels.count > 1 ? channel.index : nil
            for d in s.descriptors {
                for (name, value) in zip(Functionals.names, d.functionals.values) { rows.append((c, "\(d.name)_\(name)", value)) }
            }
            rows += [(c, "speech_ratio", s.speechRatio), (c, "pause_count", Double(s.pauseCount)), (c, "mean_pause_ms", s.meanPauseMs),
                     (c, "speaking_rate_syllables_per_s", s.speakingRate), (c, "duration_ms", Double(s.durationMs))]
        }
        if let t = r.turnTaking {
            for (c, share) in t.talkShare.enumerated() { rows.append((c, "talk_share", share)) }
            rows += [(nil, "response_latency_ms", t.responseLatencyMs), (nil, "overlap_ratio", t.overlapRatio)]
        }
        return long(r, rows, format: format)
    }

    static func egemapsSummary(_ r: RecordingFeatures, format: FeaturesCommand.Output) -> String {
        var rows: [(Int?, String, Double)] = []
        for channel in r.channels {
            let c: Int? = r.channels.count > 1 ? channel.index : nil
            let functionals = EGeMAPS.functionals(channel.frames, samples: channel.samples, sampleRate: r.info.sampleRate, hopMs: r.hopMs)
            rows += zip(EGeMAPS.functionalNames, functionals).map { (c, $0, $1) }
        }
        return long(r, rows, format: format)
    }

    /// A wide table: a header and one row per frame (per channel when there are several).
    private static func table(_ r: RecordingFeatures, columns: [String], format: FeaturesCommand.Output, rows: (RecordingFeatures.Channel) -> [[Double]]) -> String {
        let multi = r.channels.count > 1
        switch format {
        case .csv:
            var out = ((multi ? ["channel"] : []) + columns).joined(separator: ",") + "\n"
            for channel in r.channels {
                for row in rows(channel) {
                    if multi { out += "\(channel.index)," }
                    out += row.map(number).joined(separator: ",") + "\n"
                }
            }
            return out
        case .json:
            let channels: [JSONValue] = r.channels.map { channel in
                let values = rows(channel)
                return .object([("channel", .integer(channel.index)), ("frames", .integer(values.count)),
                                ("columns", .object(columns.enumerated().map { i, name in (name, .array(values.map { .raw(number($0[i])) })) }))])
            }
            return JSONValue.object(header(r) + [("channels", .array(channels))]).rendered() + "\n"
        }
    }

    /// A long table: `channel,feature,value`.
    private static func long(_ r: RecordingFeatures, _ rows: [(Int?, String, Double)], format: FeaturesCommand.Output) -> String {
        switch format {
        case .csv:
            return "channel,feature,value\n" + rows.map { "\($0.0.map(String.init) ?? ""),\($0.1),\(number($0.2))" }.joined(separator: "\n") + "\n"
        case .json:
            let groups = Dictionary(grouping: rows, by: { $0.0 ?? -1 }).sorted { $0.key < $1.key }
            let channels: [JSONValue] = groups.map { key, values in
                .object([("channel", key < 0 ? .null : .integer(key)), ("features", .object(values.map { ($0.1, .raw(number($0.2))) }))])
            }
            return JSONValue.object(header(r) + [("summaries", .array(channels))]).rendered() + "\n"
        }
    }

    private static func header(_ r: RecordingFeatures) -> [(String, JSONValue)] {
        [("file", .string(r.path)), ("sample_rate", .integer(r.info.sampleRate)), ("channel_count", .integer(r.info.channels)), ("hop_ms", .raw(number(r.hopMs)))]
    }
}
