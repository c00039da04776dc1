import Archive
import Dispatch
import Foundation
import Synchronization
import TriageCore

/// Archives calls: each input is read and checked in full, then stored in one transaction, so a
/// bad file, a crash or a kill never leaves part of a call in the archive. Inputs are prepared on
/// several threads; the archive serialises the writes.
public struct Ingestor: Sendable {
    /// The session that archives (its user is who ingested, in the audit log).
    public let archive: ArchiveSession
    /// How many inputs are prepared at once.
    public let jobs: Int
    /// Compute and store each recording's acoustic summaries with it.
    public let features: Bool

    public init(archive: ArchiveSession, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, features: Bool = true) {
        self.archive = archive
        self.jobs = max(1, jobs)
        self.features = features
    }

    /// Ingests one call.
    /// `channelThreads`: the threads one recording's channels are analysed on (the cores the files leave idle).
    public func ingest(_ item: IngestItem, channelThreads: Int = 1) -> IngestResult {
        do {
            let (sha256, transcriptData) = try CallPreparer.contentHash(of: item)
            // The recording goes into the archive's store before its call is stored, so no call refers to a
            // recording the store lacks; a call archived before the store existed gets its copy when ingested again.
            if let existing = try archive.callID(sha256: sha256) {
                if let audio = item.audioPath { try archive.keepRecording(fileAt: audio, sha256: sha256) }
                return .alreadyPresent(callID: existing)
            }
            let draft = try CallPreparer.draft(for: item, sha256: sha256, transcriptData: transcriptData, features: features,
                                                 channelThreads: channelThreads)
            if let audio = item.audioPath { try archive.keepRecording(fileAt: audio, sha256: sha256) }
            switch try archive.store(draft) {
            case .inserted(let id): return .archived(callID: id, durationMs: draft.durationMs)
            case .alreadyPresent(let id): return .alreadyPresent(callID: id)
            }
        } catch let error as IngestError {
            return .failed(error)
        } catch let error as ArchiveError {
            return .failed(IngestError(path: archive.address, reason: "\(error)".replacingOccurrences(of: "\(archive.address): ", with: "")))
        } catch {
            return .failed(IngestError(path: item.primaryPath, reason: "\(error)"))
        }
    }

    /// Ingests every item, reporting each result to `progress` as it completes (from any thread,
    /// one call at a time); returns the results in the items' order.
    public func ingest(_ items: [IngestItem], progress: any IngestProgress) -> [IngestResult] {
        let results = Mutex([IngestResult?](repeating: nil, count: items.count))
        let next = Atomic<Int>(0)
        let reporting = Mutex(())
        progress.started(total: items.count)
        let workers = min(jobs, max(1, items.count))
        // Fewer files than cores: the rest of the cores take a long recording's channels.
        let channelThreads = max(1, jobs / workers)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < items.count else { return }
                let result = ingest(items[index], channelThreads: channelThreads)
                results.withLock { $0[index] = result }
                reporting.withLock { _ in progress.finished(items[index], result: result) }
            }
        }
        let all = results.withLock { $0.map { $0 ?? .failed(IngestError(path: "?", reason: "not processed")) } }
        var summary = IngestSummary()
        all.forEach { summary.add($0) }
        progress.completed(summary)
        return all
    }
}
