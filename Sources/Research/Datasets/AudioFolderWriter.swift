import Foundation

/// A Hugging Face `audiofolder`: `SPLIT/call-ID.EXT` (a copy of the recording) and `SPLIT/metadata.csv` whose first
/// column is `file_name`, then `call_id`, `labels` (codes joined with `;`) and `primary`. A recording in which an
/// identifier was said is written with those turns beeped (WAV, or FLAC for a FLAC recording). Calls without a
/// recording are left out, each with a notice; a split with no calls gets no folder (`datasets` refuses an empty one).
enum AudioFolderWriter {
    static func write(_ calls: [DatasetCall], splits: [Int64: DatasetSplit], into folder: String) throws -> [String] {
        var notices: [String] = []
        for split in DatasetSplit.allCases {
            let members = calls.filter { splits[$0.id] == split }
            var rows = ["file_name,call_id,labels,primary"]
            for call in members {
                guard let recording = call.recording else { notices.append(call.skippedNotice); continue }
                let ext = (recording as NSString).pathExtension.lowercased()
                let name = "\(call.name).\(call.spoken.isEmpty ? (ext.isEmpty ? "wav" : ext) : (ext == "flac" ? "flac" : "wav"))"
                if rows.count == 1 { try DatasetText.makeFolder("\(folder)/\(split.rawValue)") }
                let target = "\(folder)/\(split.rawValue)/\(name)"
                if !call.spoken.isEmpty {
                    try BeepedRecording.write(from: recording, to: target, spans: call.spoken)
                } else {
                    do { try FileManager.default.copyItem(atPath: recording, toPath: target) } catch {
                        throw DatasetProblem(path: recording, problem: "cannot be copied (\((error as NSError).localizedDescription))")
                    }
                }
                rows.append([name, String(call.id), call.codes.joined(separator: ";"), call.primary].map(csv).joined(separator: ","))
            }
            if rows.count > 1 { try DatasetText.write(rows.joined(separator: "\n") + "\n", to: "\(folder)/\(split.rawValue)/metadata.csv") }
        }
        return notices
    }

    /// A CSV field, quoted when it holds a comma, a quote or a line break.
    static func csv(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
