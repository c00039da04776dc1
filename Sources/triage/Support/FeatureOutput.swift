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
            let lld = EGeMAPS.lowLevel(samples: channel.samples, sampleRate: r.info.sampleRate)
            return lld.map { [Double($0.timeMs)] + $0.values }
        }
    }

    /// A row of a long table: the segment (nil: the whole call), the channel (nil: one channel, or the call), the feature, its value.
    typealias Row = (segment: Range<Int>?, channel: Int?, feature: String, value: Double)

    static func summary(_ r: RecordingFeatures, format: FeaturesCommand.Output, segments: [Range<Int>] = []) -> String {
        var rows: [Row] = []
        for range in [nil] + segments.map(Optional.some) {
            for (channel, s) in zip(r.channels, r.summaries(during: range)) {
                let c: Int? = r.channels.count > 1 ? channel.index : nil
                for d in s.descriptors {
                    for (name, value) in zip(Functionals.names, d.functionals.values) { rows.append((range, c, "\(d.name)_\(name)", value)) }
                }
                rows += [(range, c, "speech_ratio", s.speechRatio), (range, c, "pause_count", Double(s.pauseCount)), (range, c, "mean_pause_ms", s.meanPauseMs),
                         (range, c, "speaking_rate_syllables_per_s", s.speakingRate), (range, c, "duration_ms", Double(s.durationMs))]
            }
            if let t = r.turnTaking(during: range) {
                for (c, share) in t.talkShare.enumerated() { rows.append((range, c, "talk_share", share)) }
                rows += [(range, nil, "response_latency_ms", t.responseLatencyMs), (range, nil, "overlap_ratio", t.overlapRatio)]
            }
        }
        return long(r, rows, format: format, segmented: !segments.isEmpty)
    }

    static func egemapsSummary(_ r: RecordingFeatures, format: FeaturesCommand.Output, segments: [Range<Int>] = []) -> String {
        var rows: [Row] = []
        for range in [nil] + segments.map(Optional.some) {
            for channel in r.channels {
                let c: Int? = r.channels.count > 1 ? channel.index : nil
                var samples = channel.samples
                if let range {
                    let from = min(samples.count, range.lowerBound * r.info.sampleRate / 1000), to = min(samples.count, range.upperBound * r.info.sampleRate / 1000)
                    samples = Array(samples[from..<max(from, to)])
                }
                let functionals = EGeMAPS.functionals(samples: samples, sampleRate: r.info.sampleRate)
                rows += zip(EGeMAPS.functionalNames, functionals).map { (range, c, $0, $1) }
            }
        }
        return long(r, rows, format: format, segmented: !segments.isEmpty)
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

    /// A long table: `channel,feature,value` (`segment,channel,feature,value` when segments were asked for).
    private static func long(_ r: RecordingFeatures, _ rows: [Row], format: FeaturesCommand.Output, segmented: Bool) -> String {
        func name(_ range: Range<Int>?) -> String { range.map { "\($0.lowerBound)-\($0.upperBound)" } ?? "call" }
        switch format {
        case .csv:
            return (segmented ? "segment," : "") + "channel,feature,value\n" + rows.map {
                (segmented ? name($0.segment) + "," : "") + "\($0.channel.map(String.init) ?? ""),\($0.feature),\(number($0.value))"
            }.joined(separator: "\n") + "\n"
        case .json:
            var groups: [(key: String, rows: [Row])] = []
            for row in rows {
                let key = name(row.segment) + "/" + (row.channel.map(String.init) ?? "")
                if let i = groups.firstIndex(where: { $0.key == key }) { groups[i].rows.append(row) } else { groups.append((key, [row])) }
            }
            let summaries: [JSONValue] = groups.map { group in
                let first = group.rows[0]
                return .object([("segment", .string(name(first.segment))), ("channel", first.channel.map { .integer($0) } ?? .null),
                                ("features", .object(group.rows.map { ($0.feature, .raw(number($0.value))) }))])
            }
            return JSONValue.object(header(r) + [("summaries", .array(summaries))]).rendered() + "\n"
        }
    }

    private static func header(_ r: RecordingFeatures) -> [(String, JSONValue)] {
        [("file", .string(r.path)), ("sample_rate", .integer(r.info.sampleRate)), ("channel_count", .integer(r.info.channels)), ("hop_ms", .raw(number(r.hopMs)))]
    }
}
