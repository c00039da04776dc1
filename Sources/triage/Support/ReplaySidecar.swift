import AudioIO
import Foundation
import Ingest
import TriageCore

/// What a recording played from a file as the desk's device (`record --from`, `--live-from`: the demo's live calls)
/// carries into its own `.meta.json`: that it replays that file (`replay_of`, with the file's content hash, the
/// archive's key for it) and the source's caller's record from the source's `.meta.json` (language, caller,
/// gestation, first baby, days postpartum), so that the archive keeps it out of the statistics and knows the call.
struct ReplaySidecar {
    /// The recording that was played, absolute.
    let sourcePath: String

    /// The replay of the file a recording's device played (`file:PATH`), `nil` for a real device.
    init?(device: String) {
        guard device.hasPrefix(Self.fileDevicePrefix) else { return nil }
        let path = String(device.dropFirst(Self.fileDevicePrefix.count))
        guard !path.isEmpty else { return nil }
        sourcePath = URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// How `FileInput` names the device of a file played as one.
    static let fileDevicePrefix = "file:"

    /// The keys to add to the replay's metadata, and what could not be read of the source (the replay is marked
    /// all the same, with the source's path).
    func fields() -> (fields: [String: Any], problems: [String]) {
        var replay: [String: Any] = ["path": sourcePath]
        var problems: [String] = []
        do { replay["sha256"] = try ContentHash.sha256(fileAt: sourcePath) } catch {
            problems.append("the replayed recording cannot be read, so the replay keeps its path alone: \(CommandFailure(error).message)")
        }
        var fields: [String: Any] = ["replay_of": replay]
        let metaPath = (sourcePath as NSString).deletingPathExtension + ".meta.json"
        guard FileManager.default.fileExists(atPath: metaPath) else { return (fields, problems) }
        do {
            let source = try MetadataFile.read(fileAt: metaPath).metadata
            if let language = source.language { fields["language"] = language }
            if let caller = source.caller { fields[FactName.caller.rawValue] = caller.rawValue }
            if let week = source.gestationalWeek { fields[FactName.gestationalWeek.rawValue] = week }
            if let days = source.gestationalDays { fields[FactName.gestationalDays.rawValue] = days }
            if let firstBaby = source.firstBaby { fields[FactName.firstBaby.rawValue] = firstBaby }
            if let days = source.daysPostpartum { fields[FactName.daysPostpartum.rawValue] = days }
        } catch {
            problems.append("the replayed recording's metadata was not carried over: \(CommandFailure(error).message)")
        }
        return (fields, problems)
    }
}
