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

    public static func run(_ request: Request, taxonomy: Taxonomy, session: ArchiveSession, pseudonymiser: Pseudonymiser) throws -> Outcome {
        try session.require(.label)
        let everything = request.callIDs.isEmpty
        let ids = everything ? try session.listCalls().map(\.id).sorted() : request.callIDs
        var sheets: [LabelSheet] = []
        for id in ids {
            guard let call = try session.call(id: id) else { throw ArchiveError.notFound("no call with id \(id)") }
            let labels = try session.annotations(ofCall: id, annotator: request.annotator)
            if everything, labels.isEmpty, !request.format.holdsManyCalls { continue }
            sheets.append(LabelSheet(callID: id, durationMs: call.durationMs, mediaName: call.format.map { "call-\(id).\($0)" },
                                     labels: labels.map { interchange($0, pseudonymiser) }))
        }
        let files = try render(sheets, request: request, taxonomy: taxonomy)
        let paths = try write(files, to: request.out, format: request.format)
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

    /// Writes one file to `out`, or several into the folder `out`; returns the paths written.
    static func write(_ files: [File], to out: String, format: LabelFormat) throws -> [String] {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: out, isDirectory: &isFolder)
        let intoFolder = (exists && isFolder.boolValue) || files.count != 1
        if intoFolder && !(exists && isFolder.boolValue) {
            if out.lowercased().hasSuffix(".\(format.fileExtension.lowercased())") {
                throw ArchiveError.file(path: out, problem: "the export is \(files.count) files: --out must name a folder")
            }
            do { try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true) } catch {
                throw ArchiveError.file(path: out, problem: "cannot create the folder (\((error as NSError).localizedDescription))")
            }
        }
        var paths: [String] = []
        for file in files {
            let path = intoFolder ? URL(fileURLWithPath: out).appendingPathComponent(file.name).path : out
            do { try Data(file.written.text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
                throw ArchiveError.file(path: path, problem: "cannot be written (\((error as NSError).localizedDescription))")
            }
            paths.append(path)
        }
        return paths
    }

    /// An annotator's name as part of a file name.
    static func safe(_ name: String) -> String {
        let kept = String(name.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-" ? $0 : "_" })
        return kept.isEmpty || kept.hasPrefix(".") ? "_" + kept : kept
    }
}
