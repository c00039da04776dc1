import Live
import Testing
import TriageCore

@Suite struct LiveTranscriptParserTests {
    @Test func jsonLinesGiveTurnsAndInterimHypotheses() {
        var parser = LiveTranscriptParser()
        let partial = parser.feed(line: #"{"speaker": "caller", "start_ms": 1200, "text": "vandet er", "partial": true}"#)
        #expect(partial == [.turn(Turn(speaker: .caller, speakerLabel: "caller", startMs: 1200, text: "vandet er"), partial: true)])
        let final = parser.feed(line: #"{"speaker": "Jordemoder", "start": 3.4, "end": 5.0, "text": "Hvilken  farve har det?"}"#)
        #expect(final == [.turn(Turn(speaker: .midwife, speakerLabel: "Jordemoder", startMs: 3400, endMs: 5000, text: "Hvilken farve har det?"), partial: false)])
    }

    @Test func webVTTCuesArriveWhenTheirBlankLineDoes() {
        var parser = LiveTranscriptParser()
        #expect(parser.feed(line: "WEBVTT").isEmpty)
        #expect(parser.feed(line: "").isEmpty)
        #expect(parser.feed(line: "00:00:01.000 --> 00:00:02.500").isEmpty)
        #expect(parser.feed(line: "<v Caller>Det er grønt.").isEmpty)
        let events = parser.feed(line: "")
        #expect(events.count == 1)
        guard case .turn(let turn, false) = events.first else { Issue.record("no turn"); return }
        #expect(turn.speaker == .caller && turn.startMs == 1000 && turn.endMs == 2500 && turn.text == "Det er grønt.")
        // A last cue without its blank line counts when the input ends.
        _ = parser.feed(line: "00:00:03.000 --> 00:00:04.000")
        _ = parser.feed(line: "<v Caller>Og det lugter.")
        #expect(parser.flush().count == 1)
    }

    @Test func aLineThatCannotBeReadIsReportedAndTheFeedGoesOn() {
        var parser = LiveTranscriptParser()
        let bad = parser.feed(line: #"{"speaker": "caller", "text": 12}"#)
        guard case .problem(let message) = bad.first else { Issue.record("no problem reported"); return }
        #expect(message.contains("live transcript"))
        #expect(parser.feed(line: #"{"speaker": "caller", "text": "ok"}"#).count == 1)
    }
}
