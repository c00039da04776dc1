import Archive
import Foundation
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
        // What the recording sounds like joins in when it is still where it was ingested from.
        let episodes = call.format == nil ? nil : try? RecordingAnalysis.episodes(audioPath: call.path, channelRoles: call.metadata.channelRoles).episodes
        let assessment = classifier.classify(CallInput(id: String(callID), startedAt: call.metadata.startedAt, metadata: call.metadata,
                                                       turns: turns, acoustic: episodes))
        try archive.store(AssessmentRecord(assessment, callID: callID, taxonomy: classifier.taxonomy))
        return assessment
    }
}
