import Foundation
@testable import Research
import Testing

/// Audacity label tracks, WebVTT and SRT: one label per line or cue, `code: note`.
@Suite struct LineLabelFormatsTests {
    @Test func audacityRoundTripsOneAnnotatorsLabels() throws {
        let anna = LabelSamples.of("anna")
        let written = AudacityLabels.write(anna)
        #expect(written.text.hasPrefix("0.000000\t1.250000\tlabour_contractions: hver 5. minut: regelmæssige\n1.000000\t4.005000\trupture_of_membranes\n"))
        let read = try AudacityLabels.read(written.text + "\\\t100.0\t2000.0\n")
        #expect(LabelSamples.comparable(read.labels, annotator: false) == LabelSamples.comparable(anna, annotator: false))
    }

    @Test func audacitysOddNumbersAreClearErrors() {
        for (line, message) in [("1\tx\tlabour_contractions", "line 1: the end 'x' is not a number of seconds"),
                                ("nan\t1\tlabour_contractions", "line 1: the start 'nan' is not a number of seconds"),
                                ("1e400\t1e401\tlabour_contractions", "line 1: the start inf is not a time in seconds (negative, too large or not a number)"),
                                ("-1\t1\tlabour_contractions", "line 1: the start -1.0 is not a time in seconds (negative, too large or not a number)"),
                                ("2\t1\tlabour_contractions", "line 1: the label ends (1) before it starts (2)"),
                                ("1\t2\t", "line 1: a label without a code"),
                                ("just words", "line 1: expected start<TAB>end<TAB>label")] {
            do { _ = try AudacityLabels.read(line); Issue.record("read: \(line)") } catch { #expect("\(error)" == message) }
        }
    }

    @Test func webVTTHoldsEveryAnnotatorAsTheVoice() throws {
        let written = WebVTTLabels.write(LabelSamples.sheet)
        #expect(written.text.contains("00:00:06.000 --> 00:00:07.500\n<v anna>vaginal_bleeding: \"lidt\" blod &amp; &lt;slim&gt;\n"))
        let read = try WebVTTLabels.read(written.text)
        #expect(LabelSamples.comparable(read.labels) == LabelSamples.comparable(LabelSamples.labels))
    }

    @Test func srtRoundTripsOneAnnotatorsLabels() throws {
        let bo = LabelSamples.of("bo")
        let written = SRTLabels.write(bo)
        #expect(written.text.hasPrefix("1\n00:00:00,500 --> 00:00:01,250\nlabour_contractions\n\n2\n00:00:09,999 --> 00:00:12,001\n"))
        let read = try SRTLabels.read(written.text)
        #expect(LabelSamples.comparable(read.labels, annotator: false) == LabelSamples.comparable(bo, annotator: false))
    }

    @Test func aNoteThatCannotBeACueIsChangedAndSaid() throws {
        let label = InterchangeLabel(annotator: "anna", startMs: 0, endMs: 10, code: "vaginal_bleeding", note: "first\n\nthen --> more")
        let written = WebVTTLabels.write(LabelSheet(callID: 1, durationMs: nil, labels: [label]))
        #expect(written.notices == ["1 notes written on one line, '-->' as '->' (WebVTT cue text cannot hold them)"])
        #expect(try WebVTTLabels.read(written.text).labels.first?.note == "first then -> more")
    }

    @Test func badCuesAreOneLineWithTheLine() {
        for (text, message) in [("WEBVTT\n\n00:00:01.000 --> 00:00:99.000\nx", "line 3: bad timestamp '00:00:99.000'"),
                                ("WEBVTT\n\n00:00:02.000 --> 00:00:01.000\nx", "line 3: cue ends (00:00:01.000) before it starts (00:00:02.000)"),
                                ("WEBVTT\n\n99999999999:00:00.000 --> 99999999999:00:01.000\nx", "line 3: bad timestamp '99999999999:00:00.000'"),
                                ("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v anna>", "line 3: a cue without a code"),
                                ("1\n00:00:01,000 --> 00:00:02,000\nx", "line 1: not a WebVTT file (it must start with WEBVTT)")] {
            do { _ = try WebVTTLabels.read(text); Issue.record("read: \(text)") } catch { #expect("\(error)" == message) }
        }
    }
}
