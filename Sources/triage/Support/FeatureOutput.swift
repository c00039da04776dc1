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

    /// Every channel's frames, written to `out` as the engine makes them.
    static func frames(_ r: RecordingFeatures, format: FeaturesCommand.Output, to out: TextSink) throws {
        let columns = FrameFeatures.columns(coefficients: r.settings.coefficients)
        try table(channels: r.info.channels, header: header(r), columns: columns, format: format, to: out) { c, row in
            try r.forEachFrame(channel: c) { frames in for f in frames { row(f.values) } }
        }
    }

    static func egemapsFrames(_ r: RecordingFeatures, format: FeaturesCommand.Output, to out: TextSink) throws {
        try table(channels: r.info.channels, header: header(r), columns: ["time_ms"] + EGeMAPS.lowLevelNames, format: format, to: out) { c, row in
            let stream = EGeMAPS.LowLevelStream(sampleRate: r.info.sampleRate)
            func put(_ frames: [EGeMAPS.Frame]) { for frame in frames { row([Double(frame.timeMs)] + frame.values) } }
            try r.forEachBlock(channel: c) { put(stream.append($0)) }
            put(stream.finish())
        }
    }

    /// A row of a long table: the segment (nil: the whole call), the channel (nil: one channel, or the call), the feature, its value.
    typealias Row = (segment: Range<Int>?, channel: Int?, feature: String, value: Double)

    static func summary(_ r: RecordingFeatures, format: FeaturesCommand.Output, segments: [Range<Int>] = [], to out: TextSink) throws {
        let summary = try r.summarise(segments: segments, threads: ProcessInfo.processInfo.activeProcessorCount)
        var rows: [Row] = []
        for (s, range) in ([nil] + segments.map(Optional.some)).enumerated() {
            for channel in summary.channels {
                let c: Int? = summary.channels.count > 1 ? channel.index : nil
                let sum = channel.summaries[s]
                for d in sum.descriptors {
                    for (name, value) in zip(Functionals.names, d.functionals.values) { rows.append((range, c, "\(d.name)_\(name)", value)) }
                }
                rows += [(range, c, "speech_ratio", sum.speechRatio), (range, c, "pause_count", Double(sum.pauseCount)), (range, c, "mean_pause_ms", sum.meanPauseMs),
                         (range, c, "speaking_rate_syllables_per_s", sum.speakingRate), (range, c, "duration_ms", Double(sum.durationMs))]
            }
            if let t = summary.turnTaking[s] {
                for (c, share) in t.talkShare.enumerated() { rows.append((range, c, "talk_share", share)) }
                rows += [(range, nil, "response_latency_ms", t.responseLatencyMs), (range, nil, "overlap_ratio", t.overlapRatio)]
            }
        }
        out.write(long(header(r), rows, format: format, segmented: !segments.isEmpty))
    }

    /// The eGeMAPS functionals of each channel, of the whole call and of each segment (each segment
    /// analysed on its own, from its first sample), reading the file once per channel.
    static func egemapsSummary(_ r: RecordingFeatures, format: FeaturesCommand.Output, segments: [Range<Int>] = [], to out: TextSink) throws {
        let channels = max(1, r.info.channels), rate = r.info.sampleRate
        let spans: [Range<Int>?] = [nil] + segments.map(Optional.some)
        // Each span's samples: [from, to) of the channel.
        let sampleSpans = spans.map { span -> Range<Int> in
            guard let span else { return 0..<Int.max }
            let from = span.lowerBound.multipliedReportingOverflow(by: rate), to = span.upperBound.multipliedReportingOverflow(by: rate)
            let a = from.overflow ? Int.max : from.partialValue / 1000, b = to.overflow ? Int.max : to.partialValue / 1000
            return a..<max(a, b)
        }
        var functionals = [[[Double]]](repeating: [], count: spans.count)
        for channel in 0..<channels {
            let builders = spans.map { _ in EGeMAPS.FunctionalsBuilder(sampleRate: rate) }
            var position = 0
            try r.forEachBlock(channel: channel) { block in
                let here = position..<(position + block.count)
                for (s, range) in sampleSpans.enumerated() where range.overlaps(here) {
                    let a = max(range.lowerBound, here.lowerBound) - position, b = min(range.upperBound, here.upperBound) - position
                    builders[s].append(Array(block[a..<b]))
                }
                position += block.count
            }
            for (s, builder) in builders.enumerated() { functionals[s].append(builder.finish()) }
        }
        var rows: [Row] = []
        for (s, range) in spans.enumerated() {
            for channel in 0..<channels {
                rows += zip(EGeMAPS.functionalNames, functionals[s][channel]).map { (range, channels > 1 ? channel : nil, $0, $1) }
            }
        }
        out.write(long(header(r), rows, format: format, segmented: !segments.isEmpty))
    }

    /// A wide table: a header and one row per frame (per channel when there are several). CSV rows are
    /// written as they come; JSON, a column per descriptor, waits in a spill on disk for a long call.
    private static func table(channels: Int, header: [(String, JSONValue)], columns: [String], format: FeaturesCommand.Output, to out: TextSink,
                              rows: (Int, (_ row: [Double]) -> Void) throws -> Void) throws {
        let multi = channels > 1
        switch format {
        case .csv:
            out.write(((multi ? ["channel"] : []) + columns).joined(separator: ",") + "\n")
            for c in 0..<max(1, channels) {
                try rows(c) { row in
                    out.write((multi ? "\(c)," : "") + row.map(number).joined(separator: ",") + "\n")
                }
            }
        case .json:
            out.write(String(JSONValue.object(header).rendered().dropLast()) + ",\"channels\":[")
            for c in 0..<max(1, channels) {
                // Each value as the two halves of its bit pattern, so the spill keeps it exactly.
                let spill = FloatSpill(width: 2 * columns.count)
                var record = [Float]()
                try rows(c) { row in
                    record.removeAll(keepingCapacity: true)
                    for v in row {
                        let bits = FloatSpill.bits(of: v)
                        record += [bits.0, bits.1]
                    }
                    spill.append(record)
                }
                out.write((c > 0 ? "," : "") + "{\"channel\":\(c),\"frames\":\(spill.count),\"columns\":{")
                for (i, name) in columns.enumerated() {
                    out.write((i > 0 ? "," : "") + JSONValue.quote(name) + ":[")
                    var first = true
                    spill.forEachBatch { b in
                        var text = ""
                        var k = 2 * i
                        while k + 1 < b.count {
                            let v = FloatSpill.double(low: b[k], high: b[k + 1])
                            text += (first ? "" : ",") + number(v)
                            first = false
                            k += 2 * columns.count
                        }
                        out.write(text)
                    }
                    out.write("]")
                }
                out.write("}}")
            }
            out.write("]}\n")
        }
    }

    /// A long table: `channel,feature,value` (`segment,channel,feature,value` when segments were asked for).
    private static func long(_ header: [(String, JSONValue)], _ rows: [Row], format: FeaturesCommand.Output, segmented: Bool) -> String {
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
            return JSONValue.object(header + [("summaries", .array(summaries))]).rendered() + "\n"
        }
    }

    private static func header(_ r: RecordingFeatures) -> [(String, JSONValue)] {
        [("file", .string(r.path)), ("sample_rate", .integer(r.info.sampleRate)), ("channel_count", .integer(r.info.channels)), ("hop_ms", .raw(number(r.hopMs)))]
    }
}

/// Text written to standard output in blocks of about 64 KB, so that a long table never waits whole in memory.
final class TextSink {
    private var buffer = ""
    private let handle: FileHandle

    init(_ handle: FileHandle = .standardOutput) { self.handle = handle }

    deinit { flush() }

    func write(_ text: String) {
        buffer += text
        if buffer.utf8.count >= 1 << 16 { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        handle.write(Data(buffer.utf8))
        buffer.removeAll(keepingCapacity: true)
    }
}
