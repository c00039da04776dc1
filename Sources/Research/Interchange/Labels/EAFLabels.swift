import Foundation
import Language
import TriageCore
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Labels as an ELAN annotation file (EAF 3.0). Written with the taxonomy's reasons as the controlled vocabulary
/// `reasons`, one time-aligned tier per annotator (overlapping labels in extra tiers, see `LabelTiers`) whose
/// annotations name their vocabulary entry, a dependent tier `NAME note` holding the notes, and time slots in ms
/// (the document's DATE is fixed, so the same labels always give the same file).
/// Read: every time-aligned annotation is a label (its vocabulary entry's value, else its text), its tier's
/// `ANNOTATOR` (else the tier's name) the annotator; a referring annotation is the note of the one it refers to.
public enum EAFLabels {
    /// One entry of the controlled vocabulary: a reason's code and what it means.
    public struct VocabularyEntry: Sendable, Equatable {
        public var code: String
        public var description: String
        public init(code: String, description: String) { self.code = code; self.description = description }
    }

    public static func write(_ sheet: LabelSheet, vocabulary: [VocabularyEntry], vocabularyName: String) -> WrittenLabels {
        let (tiers, notices) = LabelTiers.layout(sheet.labels)
        var slots: [Int] = []
        var tierXML = "", noteTiers = ""
        var annotationID = 0
        for tier in tiers {
            var body = "", notes = ""
            for label in tier.labels {
                slots.append(label.startMs); slots.append(label.endMs)
                annotationID += 1
                let id = "a\(annotationID)"
                let cve = vocabulary.contains { $0.code == label.code } ? " CVE_REF=\"\(escaped(entryID(label.code)))\"" : ""
                body += """
                        <ANNOTATION>
                            <ALIGNABLE_ANNOTATION ANNOTATION_ID="\(id)"\(cve) TIME_SLOT_REF1="ts\(slots.count - 1)" TIME_SLOT_REF2="ts\(slots.count)">
                                <ANNOTATION_VALUE>\(escaped(label.code))</ANNOTATION_VALUE>
                            </ALIGNABLE_ANNOTATION>
                        </ANNOTATION>

                    """
                if let note = label.note, !note.isEmpty {
                    annotationID += 1
                    notes += """
                            <ANNOTATION>
                                <REF_ANNOTATION ANNOTATION_ID="a\(annotationID)" ANNOTATION_REF="\(id)">
                                    <ANNOTATION_VALUE>\(escaped(note))</ANNOTATION_VALUE>
                                </REF_ANNOTATION>
                            </ANNOTATION>

                        """
                }
            }
            let attributes = "ANNOTATOR=\"\(escaped(tier.annotator))\""
            tierXML += "    <TIER \(attributes) LINGUISTIC_TYPE_REF=\"reason\" TIER_ID=\"\(escaped(tier.name))\">\n\(body)    </TIER>\n"
            if !notes.isEmpty {
                noteTiers += "    <TIER \(attributes) LINGUISTIC_TYPE_REF=\"note\" PARENT_REF=\"\(escaped(tier.name))\" TIER_ID=\"\(escaped(tier.name + " note"))\">\n\(notes)    </TIER>\n"
            }
        }
        let timeOrder = slots.enumerated().map { "        <TIME_SLOT TIME_SLOT_ID=\"ts\($0.offset + 1)\" TIME_VALUE=\"\($0.element)\"/>\n" }.joined()
        let entries = vocabulary.map { entry in
            """
                    <CV_ENTRY_ML CVE_ID="\(escaped(entryID(entry.code)))">
                        <CVE_VALUE DESCRIPTION="\(escaped(entry.description))" LANG_REF="und">\(escaped(entry.code))</CVE_VALUE>
                    </CV_ENTRY_ML>

            """
        }.joined()
        let media = sheet.mediaName.map { "        <MEDIA_DESCRIPTOR MEDIA_URL=\"\(escaped($0))\" RELATIVE_MEDIA_URL=\"./\(escaped($0))\"/>\n" } ?? ""
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ANNOTATION_DOCUMENT AUTHOR="triage" DATE="1970-01-01T00:00:00Z" FORMAT="3.0" VERSION="3.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://www.mpi.nl/tools/elan/EAFv3.0.xsd">
                <HEADER MEDIA_FILE="" TIME_UNITS="milliseconds">
            \(media)        <PROPERTY NAME="triage_call_id">\(sheet.callID)</PROPERTY>
                    <PROPERTY NAME="lastUsedAnnotationId">\(annotationID)</PROPERTY>
                </HEADER>
                <TIME_ORDER>
            \(timeOrder)    </TIME_ORDER>
            \(tierXML)\(noteTiers)    <LINGUISTIC_TYPE CONTROLLED_VOCABULARY_REF="reasons" GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="reason" TIME_ALIGNABLE="true"/>
                <LINGUISTIC_TYPE CONSTRAINTS="Symbolic_Association" GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="note" TIME_ALIGNABLE="false"/>
                <LANGUAGE LANG_ID="und" LANG_LABEL="undetermined (und)"/>
                <CONSTRAINT DESCRIPTION="1-1 association with a parent annotation" STEREOTYPE="Symbolic_Association"/>
                <CONTROLLED_VOCABULARY CV_ID="reasons">
                    <DESCRIPTION LANG_REF="und">\(escaped(vocabularyName))</DESCRIPTION>
            \(entries)    </CONTROLLED_VOCABULARY>
            </ANNOTATION_DOCUMENT>

            """
        var said = notices
        if sheet.labels.contains(where: { $0.channel != nil }) { said.append("an EAF tier holds no channel: the labels' channels are not written") }
        return WrittenLabels(text: text, notices: said)
    }

    /// Reads an EAF file's bytes: UTF-8, or UTF-16 with a BOM.
    public static func read(_ data: Data) throws -> ReadLabels {
        let reader = EAFDocumentReader()
        let parser = XMLParser(data: try checkedUTF8(data))
        parser.shouldResolveExternalEntities = false
        parser.delegate = reader
        let parsed = parser.parse()
        if let problem = reader.problem { throw problem }
        // Foundation's parser on Linux can report success for a file cut off mid-way: its error, and the elements
        // still open, say otherwise.
        if let open = reader.openElements.last { throw LabelFormatProblem(line: parser.lineNumber, "the file ends inside <\(open)> (cut off?)") }
        guard parsed, parser.parserError == nil else {
            let code = parser.parserError.map { " (XML error \(($0 as NSError).code))" } ?? ""
            throw LabelFormatProblem(line: parser.lineNumber, "not well-formed XML\(code)")
        }
        return try reader.labels()
    }

    static func entryID(_ code: String) -> String { "cve_\(code)" }

    /// The file as valid UTF-8 with a declaration that says so, and without a document type: Foundation's XML parser
    /// on Linux traps on text that is not valid UTF-8, and resolves entities, which an ELAN file never declares.
    static func checkedUTF8(_ data: Data) throws -> Data {
        var text: String
        do { text = try TextDecoding.decode(data, allowLatin1: false) } catch let problem as TranscriptParseError { throw LabelFormatProblem(problem) }
        if text.hasPrefix("<?xml"), let end = text.range(of: "?>") {
            let declaration = text[..<end.lowerBound]
            if let encoding = declaration.range(of: #"encoding\s*=\s*["'][^"']*["']"#, options: .regularExpression) {
                text.replaceSubrange(encoding, with: "encoding=\"UTF-8\"")
            }
        }
        if let doctype = text.range(of: "<!DOCTYPE", options: .caseInsensitive) ?? text.range(of: "<!ENTITY", options: .caseInsensitive) {
            let line = text[..<doctype.lowerBound].filter { $0 == "\n" }.count + 1
            throw LabelFormatProblem(line: line, "a document type or entity declaration, which an ELAN file has none of")
        }
        return Data(text.utf8)
    }

    private static func escaped(_ text: String) -> String { XMLText.escaped(text, encodingWhitespace: true) }
}

/// The SAX reader behind `EAFLabels.read`: collects time slots, tiers, annotations and vocabulary entries, then
/// joins them, every problem with its line.
private final class EAFDocumentReader: NSObject, XMLParserDelegate {
    struct Aligned { var id: String; var tier: String; var annotator: String; var slot1: String; var slot2: String; var cveRef: String?; var value = ""; var line: Int }
    struct Referring { var ref: String; var value = ""; var line: Int }

    var problem: LabelFormatProblem?
    /// The elements opened and not yet closed, outermost first.
    private(set) var openElements: [String] = []
    private var sawDocument = false
    private var slots: [String: Int] = [:]
    private var entries: [String: String] = [:]
    private var aligned: [Aligned] = []
    private var referring: [Referring] = []
    private var tier: (id: String, annotator: String)?
    private var currentEntry: String?
    private var text: String?

    func labels() throws -> ReadLabels {
        guard sawDocument else { throw LabelFormatProblem(line: 1, "not an ELAN file (no ANNOTATION_DOCUMENT)") }
        var notes: [String: String] = [:]
        for ref in referring {
            guard aligned.contains(where: { $0.id == ref.ref }) else { throw LabelFormatProblem(line: ref.line, "a note refers to annotation '\(ref.ref)', which is not a time-aligned one") }
            notes[ref.ref] = ref.value
        }
        var labels: [InterchangeLabel] = []
        for a in aligned {
            guard let start = slots[a.slot1], let end = slots[a.slot2] else {
                throw LabelFormatProblem(line: a.line, "annotation '\(a.id)' refers to a time slot without a time ('\(a.slot1)' or '\(a.slot2)')")
            }
            guard end >= start else { throw LabelFormatProblem(line: a.line, "annotation '\(a.id)' ends (\(end) ms) before it starts (\(start) ms)") }
            var code = a.value.trimmingCharacters(in: .whitespacesAndNewlines)
            if let ref = a.cveRef {
                guard let value = entries[ref] else { throw LabelFormatProblem(line: a.line, "annotation '\(a.id)' names vocabulary entry '\(ref)', which the file does not define") }
                code = value.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            let note = notes[a.id].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            labels.append(InterchangeLabel(annotator: a.annotator, startMs: start, endMs: end, code: code,
                                           note: note?.isEmpty == false ? note : nil, place: "line \(a.line)"))
        }
        return ReadLabels(labels: labels)
    }

    private func fail(_ parser: XMLParser, _ message: String) {
        guard problem == nil else { return }
        problem = LabelFormatProblem(line: parser.lineNumber, message)
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        openElements.append(name)
        switch name {
        case "ANNOTATION_DOCUMENT": sawDocument = true
        case "HEADER":
            if let units = attributes["TIME_UNITS"], units != "milliseconds" { fail(parser, "time units '\(units)', not milliseconds") }
        case "TIME_SLOT":
            guard let id = attributes["TIME_SLOT_ID"] else { return fail(parser, "a time slot without TIME_SLOT_ID") }
            guard let value = attributes["TIME_VALUE"] else { return } // an unaligned slot: an annotation that uses it is refused
            guard let ms = Int(value), ms >= 0, ms <= 3_153_600_000_000 else { return fail(parser, "time slot '\(id)' has time '\(value)', not a whole number of ms from 0 up to a century") }
            slots[id] = ms
        case "TIER":
            guard let id = attributes["TIER_ID"] else { return fail(parser, "a tier without TIER_ID") }
            let named = attributes["ANNOTATOR"].map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            tier = (id, named.isEmpty ? LabelTiers.annotator(ofTier: id) : named)
        case "ALIGNABLE_ANNOTATION":
            guard let tier else { return fail(parser, "an annotation outside a tier") }
            guard let id = attributes["ANNOTATION_ID"], let s1 = attributes["TIME_SLOT_REF1"], let s2 = attributes["TIME_SLOT_REF2"] else {
                return fail(parser, "an aligned annotation without ANNOTATION_ID, TIME_SLOT_REF1 or TIME_SLOT_REF2")
            }
            aligned.append(Aligned(id: id, tier: tier.id, annotator: tier.annotator, slot1: s1, slot2: s2, cveRef: attributes["CVE_REF"], line: parser.lineNumber))
            isInsideAligned = true
        case "REF_ANNOTATION":
            guard let ref = attributes["ANNOTATION_REF"] else { return fail(parser, "a referring annotation without ANNOTATION_REF") }
            referring.append(Referring(ref: ref, line: parser.lineNumber))
            isInsideReferring = true
        case "CV_ENTRY_ML", "CV_ENTRY":
            guard let id = attributes["CVE_ID"] else { return fail(parser, "a vocabulary entry without CVE_ID") }
            currentEntry = id
            if name == "CV_ENTRY" { text = "" }
        case "CVE_VALUE":
            if text == nil, currentEntry != nil, entries[currentEntry ?? ""] == nil { text = "" }
        case "ANNOTATION_VALUE": text = ""
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text?.append(string) }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard openElements.last == name else { return fail(parser, "</\(name)> closes <\(openElements.last ?? "nothing")>") }
        openElements.removeLast()
        switch name {
        case "TIER": tier = nil
        case "ANNOTATION_VALUE":
            if let value = text {
                if isInsideReferring, let last = referring.indices.last { referring[last].value = value }
                else if isInsideAligned, let last = aligned.indices.last { aligned[last].value = value }
            }
            text = nil
        case "ALIGNABLE_ANNOTATION": isInsideAligned = false
        case "REF_ANNOTATION": isInsideReferring = false
        case "CVE_VALUE", "CV_ENTRY":
            // The first value of a multilingual entry is the one labels use.
            if let id = currentEntry, let value = text, entries[id] == nil { entries[id] = value }
            text = nil
            if name == "CV_ENTRY" { currentEntry = nil }
        case "CV_ENTRY_ML": currentEntry = nil
        default: break
        }
    }

    private var isInsideAligned = false
    private var isInsideReferring = false
}
