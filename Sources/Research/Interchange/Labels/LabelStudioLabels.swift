import Foundation

/// Labels as Label Studio's JSON tasks for audio: a list of tasks, one per call (`data.audio` names the recording,
/// `data.call_id` the call), each annotator's labels one annotation (`created_username` the annotator) — or, written
/// as predictions, one prediction per annotator (`model_version` the annotator), so that the assistant's suggestions
/// can pre-annotate. Each label is a result of type `labels` from `reason` on `audio`, its range in seconds, its
/// channel where known and its note as the region's `meta.text`. Read: annotations and predictions alike.
public enum LabelStudioLabels {
    /// The labelling configuration's names the results refer to (`<Labels name="reason" toName="audio">`).
    public static let fromName = "reason", toName = "audio"

    public static func write(_ sheets: [LabelSheet], asPredictions: Bool = false) throws -> WrittenLabels {
        var tasks: [[String: Any]] = []
        for sheet in sheets {
            var data: [String: Any] = ["call_id": sheet.callID]
            data["audio"] = sheet.mediaName ?? "call-\(sheet.callID)"
            let byAnnotator = Dictionary(grouping: sheet.labels) { $0.annotator ?? "unknown" }
            var groups: [[String: Any]] = []
            for annotator in byAnnotator.keys.sorted() {
                let labels = (byAnnotator[annotator] ?? []).sorted { ($0.startMs, $0.endMs, $0.code) < ($1.startMs, $1.endMs, $1.code) }
                let results: [[String: Any]] = labels.enumerated().map { index, label in
                    var value: [String: Any] = ["start": Double(label.startMs) / 1000, "end": Double(label.endMs) / 1000, "labels": [label.code]]
                    if let channel = label.channel { value["channel"] = channel }
                    var result: [String: Any] = ["id": "c\(sheet.callID)-\(annotator.hashValueFree)-\(index + 1)", "from_name": fromName, "to_name": toName,
                                                 "type": "labels", "origin": asPredictions ? "prediction" : "manual", "value": value]
                    if let duration = sheet.durationMs { result["original_length"] = Double(duration) / 1000 }
                    if let note = label.note, !note.isEmpty { result["meta"] = ["text": [note]] }
                    return result
                }
                groups.append(asPredictions ? ["model_version": annotator, "result": results] : ["created_username": annotator, "result": results])
            }
            var task: [String: Any] = ["data": data]
            task[asPredictions ? "predictions" : "annotations"] = groups
            tasks.append(task)
        }
        let json = try JSONSerialization.data(withJSONObject: tasks, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return WrittenLabels(text: String(decoding: json, as: UTF8.self) + "\n")
    }

    /// Reads a Label Studio export: a list of tasks (or one task), each call named by `data.call_id` where given.
    public static func read(_ data: Data) throws -> [ReadLabels] {
        let top: Any
        do { top = try JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed) } catch {
            let detail = (error as NSError).userInfo["NSDebugDescription"] as? String
            throw LabelFormatProblem("not valid JSON\(detail.map { " (\($0))" } ?? "")")
        }
        let tasks: [Any]
        if let list = top as? [Any] { tasks = list } else if let one = top as? [String: Any] { tasks = [one] } else {
            throw LabelFormatProblem("expected a list of Label Studio tasks")
        }
        return try tasks.enumerated().map { try task($0.element, place: "task \($0.offset + 1)") }
    }

