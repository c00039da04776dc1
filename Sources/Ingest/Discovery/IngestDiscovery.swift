import Foundation
import Language

/// Turns the paths given to `triage ingest` into calls to ingest.
///
/// Folders are walked recursively (hidden entries skipped). A recording takes the transcript and
/// `.meta.json` with its base name as sidecars (`call.flac`, `call.vtt`, `call.meta.json`). In a
/// folder, a `.vtt`, `.srt` or `.TextGrid` with no recording is a transcript-only call; a lone
/// `.json` or `.txt` counts only when named on the command line, since folders hold other such files.
/// A file named on the command line with an unknown extension is tried as audio.
public enum IngestDiscovery {
    /// The result: the calls found and the inputs that could not be read.
    public struct Plan: Sendable {
        public var items: [IngestItem]
        /// Inputs that do not exist or cannot be listed, with why.
        public var missing: [(path: String, reason: String)]
    }

    /// The transcript beside a recording or metadata file with base path `base` (the path without its
    /// extension), in the order ingest prefers them: WebVTT, TextGrid, SRT, JSON, plain text.
    public static func transcriptSidecar(forBase base: String) -> String? {
        let formats = TranscriptFormat.allCases.sorted { FileKind.transcriptPreference($0) < FileKind.transcriptPreference($1) }
        let extensions = formats.map { format -> String in
            switch format {
            case .webVTT: return "vtt"
            case .textGrid: return "TextGrid"
            case .srt: return "srt"
            case .json: return "json"
            case .plainText: return "txt"
            }
        }
        return extensions.map { "\(base).\($0)" }.first { FileManager.default.fileExists(atPath: $0) }
    }

    public static func plan(_ paths: [String]) -> Plan {
        let fm = FileManager.default
        var missing: [(String, String)] = []
        var explicit: [String] = []
        var scanned: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                missing.append((path, "no such file or folder"))
                continue
            }
            if isDirectory.boolValue {
                guard let walker = fm.enumerator(at: URL(fileURLWithPath: path), includingPropertiesForKeys: [.isRegularFileKey],
                                                 options: [.skipsHiddenFiles]) else {
                    missing.append((path, "cannot list the folder"))
                    continue
                }
                let base = path.hasSuffix("/") ? String(path.dropLast()) : path
                let root = URL(fileURLWithPath: base).standardizedFileURL.path
                for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
                    let full = url.standardizedFileURL.path
                    // Keep paths as the user wrote the folder, so messages and the archive show them that way.
                    scanned.append(full.hasPrefix(root) ? base + full.dropFirst(root.count) : full)
                }
            } else {
                explicit.append(path)
            }
        }
        return Plan(items: group(explicit: explicit, scanned: scanned.sorted()), missing: missing)
    }

    static func group(explicit: [String], scanned: [String]) -> [IngestItem] {
        let fm = FileManager.default
        var files: [String: (path: String, kind: FileKind, explicit: Bool)] = [:]
        for path in scanned { files[path] = (path, FileKind(path: path), false) }
        for path in explicit {
            let kind = FileKind(path: path)
            files[path] = (path, kind == .other ? .audio : kind, true)
            // Sidecars of an explicitly named file come along from its folder.
            let key = FileKind.baseKey(path)
            let folder = (path as NSString).deletingLastPathComponent
            let listing = (try? fm.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
            for name in listing {
                let sibling = folder.isEmpty ? name : (folder as NSString).appendingPathComponent(name)
                guard files[sibling] == nil, FileKind.baseKey(sibling) == key else { continue }
                let siblingKind = FileKind(path: sibling)
                if siblingKind != .other { files[sibling] = (sibling, siblingKind, false) }
            }
        }
        var groups: [String: [(path: String, kind: FileKind, explicit: Bool)]] = [:]
        for file in files.values { groups[FileKind.baseKey(file.path), default: []].append(file) }

        var items: [IngestItem] = []
        for key in groups.keys.sorted() {
            let members = groups[key] ?? []
            let audio = members.filter { $0.kind == .audio }.map(\.path).sorted()
            let transcripts = members.compactMap { m -> (String, Int, Bool)? in
                if case .transcript(let format) = m.kind { return (m.path, FileKind.transcriptPreference(format), m.explicit) }
                return nil
            // A transcript named on the command line is the one archived; of sidecars, the preferred format.
            }.sorted { ($0.2 ? 0 : 1, $0.1, $0.0) < ($1.2 ? 0 : 1, $1.1, $1.0) }
            let metadata = members.first { $0.kind == .metadata }?.path
            if !audio.isEmpty {
                let transcript = transcripts.first?.0
                for path in audio { items.append(IngestItem(audioPath: path, transcriptPath: transcript, metadataPath: metadata)) }
            } else if let transcript = transcripts.first(where: { t in
                t.2 || [".vtt", ".srt", ".textgrid"].contains { t.0.lowercased().hasSuffix($0) }
            }) {
                items.append(IngestItem(transcriptPath: transcript.0, metadataPath: metadata))
            }
        }
        return items
    }
}
