import Archive
import Foundation
import Pseudonymisation
import TriageCore

/// `triage export dataset`: the labelled calls (those with at least one research label) split train/dev/test by call,
/// stratified by primary label and repeatable with the seed, written as an audio folder, a Kaldi data directory or
/// JSON lines, with `split.json`. Everything is written into a folder beside `out` and renamed into place at the end,
/// so a failed export leaves nothing; an `out` that exists and is not empty is refused. Where a call's timed turns say
/// a CPR or telephone number, an e-mail address or a listed first name, the dataset's copy of its recording has a tone
/// over those turns (the audio folder's copy, and a copy under `audio/` that Kaldi's `wav.scp` names instead of the
/// archive's recording).
public enum DatasetExport {
    public struct Request: Sendable {
        public var format: DatasetFormat
        /// A new or empty folder.
        public var out: String
        public var seed: UInt64
        public var fractions: SplitFractions
        /// The program's version, recorded in `split.json`.
        public var triageVersion: String

        public init(format: DatasetFormat, out: String, seed: UInt64 = 0, fractions: SplitFractions = .standard, triageVersion: String) {
            self.format = format; self.out = out; self.seed = seed; self.fractions = fractions; self.triageVersion = triageVersion
        }
    }

    /// What was written (the manifest of `split.json`) and what was left out (a call without a recording).
    public struct Outcome: Sendable {
        public var manifest: SplitManifest
        public var notices: [String]
    }

    /// Gathers the labelled calls, writes the dataset, and records the export of each call in the audit log.
    public static func run(_ request: Request, taxonomy: Taxonomy, session: ArchiveSession, pseudonymiser: Pseudonymiser,
                           progress: ExportProgressHandler = { _ in }) throws -> Outcome {
        try session.require(.exportCalls)
        try refuseNonEmpty(URL(fileURLWithPath: request.out).standardizedFileURL.path)
        let calls = try gather(session, format: request.format, pseudonymiser: pseudonymiser, progress: progress)
        progress(ExportProgress(step: "writing", done: 0, total: calls.count))
        let outcome = try write(calls, request: request, taxonomy: taxonomy)
        progress(ExportProgress(step: "writing", done: calls.count, total: calls.count))
        try session.recordExport("dataset (\(request.format.rawValue)) of \(calls.count) calls", callIDs: calls.map(\.id))
        return outcome
    }

    /// Splits the calls and writes the dataset into a folder beside `out`, then renames it into place; on a failure
    /// the folder is removed and `out` is untouched.
    static func write(_ calls: [DatasetCall], request: Request, taxonomy: Taxonomy) throws -> Outcome {
        let out = URL(fileURLWithPath: request.out).standardizedFileURL.path
        try refuseNonEmpty(out)
        let splits = StratifiedSplit.assign(calls.map { ($0.id, $0.primary) }, fractions: request.fractions, seed: request.seed)
        let manifest = manifest(calls, splits: splits, request: request, taxonomy: taxonomy)
        let staging = StagedFile.stagingFolder(beside: out)
        try? FileManager.default.removeItem(atPath: staging)
        try DatasetText.makeFolder(staging)
        do {
            let notices = switch request.format {
            case .audiofolder: try AudioFolderWriter.write(calls, splits: splits, into: staging)
            case .kaldi: try KaldiWriter.write(calls, splits: splits, into: staging, finalFolder: out)
            case .jsonl: try JSONLinesWriter.write(calls, splits: splits, into: staging)
            }
            try DatasetText.write(try manifest.json(), to: "\(staging)/split.json")
            StagedFile.flushToDisk()
            try place(staging, at: out)
            return Outcome(manifest: manifest, notices: notices)
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw error
        }
    }

    /// Every call with at least one label, ascending by id, with its recording and where identifiers were said in it
    /// (for the audio formats), or its features (for JSON lines).
    static func gather(_ session: ArchiveSession, format: DatasetFormat, pseudonymiser: Pseudonymiser,
                       progress: ExportProgressHandler = { _ in }) throws -> [DatasetCall] {
        var calls: [DatasetCall] = []
        let summaries = try session.listCalls().sorted(by: { $0.id < $1.id })
        for (done, summary) in summaries.enumerated() {
            if done % 100 == 0 { progress(ExportProgress(step: "reading", done: done, total: summaries.count)) }
            let labels = try session.annotations(ofCall: summary.id)
            guard !labels.isEmpty else { continue }
            var recording: String?, problem: String?
            if format != .jsonl, summary.sampleRate != nil, !summary.path.isEmpty {
                // A recording that is gone (or removed under the retention policy) leaves the call out, and says why.
                do { recording = try session.openRecording(ofCall: summary.id).map { URL(fileURLWithPath: $0.path).standardizedFileURL.path } } catch {
                    problem = "\(error)"
                }
            }
            let features = format == .jsonl ? try session.features(ofCall: summary.id) : []
            let spoken = recording != nil ? pseudonymiser.spokenSpans(in: try session.turns(ofCall: summary.id)) : []
            calls.append(DatasetCall(id: summary.id, durationMs: summary.durationMs, labels: labels, recording: recording, recordingProblem: problem,
                                     features: features, spoken: spoken))
        }
        return calls
    }

    static func manifest(_ calls: [DatasetCall], splits: [Int64: DatasetSplit], request: Request, taxonomy: Taxonomy) -> SplitManifest {
        func ids(_ split: DatasetSplit) -> [Int64] { calls.map(\.id).filter { splits[$0] == split } }
        let versions = Set(calls.flatMap { $0.labels.map { "\($0.taxonomyID)@\($0.taxonomyVersion)" } }).sorted(by: DatasetText.byteOrder)
        let f = request.fractions
        return SplitManifest(format: request.format.rawValue, seed: request.seed, fractions: .init(train: f.train, dev: f.dev, test: f.test),
                             taxonomy: taxonomy.versionTag, labelTaxonomyVersions: versions, triageVersion: request.triageVersion,
                             train: ids(.train), dev: ids(.dev), test: ids(.test),
                             primary: Dictionary(uniqueKeysWithValues: calls.map { (String($0.id), $0.primary) }))
    }

    /// Refuses an `out` that is a file or a folder with anything in it.
    static func refuseNonEmpty(_ out: String) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: out, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else { throw DatasetProblem(path: out, problem: "exists and is not a folder") }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
        guard entries.isEmpty else { throw DatasetProblem(path: out, problem: "exists and is not empty; name a new folder") }
    }

    /// Renames the finished folder into place (an empty `out` is removed first).
    static func place(_ staging: String, at out: String) throws {
        try refuseNonEmpty(out)
        try? FileManager.default.removeItem(atPath: out)
        do { try FileManager.default.moveItem(atPath: staging, toPath: out) } catch {
            throw DatasetProblem(path: out, problem: "cannot be put in place (\((error as NSError).localizedDescription))")
        }
    }
}