    private static func task(_ any: Any, place: String) throws -> ReadLabels {
        guard let task = any as? [String: Any] else { throw LabelFormatProblem(place: place, "a task must be a JSON object") }
        guard let data = task["data"] as? [String: Any] else { throw LabelFormatProblem(place: place, "no \"data\" object") }
        var callID: Int64?
        if let raw = data["call_id"] {
            guard let id = wholeNumber(raw), id > 0 else { throw LabelFormatProblem(place: place, "data.call_id must be a call's id (a positive whole number)") }
            callID = id
        }
        var labels: [InterchangeLabel] = [], notices: [String] = []
        for key in ["annotations", "completions", "predictions"] {
            guard let raw = task[key] else { continue }
            guard let groups = raw as? [Any] else { throw LabelFormatProblem(place: place, "\"\(key)\" must be a list") }
            for (g, any) in groups.enumerated() {
                let groupPlace = "\(place), \(key.dropLast()) \(g + 1)"
                guard let group = any as? [String: Any] else { throw LabelFormatProblem(place: groupPlace, "must be a JSON object") }
                if group["was_cancelled"] as? Bool == true { notices.append("\(groupPlace): cancelled, passed over"); continue }
                let annotator = key == "predictions" ? text(group["model_version"]) : annotatorName(group)
                guard let results = group["result"] as? [Any] else { throw LabelFormatProblem(place: groupPlace, "no \"result\" list") }
                for (r, any) in results.enumerated() {
                    let resultPlace = "\(groupPlace), result \(r + 1)"
                    guard let result = any as? [String: Any] else { throw LabelFormatProblem(place: resultPlace, "must be a JSON object") }
                    guard result["type"] as? String == "labels" else {
                        notices.append("\(resultPlace): a '\(result["type"] as? String ?? "untyped")' result, not labels, passed over"); continue
                    }
                    labels += try self.labels(of: result, annotator: annotator, place: resultPlace)
                }
            }
        }
        return ReadLabels(callID: callID, labels: labels, notices: notices)
    }

    private static func labels(of result: [String: Any], annotator: String?, place: String) throws -> [InterchangeLabel] {
        guard let value = result["value"] as? [String: Any] else { throw LabelFormatProblem(place: place, "no \"value\" object") }
        guard let startSeconds = number(value["start"]), let endSeconds = number(value["end"]) else {
            throw LabelFormatProblem(place: place, "value.start and value.end must be numbers (seconds)")
        }
        let start = try Seconds.milliseconds(startSeconds, place: place, what: "start")
        let end = try Seconds.milliseconds(endSeconds, place: place, what: "end")
        guard let codes = value["labels"] as? [Any], !codes.isEmpty, codes.allSatisfy({ $0 is String }) else {
            throw LabelFormatProblem(place: place, "value.labels must be a non-empty list of codes")
        }
        var channel: Int?
        if let raw = value["channel"] {
            guard let c = wholeNumber(raw), c >= 0, c < 1024 else { throw LabelFormatProblem(place: place, "value.channel must be a whole number from 0") }
            channel = Int(c)
        }
        let note = ((result["meta"] as? [String: Any])?["text"] as? [Any])?.compactMap { $0 as? String }.joined(separator: " ")
        return codes.compactMap { $0 as? String }.map {
            InterchangeLabel(annotator: annotator, startMs: start, endMs: end, code: $0.trimmingCharacters(in: .whitespaces),
                             note: note?.isEmpty == false ? note : nil, channel: channel, place: place)
        }
    }

    /// Who made an annotation: `created_username` (Label Studio writes `name@host, 7`: the user id is dropped), else
    /// `completed_by` as a name or an object with an email or username.
    private static func annotatorName(_ group: [String: Any]) -> String? {
        if var name = text(group["created_username"]) {
            if let comma = name.range(of: ", ", options: .backwards), name[comma.upperBound...].allSatisfy(\.isNumber), !name[comma.upperBound...].isEmpty {
                name = String(name[..<comma.lowerBound]).trimmingCharacters(in: .whitespaces)
            }
            return name.isEmpty ? nil : name
        }
        if let name = text(group["completed_by"]) { return name }
        if let user = group["completed_by"] as? [String: Any] { return text(user["username"]) ?? text(user["email"]) }
        return nil
    }

    private static func text(_ any: Any?) -> String? {
        guard let s = any as? String else { return nil }
        let trimmed = s.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// A JSON number (not a boolean) as a Double. JSONSerialization gives both as NSNumber, and `is Bool` holds for
    /// the numbers 0 and 1 too: a boolean is told by its class.
    private static func number(_ any: Any?) -> Double? {
        guard let n = any as? NSNumber, !String(describing: type(of: n)).contains("Boolean") else { return nil }
        return n.doubleValue
    }

    /// A JSON whole number (or a string of digits) that fits an Int64.
    private static func wholeNumber(_ any: Any) -> Int64? {
        if let s = any as? String { return Int64(s) }
        guard let d = number(any), d.isFinite, d == d.rounded(), abs(d) < 9e15 else { return nil }
        return Int64(d)
    }
}

private extension String {
    /// The annotator's name as it may appear in a result id (letters, digits, `.`, `_`, `-`).
    var hashValueFree: String { String(map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-" ? $0 : "_" }) }
}
