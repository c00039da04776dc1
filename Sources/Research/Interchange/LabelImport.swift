import Archive
import Foundation
import Language
import TriageCore

/// `triage labels import`: a label file read whole and checked whole — every label's code against the taxonomy, its
/// range, its annotator and its call — before anything is stored, then the labels the archive does not hold yet
/// stored in one transaction. Importing the same file twice stores nothing the second time.
public enum LabelImport {
    public struct Request: Sendable {
        public var path: String
        public var format: LabelFormat
        /// The call the labels are on; for Label Studio, the tasks' `data.call_id` where this is nil.
        public var callID: Int64?
        /// Whose labels they are; when nil, the file's annotators (its tiers, voices, users).
        public var annotator: String?

        public init(path: String, format: LabelFormat, callID: Int64?, annotator: String?) {
            self.path = path; self.format = format; self.callID = callID; self.annotator = annotator
        }
    }

    public struct Outcome: Sendable, Equatable {
        /// Labels stored now.
        public var stored: Int
        /// Labels of the file the archive already held (an earlier import of it).
        public var alreadyPresent: Int
        /// The calls the labels are on.
        public var calls: [Int64]
        /// What the file held that is not a label, passed over.
        public var notices: [String]
    }

    public static func run(_ request: Request, taxonomy: Taxonomy, session: ArchiveSession) throws -> Outcome {
        try session.require(.label)
        let sheets = try read(request.path, format: request.format)
        let records = try check(sheets, request: request, taxonomy: taxonomy)
        var fresh: [AnnotationRecord] = [], present = 0
        for callID in Set(records.map(\.callID)).sorted() {
            var held: [Key: Int] = [:]
            for existing in try session.annotations(ofCall: callID) { held[Key(existing, format: request.format), default: 0] += 1 }
            for record in records where record.callID == callID {
                let key = Key(record, format: request.format)
                if let count = held[key], count > 0 { held[key] = count - 1; present += 1 } else { fresh.append(record) }
            }
        }
        try session.annotate(fresh)
        return Outcome(stored: fresh.count, alreadyPresent: present, calls: Set(records.map(\.callID)).sorted(),
                       notices: sheets.flatMap(\.notices).map { "\(request.path): \($0)" })
    }

    /// Reads a label file of `format`: UTF-8, or UTF-16 with a BOM (as Praat writes), as one or more calls' labels.
    public static func read(_ path: String, format: LabelFormat) throws -> [ReadLabels] {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw LabelFileError(path: path, LabelFormatProblem("cannot be read (\((error as NSError).localizedDescription))"))
        }
        do {
            if format == .eaf { return [try EAFLabels.read(data)] }
            let text: String
            do { text = try TextDecoding.decode(data, allowLatin1: false) } catch let problem as TranscriptParseError { throw LabelFormatProblem(problem) }
            switch format {
            case .textgrid: return [try TextGridLabels.read(text)]
            case .labelstudio: return try LabelStudioLabels.read(Data(text.utf8))
            case .audacity: return [try AudacityLabels.read(text)]
            case .vtt: return [try WebVTTLabels.read(text)]
            case .srt: return [try SRTLabels.read(text)]
            case .eaf: return [try EAFLabels.read(data)]
            }
        } catch let problem as LabelFormatProblem {
            throw LabelFileError(path: path, problem)
        }
    }

    /// The archive's records of the file's labels, or the first problem with its place in the file.
    static func check(_ sheets: [ReadLabels], request: Request, taxonomy: Taxonomy) throws -> [AnnotationRecord] {
        func problem(_ place: String?, _ message: String) -> LabelFileError { LabelFileError(path: request.path, LabelFormatProblem(place: place, message)) }
        let annotatorOverride = request.annotator?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let annotatorOverride, annotatorOverride.isEmpty { throw problem(nil, "the annotator's name is empty") }
        var records: [AnnotationRecord] = []
        for sheet in sheets {
            for label in sheet.labels {
                let callID: Int64
                switch (request.callID, sheet.callID) {
                case (let asked?, let named?) where asked != named:
                    throw problem(label.place, "the labels are on call \(named), not call \(asked) as --call says")
                case (let asked?, _): callID = asked
                case (nil, let named?): callID = named
                case (nil, nil): throw problem(label.place, "the file does not say which call the labels are on: name it with --call")
                }
                guard let annotator = annotatorOverride ?? label.annotator, !annotator.isEmpty else {
                    throw problem(label.place, "the file does not name the annotator: name her with --annotator")
                }
                guard taxonomy.reason(label.code) != nil else {
                    throw problem(label.place, "unknown code '\(label.code)' (not a contact reason of \(taxonomy.versionTag))")
                }
                guard label.startMs >= 0, label.endMs > label.startMs else {
                    throw problem(label.place, "the label '\(label.code)' has no length (\(label.startMs)–\(label.endMs) ms)")
                }
                records.append(AnnotationRecord(callID: callID, annotator: annotator, channel: label.channel, startMs: label.startMs, endMs: label.endMs,
                                                code: LabelCode(rawValue: label.code), taxonomyID: taxonomy.id, taxonomyVersion: taxonomy.version,
                                                note: label.note))
            }
        }
        return records
    }

    /// What makes an imported label the same as one the archive holds: everything the format can hold.
    struct Key: Hashable {
        var annotator: String, startMs: Int, endMs: Int, code: String, note: String?, channel: Int?

        init(_ record: AnnotationRecord, format: LabelFormat) {
            annotator = record.annotator; startMs = record.startMs; endMs = record.endMs; code = record.code.rawValue
            // Notes compare by their words: a one-line format writes a note's line breaks as spaces.
            let words = record.note.map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            note = words?.isEmpty == true ? nil : words
            channel = format.holdsChannel ? record.channel : nil
        }
    }
}
