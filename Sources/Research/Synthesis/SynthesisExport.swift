import Archive
import Foundation
import TriageCore

/// `triage synth`: synthetic calls for sharing, sampled from the archive's aggregate statistics (small cells
/// suppressed) and written as `calls.jsonl` in the call-record format, `profile.json` (the aggregates used and what was
/// suppressed) and, when asked, `audio/ID.wav` per call through espeak-ng. No line repeats a line of a real call in
/// the archive. Everything is written into a folder beside `out` and renamed into place at the end, so a failure leaves
/// nothing; an `out` that exists and is not empty is refused.
public enum SynthesisExport {
    public struct Request: Sendable {
        public var count: Int
        public var seed: UInt64
        /// A new or empty folder.
        public var out: String
        /// Synthetic audio through espeak-ng, one WAV per call.
        public var audio: Bool
        /// Counts below this are suppressed (at least `SmallCellSuppression.threshold`).
        public var minCell: Int
        public var source: StatsSource

        public init(count: Int, seed: UInt64 = 0, out: String, audio: Bool = false, minCell: Int = 5, source: StatsSource = .suggested) {
            self.count = count; self.seed = seed; self.out = out; self.audio = audio; self.minCell = minCell; self.source = source
        }
    }

    /// What was written.
    public struct Outcome: Sendable {
        public var profile: SynthesisProfile
        public var calls: Int
        public var audioFiles: Int
    }

    /// The smallest `minCell` allowed: the unit's small-cell threshold.
    public static let smallestMinCell = 5

    /// Checks the request, reads the profile and the real lines, writes the folder and records the export in the audit log.
    ///
    /// - Parameter speech: espeak-ng, needed only for `audio` (nil: not installed).
    public static func run(_ request: Request, taxonomy: Taxonomy, session: ArchiveSession,
                           speech: SpeechSynthesiser? = SpeechSynthesiser.locate()) throws -> Outcome {
        try check(request, speech: speech)
        try session.require(.exportCalls)
        let out = URL(fileURLWithPath: request.out).standardizedFileURL.path
        try DatasetExport.refuseNonEmpty(out)
        let profile = try SynthesisProfile.read(from: session, source: request.source, minCell: request.minCell,
                                                knownReasons: taxonomy.reasons.map(\.code),
                                                defaultDisposition: { taxonomy.reason($0)?.defaultDisposition?.rawValue })
        let generator = SyntheticCallGenerator(profile: profile, taxonomy: taxonomy, realLines: RealLines(try session.everyTurnText()))
        guard generator.canGenerate else {
            throw SynthesisProblem(message: "\(session.address): no contact reason is counted \(request.minCell) times or more "
                                   + "(\(profile.calls) calls with a \(request.source == .confirmed ? "decision" : "suggestion")); nothing to sample from")
        }
        let written = try write(generator, profile: profile, request: request, taxonomy: taxonomy, to: out, speech: request.audio ? speech : nil)
        try session.recordExport("synthetic data: \(written) calls (seed \(request.seed)) from the aggregates of \(profile.calls) calls, "
                                 + "cells under \(request.minCell) suppressed\(request.audio ? ", with audio" : "")")
        return Outcome(profile: profile, calls: written, audioFiles: request.audio ? written : 0)
    }

    /// Refuses a count out of range, a `minCell` under the unit's threshold and audio without espeak-ng.
    public static func check(_ request: Request, speech: SpeechSynthesiser?) throws {
        guard (1...SyntheticCallGenerator.maximumCount).contains(request.count) else {
            throw SynthesisProblem(message: "--count must be from 1 to \(SyntheticCallGenerator.maximumCount), not \(request.count)")
        }
        guard request.minCell >= smallestMinCell else {
            throw SynthesisProblem(message: "--min-cell must be \(smallestMinCell) or more (the unit's small-cell threshold), not \(request.minCell)")
        }
        guard request.source != .labelled else {
            throw SynthesisProblem(message: "researchers' labels carry no disposition; use --source suggested or confirmed")
        }
        if request.audio, speech == nil {
            throw SynthesisProblem(message: "--audio needs espeak-ng, which is not installed (Debian: apt-get install espeak-ng)")
        }
    }

    /// Writes the folder beside `out`, a call at a time, and renames it into place; on a failure the folder is removed
    /// and `out` untouched. Returns how many calls were written.
    static func write(_ generator: SyntheticCallGenerator, profile: SynthesisProfile, request: Request, taxonomy: Taxonomy, to out: String,
                      speech: SpeechSynthesiser?) throws -> Int {
        let staging = "\((out as NSString).deletingLastPathComponent)/.\((out as NSString).lastPathComponent).partial-\(getpid())"
        // A folder left by an earlier run of this process id that cannot be removed is a failure, not a base to write on.
        if FileManager.default.fileExists(atPath: staging) {
            do { try FileManager.default.removeItem(atPath: staging) } catch {
                throw SynthesisProblem(message: "\(staging): left by an earlier run and cannot be removed (\((error as NSError).localizedDescription))")
            }
        }
        try DatasetText.makeFolder(staging)
        do {
            if speech != nil { try DatasetText.makeFolder("\(staging)/audio") }
            let lines = try LineFile(path: "\(staging)/calls.jsonl")
            var count = 0
            try generator.each(count: request.count, seed: request.seed) { call in
                try lines.append(call.jsonLine)
                try speech?.speak(call.turns.map(\.text), language: call.language, to: "\(staging)/audio/\(call.id).wav")
                count += 1
            }
            try lines.close()
            let manifest = JSONValue.object([("count", .integer(count)), ("seed", .string(String(request.seed))),
                                             ("taxonomy", .string(taxonomy.versionTag)), ("profile", profile.json)])
            try DatasetText.write(manifest.rendered(pretty: true) + "\n", to: "\(staging)/profile.json")
            try DatasetExport.place(staging, at: out)
            return count
        } catch {
            // The failure is what is reported; a staging folder that cannot be removed as well is only hidden clutter.
            try? FileManager.default.removeItem(atPath: staging)
            throw error
        }
    }
}
