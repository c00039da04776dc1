import Acoustics
import ArgumentParser
import AudioIO
import Foundation
import Ingest
import Language
import Triage
import TriageCore

/// `triage analyze AUDIO`: what a recording sounds like and what its call is about.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Analyse a recording: contraction-like episodes on the caller's channel, and the classification with them.",
        discussion: "The transcript and the .meta.json are taken from beside the recording unless given."
    )

    @Argument(help: "The recording.")
    var audio: String

    @Option(name: .long, help: "A transcript (default: the sidecar with the recording's base name).")
    var transcript: String?

    @Option(name: .long, help: "The caller's record (default: the .meta.json sidecar).")
    var meta: String?

    @Option(name: .long, help: "text or json.")
    var format: ListingFormat = .text

    @OptionGroup var taxonomyOptions: TaxonomyOptions
    @OptionGroup var modelOptions: ModelOptions

    func run() throws {
        let base = (audio as NSString).deletingPathExtension
        let fm = FileManager.default
        var metadata = CallMetadata()
        let metaPath = meta ?? (fm.fileExists(atPath: base + ".meta.json") ? base + ".meta.json" : nil)
        if let metaPath {
            do { metadata = try MetadataFile.read(fileAt: metaPath).metadata } catch { throw CommandFailure(error) }
        }
        let recording: (info: AudioFileInfo, episodes: EpisodeSummary)
        do { recording = try RecordingAnalysis.episodes(audioPath: audio, channelRoles: metadata.channelRoles) } catch {
            throw CommandFailure(error)
        }
        let transcriptPath = transcript ?? IngestDiscovery.transcriptSidecar(forBase: base)
        var turns: [Turn] = []
        if let transcriptPath {
            do { turns = try TranscriptReader.read(fileAt: transcriptPath).turns } catch { throw CommandFailure(error) }
        }
        let classifier = try modelOptions.classifier(taxonomyOptions)
        let taxonomy = classifier.taxonomy
        let input = CallInput(id: ((audio as NSString).lastPathComponent as NSString).deletingPathExtension, startedAt: metadata.startedAt,
                              metadata: metadata, turns: turns, acoustic: recording.episodes)
        let assessment = classifier.classify(input)
        switch format {
        case .json:
            var json = AssessmentJSON.render(assessment)
            if case .object(var fields) = json {
                fields.insert(("audio", .object([("path", .string(audio)), ("format", .string(recording.info.format)),
                                                 ("sample_rate", .integer(recording.info.sampleRate)), ("channels", .integer(recording.info.channels)),
                                                 ("duration_ms", .integer(recording.info.durationMs))])), at: 1)
                fields.insert(("episodes", .array(recording.episodes.episodes.map { e in
                    .object([("start_ms", .integer(e.startMs)), ("end_ms", .integer(e.endMs)), ("character", .string(e.character.rawValue))])
                })), at: 2)
                json = .object(fields)
            }
            Console.out(json.rendered(pretty: true))
        case .text:
            let info = recording.info
            Console.out("\(audio): \(info.format), \(info.sampleRate) Hz, \(info.channels) channel\(info.channels == 1 ? "" : "s"), \(Console.duration(ms: info.durationMs))")
            Console.out(transcriptPath.map { "transcript: \($0) (\(turns.count) turns)" } ?? "transcript: none")
            for e in recording.episodes.episodes {
                Console.out("episode \(CallsShowCommand.clock(e.startMs))–\(CallsShowCommand.clock(e.endMs)) (\(e.durationMs / 1000) s, \(e.character.rawValue))")
            }
            if let minutes = recording.episodes.intervalMinutes { Console.out(String(format: "contraction-like episodes every %.1f min", minutes)) }
            Console.out("")
            Console.out(AssessmentText.render(assessment, taxonomy: taxonomy), terminator: "")
        }
    }
}
