import Foundation
@testable import Research
import Testing

/// ELAN files: the taxonomy as a controlled vocabulary, a tier per annotator, notes on a dependent tier, ms slots.
@Suite struct EAFLabelsTests {
    let vocabulary = [EAFLabels.VocabularyEntry(code: "labour_contractions", description: "Labour & contractions"),
                      EAFLabels.VocabularyEntry(code: "rupture_of_membranes", description: "Rupture of membranes"),
                      EAFLabels.VocabularyEntry(code: "vaginal_bleeding", description: "Bleeding"),
                      EAFLabels.VocabularyEntry(code: "reduced_fetal_movements", description: "Reduced fetal movements")]

    @Test func aRoundTripKeepsEveryLabelAndNote() throws {
        let written = EAFLabels.write(LabelSamples.sheet, vocabulary: vocabulary, vocabularyName: "test@1")
        #expect(written.notices.contains("anna's labels overlap: 1 put in an extra tier 'anna (2)'"))
        #expect(written.text.contains("<CV_ENTRY_ML CVE_ID=\"cve_labour_contractions\">"))
        #expect(written.text.contains("CVE_REF=\"cve_vaginal_bleeding\""))
        #expect(written.text.contains("TIME_UNITS=\"milliseconds\"") && written.text.contains("TIME_VALUE=\"4005\""))
        #expect(written.text.contains("TIER_ID=\"anna note\""))
        let read = try EAFLabels.read(Data(written.text.utf8))
        #expect(LabelSamples.comparable(read.labels) == LabelSamples.comparable(LabelSamples.labels))
    }

    @Test func theVocabularyEntryNamesTheCodeAndATierWithoutAnnotatorIsNamedByItsID() throws {
        let eaf = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ANNOTATION_DOCUMENT FORMAT="2.8" VERSION="2.8">
              <HEADER TIME_UNITS="milliseconds"/>
              <TIME_ORDER><TIME_SLOT TIME_SLOT_ID="t1" TIME_VALUE="100"/><TIME_SLOT TIME_SLOT_ID="t2" TIME_VALUE="900"/></TIME_ORDER>
              <TIER TIER_ID="carl" LINGUISTIC_TYPE_REF="r">
                <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="x" TIME_SLOT_REF1="t1" TIME_SLOT_REF2="t2" CVE_REF="e1">
                  <ANNOTATION_VALUE>whatever the text says</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>
              </TIER>
              <CONTROLLED_VOCABULARY CV_ID="c"><CV_ENTRY CVE_ID="e1">abdominal_pain</CV_ENTRY></CONTROLLED_VOCABULARY>
            </ANNOTATION_DOCUMENT>
            """
        let read = try EAFLabels.read(Data(eaf.utf8))
        #expect(read.labels == [InterchangeLabel(annotator: "carl", startMs: 100, endMs: 900, code: "abdominal_pain", place: "line 6")])
    }

    /// Foundation's XML parser on Linux trapped on an attribute that is not UTF-8 (found by the fuzzing): refused first.
    @Test func bytesThatAreNotUTF8AndDocumentTypesAreRefusedBeforeTheXMLParser() {
        var bytes = Data("<ANNOTATION_DOCUMENT AUTHOR=\"".utf8)
        bytes.append(contentsOf: [0xFF, 0x41])
        bytes.append(contentsOf: Array("\"/>".utf8))
        #expect { try EAFLabels.read(bytes) } throws: { "\($0)" == "not UTF-8 or UTF-16 text" }
        let entity = "<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY x \"y\">]>\n<ANNOTATION_DOCUMENT/>"
        #expect { try EAFLabels.read(Data(entity.utf8)) } throws: { "\($0)" == "line 2: a document type or entity declaration, which an ELAN file has none of" }
        // A declaration naming another encoding is read as the UTF-8 the bytes are.
        let latin = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><ANNOTATION_DOCUMENT><HEADER TIME_UNITS=\"milliseconds\"/></ANNOTATION_DOCUMENT>"
        #expect((try? EAFLabels.read(Data(latin.utf8)))?.labels == [])
    }

    @Test(arguments: [
        ("<ANNOTATION_DOCUMENT><HEADER TIME_UNITS=\"seconds\"/></ANNOTATION_DOCUMENT>", "line 1: time units 'seconds', not milliseconds"),
        ("<ANNOTATION_DOCUMENT><TIME_ORDER>\n<TIME_SLOT TIME_SLOT_ID=\"t1\" TIME_VALUE=\"-5\"/></TIME_ORDER></ANNOTATION_DOCUMENT>",
         "line 2: time slot 't1' has time '-5', not a whole number of ms from 0 up to a century"),
        ("<ANNOTATION_DOCUMENT><TIME_ORDER><TIME_SLOT TIME_SLOT_ID=\"t1\" TIME_VALUE=\"99999999999999999999\"/></TIME_ORDER></ANNOTATION_DOCUMENT>",
         "line 1: time slot 't1' has time '99999999999999999999', not a whole number of ms from 0 up to a century"),
        ("<ANNOTATION_DOCUMENT><TIME_ORDER><TIME_SLOT TIME_SLOT_ID=\"t1\"/></TIME_ORDER><TIER TIER_ID=\"a\">\n<ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID=\"a1\" TIME_SLOT_REF1=\"t1\" TIME_SLOT_REF2=\"t1\"><ANNOTATION_VALUE>x</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION></TIER></ANNOTATION_DOCUMENT>",
         "line 2: annotation 'a1' refers to a time slot without a time ('t1' or 't1')"),
        ("<ANNOTATION_DOCUMENT><TIME_ORDER><TIME_SLOT TIME_SLOT_ID=\"t1\" TIME_VALUE=\"5\"/></TIME_ORDER><TIER TIER_ID=\"a\"><ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID=\"a1\" TIME_SLOT_REF1=\"t1\" TIME_SLOT_REF2=\"t1\" CVE_REF=\"nope\"><ANNOTATION_VALUE>x</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION></TIER></ANNOTATION_DOCUMENT>",
         "line 1: annotation 'a1' names vocabulary entry 'nope', which the file does not define"),
        ("<ANNOTATION_DOCUMENT><TIER TIER_ID=\"a\"></ANNOTATION_DOCUMENT>", "line 1: "),
        ("<ANNOTATION_DOCUMENT>\n<TIER TIER_ID=\"a\">", "line 2: the file ends inside <TIER> (cut off?)"),
        ("<ANNOTATION_DOCUMENT><TIER", "line 1: "),
        ("<ANNOTATION_DOCUMENT></TIER>", "line 1: not well-formed XML"),
        ("<html/>", "line 1: not an ELAN file (no ANNOTATION_DOCUMENT)"),
    ])
    func malformedFilesAreOneLineWithTheLine(xml: String, message: String) {
        #expect { try EAFLabels.read(Data(xml.utf8)) } throws: { error in
            let text = (error as? LabelFormatProblem)?.description ?? "\(error)"
            return text.hasPrefix(message) && !text.contains("\n")
        }
    }
}
