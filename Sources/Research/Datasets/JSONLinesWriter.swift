import Foundation

/// `calls.jsonl`: one object per labelled call and line — `call_id`, `split`, `duration_ms`, `labels` (code,
/// start_ms, end_ms, annotator, channel) and `features` (the stored acoustic summaries: channel, feature_set,
/// extractor_version, values), keys sorted.
enum JSONLinesWriter {
    static func write(_ calls: [DatasetCall], splits: [Int64: DatasetSplit], into folder: String) throws -> [String] {
        var lines: [String] = []
        for call in calls {
            guard let split = splits[call.id] else { continue }
            let labels: [[String: Any]] = call.labels.map { label in
                ["code": label.code.rawValue, "start_ms": label.startMs, "end_ms": label.endMs, "annotator": label.annotator,
                 "channel": label.channel.map { $0 as Any } ?? NSNull()]
            }
            let features: [[String: Any]] = call.features.map { feature in
                let values = (try? JSONSerialization.jsonObject(with: Data(feature.valuesJSON.utf8), options: [.fragmentsAllowed])) ?? NSNull()
                return ["channel": feature.channel.map { $0 as Any } ?? NSNull(), "feature_set": feature.featureSet,
                        "extractor_version": feature.extractorVersion, "values": values]
            }
            let object: [String: Any] = ["call_id": call.id, "split": split.rawValue, "duration_ms": call.durationMs.map { $0 as Any } ?? NSNull(),
                                         "labels": labels, "features": features]
            let data: Data
            do { data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) } catch {
                throw DatasetProblem(path: "\(folder)/calls.jsonl", problem: "call \(call.id) cannot be written as JSON (\(error))")
            }
            lines.append(String(decoding: data, as: UTF8.self))
        }
        try DatasetText.write(lines.map { $0 + "\n" }.joined(), to: "\(folder)/calls.jsonl")
        return []
    }
}
