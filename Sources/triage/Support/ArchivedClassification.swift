import Archive
import Acoustics
import Foundation
import Ingest
import Live
import Triage
import TriageCore

/// Classifies archived calls from their stored transcript and record, and stores the suggestion beside
/// them with the taxonomy and model versions.
struct ArchivedClassification {
    let archive: ArchiveSession
    let classifier: TriageClassifier

    /// Classifies one archived call and stores the assessment; `nil` when the call has no transcript.
    func classifyAndStore(callID: Int64) throws -> Assessment? {
        guard let (call, turns) = try archive.callForClassification(id: callID) else {
            throw CommandFailure(message: "\(archive.address): no call with id \(callID)")
        }
        guard !turns.isEmpty else { return nil }
        // What the recording sounds like joins in (the store's copy, else the original); a recording that cannot be read
        // leaves the suggestion to the words, and says so.
        var episodes: EpisodeSummary?
        if call.format != nil, let path = archive.recordingPath(of: call) {
            do { episodes = try RecordingAnalysis.episodes(audioPath: path, channelRoles: call.metadata.channelRoles).episodes } catch {
                Console.err("warning: call \(callID): \(Console.printable(path)): the recording could not be analysed (\(error)); suggested from its words alone")
            }
        }
        let assessment = classifier.classify(CallInput(id: String(callID), startedAt: call.metadata.startedAt, metadata: call.metadata,
                                                       turns: turns, acoustic: episodes))
        try archive.store(AssessmentRecord(assessment, callID: callID, taxonomy: classifier.taxonomy))
        return assessment
    }
}
