import Archive
import Foundation
import Pseudonymisation
import TriageCore

/// `triage labels export`: the labels of a selection of calls written in an interchange format — one file per call
/// (per call and annotator for the formats that name no annotator), or one file of tasks for Label Studio — with what
/// the format could not hold said as notices, never dropped silently. Every note goes through the pseudonymiser: no
/// CPR or telephone number, e-mail address or listed first name leaves in one.
public enum LabelExport {
    public struct Request: Sendable {
        /// The calls; empty for every call that has labels.
        public var callIDs: [Int64]
        public var format: LabelFormat
        /// A file when the export is one file, else a folder (created if missing).
        public var out: String
        /// Only this annotator's labels, when given.
        public var annotator: String?
        /// Label Studio: write the labels as predictions (to pre-annotate) instead of annotations.
        public var asPredictions: Bool

        public init(callIDs: [Int64], format: LabelFormat, out: String, annotator: String? = nil, asPredictions: Bool = false) {
            self.callIDs = callIDs; self.format = format; self.out = out; self.annotator = annotator; self.asPredictions = asPredictions
        }
    }

    public struct Outcome: Sendable, Equatable {
        public var files: [String]
        public var calls: Int
        public var labels: Int
        public var notices: [String]
    }

    /// A file to write: its name in the folder, what it holds (`call 3`, `call 3, anna`) and its text.
    struct File { var name: String; var subject: String; var written: WrittenLabels }

    /// Reads the calls' labels, writes the files, and records the export of each call in the audit log (one transaction).
    public static func run(_ request: Request, taxonomy: Taxonomy, session: ArchiveSession, pseudonymiser: Pseudonymiser,
                           progress: ExportProgressHandler = { _ in }) throws -> Outcome {
        try session.require(.label)
        let everything = request.callIDs.isEmpty
        let ids = everything ? try session.listCalls().map(\.id).sorted() : request.callIDs
        let calls = try session.calls(ids: ids)
        var sheets: [LabelSheet] = []
        for (done, id) in ids.enumerated() {
            if done % 100 == 0 { progress(ExportProgress(step: "reading", done: done, total: ids.count)) }
            guard let call = calls[id] else { throw ArchiveError.notFound("no call with id \(id)") }
            let labels = try session.annotations(ofCall: id, annotator: request.annotator)
            if everything, labels.isEmpty, !request.format.holdsManyCalls { continue }
            sheets.append(LabelSheet(callID: id, durationMs: call.durationMs, mediaName: call.format.map { "call-\(id).\($0)" },
                                     labels: labels.map { interchange($0, pseudonymiser) }))
        }
        progress(ExportProgress(step: "reading", done: ids.count, total: ids.count))
        let files = try render(sheets, request: request, taxonomy: taxonomy)
        let paths = try write(files, to: request.out, format: request.format, progress: progress)
        try session.recordExport("labels (\(request.format.rawValue)) of \(sheets.count) calls", callIDs: sheets.map(\.callID))
        let notices = files.flatMap { file in file.written.notices.map { "\(file.subject): \($0)" } }
        return Outcome(files: paths, calls: sheets.count, labels: sheets.map(\.labels.count).reduce(0, +), notices: notices)
    }

    static func interchange(_ record: AnnotationRecord, _ pseudonymiser: Pseudonymiser) -> InterchangeLabel {
        InterchangeLabel(annotator: record.annotator, startMs: record.startMs, endMs: record.endMs, code: record.code.rawValue,
                         note: pseudonymiser.text(record.note), channel: record.channel)
    }

