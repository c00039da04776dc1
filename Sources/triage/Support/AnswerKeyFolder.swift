import Foundation
import Ingest
import Language
import TriageCore

/// A folder of calls with their answer keys — each `NAME.meta.json` holding `labels` beside a transcript
/// `NAME.vtt` (or another format) — read as the gold lines `triage evaluate` takes.
enum AnswerKeyFolder {
    static func objects(in folder: String) throws -> [(line: Int, object: [String: Any])] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".meta.json") }.sorted()
        var out: [(Int, [String: Any])] = []
        for (index, name) in names.enumerated() {
            let metaPath = (folder as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: metaPath),
                  let meta = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let labels = meta["labels"] as? [String: Any] else { continue }
            let base = String(metaPath.dropLast(".meta.json".count))
            guard let transcript = IngestDiscovery.transcriptSidecar(forBase: base) else {
                throw CommandFailure(message: "\(metaPath): no transcript beside the answer key")
            }
            let turns: [Turn]
            do { turns = try TranscriptReader.read(fileAt: transcript).turns } catch { throw CommandFailure(error) }
            var metadata: [String: Any] = [:]
            for fact in [FactName.gestationalWeek, .gestationalDays, .firstBaby, .caller, .daysPostpartum] { metadata[fact.rawValue] = meta[fact.rawValue] }
            out.append((index + 1, [
                "id": (name as NSString).deletingPathExtension.replacingOccurrences(of: ".meta", with: ""),
                "language": meta["language"] ?? NSNull(), "started_at": meta["started_at"] ?? NSNull(), "metadata": metadata, "labels": labels,
                "turns": turns.map { t -> [String: Any] in
                    ["speaker": t.speaker.rawValue, "text": t.text, "start_ms": t.startMs ?? NSNull(), "end_ms": t.endMs ?? NSNull()]
                },
            ]))
        }
        if out.isEmpty { throw CommandFailure(message: "\(folder): no .meta.json with labels") }
        return out
    }
}