    /// The files of an export, named `call-ID.EXT` (`call-ID-ANNOTATOR.EXT` where a file holds one annotator).
    static func render(_ sheets: [LabelSheet], request: Request, taxonomy: Taxonomy) throws -> [File] {
        let format = request.format
        switch format {
        case .labelstudio:
            return [File(name: "labels.json", subject: "tasks", written: try LabelStudioLabels.write(sheets, asPredictions: request.asPredictions))]
        case .textgrid, .eaf, .vtt:
            let vocabulary = taxonomy.reasons.map { EAFLabels.VocabularyEntry(code: $0.code, description: $0.label.text(for: "en")) }
            return sheets.map { sheet in
                let written = switch format {
                case .textgrid: TextGridLabels.write(sheet)
                case .eaf: EAFLabels.write(sheet, vocabulary: vocabulary, vocabularyName: taxonomy.versionTag)
                default: WebVTTLabels.write(sheet)
                }
                return File(name: "call-\(sheet.callID).\(format.fileExtension)", subject: "call \(sheet.callID)", written: written)
            }
        case .audacity, .srt:
            return sheets.flatMap { sheet -> [File] in
                let byAnnotator = Dictionary(grouping: sheet.labels) { $0.annotator ?? "unknown" }
                if byAnnotator.isEmpty {
                    return [File(name: "call-\(sheet.callID).\(format.fileExtension)", subject: "call \(sheet.callID)", written: WrittenLabels(text: ""))]
                }
                return byAnnotator.keys.sorted().map { annotator in
                    let labels = byAnnotator[annotator] ?? []
                    let written = format == .audacity ? AudacityLabels.write(labels) : SRTLabels.write(labels)
                    return File(name: "call-\(sheet.callID)-\(safe(annotator)).\(format.fileExtension)", subject: "call \(sheet.callID), \(annotator)", written: written)
                }
            }
        }
    }

    /// Writes one file to `out` (atomically), or several into the folder `out`; returns the paths written. Several
    /// files are written into a staging folder, flushed to disk once, and renamed into place only when every one is
    /// written: a failure leaves `out` as it was.
    static func write(_ files: [File], to out: String, format: LabelFormat, progress: ExportProgressHandler = { _ in }) throws -> [String] {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: out, isDirectory: &isFolder)
        let intoFolder = (exists && isFolder.boolValue) || files.count != 1
        guard intoFolder else {
            do { try Data((files.first?.written.text ?? "").utf8).write(to: URL(fileURLWithPath: out), options: .atomic) } catch {
                throw ArchiveError.file(path: out, problem: "cannot be written (\((error as NSError).localizedDescription))")
            }
            return [out]
        }
        if !exists, out.lowercased().hasSuffix(".\(format.fileExtension.lowercased())") {
            throw ArchiveError.file(path: out, problem: "the export is \(files.count) files: --out must name a folder")
        }
        let folder = URL(fileURLWithPath: out).standardizedFileURL
        // Staging inside an existing folder (the same file system, files renamed up one by one), else beside it (renamed whole).
        let staging = exists ? folder.appendingPathComponent(".partial-\(getpid())") : URL(fileURLWithPath: StagedFile.stagingFolder(beside: folder.path))
        let fm = FileManager.default
        do {
            try? fm.removeItem(at: staging)
            do { try fm.createDirectory(at: staging, withIntermediateDirectories: true) } catch {
                throw ArchiveError.file(path: out, problem: "cannot create the folder (\((error as NSError).localizedDescription))")
            }
            for (done, file) in files.enumerated() {
                if done % 100 == 0 { progress(ExportProgress(step: "writing", done: done, total: files.count)) }
                let path = staging.appendingPathComponent(file.name)
                do { try StagedFile.write(file.written.text, to: path.path) } catch {
                    throw ArchiveError.file(path: folder.appendingPathComponent(file.name).path, problem: "cannot be written (\(error.reason))")
                }
            }
            progress(ExportProgress(step: "writing", done: files.count, total: files.count))
            StagedFile.flushToDisk()
            try place(files.map(\.name), from: staging, into: folder, whole: !exists)
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
        return files.map { folder.appendingPathComponent($0.name).path }
    }

    /// Moves the staged files into `folder`: the staging folder itself when `whole`, else file by file (replacing).
    static func place(_ names: [String], from staging: URL, into folder: URL, whole: Bool) throws {
        if whole {
            guard rename(staging.path, folder.path) == 0 else {
                throw ArchiveError.file(path: folder.path, problem: "cannot be put in place (\(String(cString: strerror(errno))))")
            }
            return
        }
        for name in names where rename(staging.appendingPathComponent(name).path, folder.appendingPathComponent(name).path) != 0 {
            throw ArchiveError.file(path: folder.appendingPathComponent(name).path, problem: "cannot be put in place (\(String(cString: strerror(errno))))")
        }
        try? FileManager.default.removeItem(at: staging)
    }

    /// An annotator's name as part of a file name.
    static func safe(_ name: String) -> String {
        let kept = String(name.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-" ? $0 : "_" })
        return kept.isEmpty || kept.hasPrefix(".") ? "_" + kept : kept
    }
}
