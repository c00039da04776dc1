import Archive
import ArgumentParser
import Foundation
import Ingest
import Pseudonymisation
import TriageCore

/// `triage calls show ID`: one call's metadata and transcript with timings, the suggestion, the midwife's decision
/// and (for a researcher) the labels and acoustic summaries. Only a session in the midwife's role sees the call as
/// said; to any other (a researcher) every CPR or telephone number, e-mail address and listed first name in the
/// transcript, the notes, the file names and the suggestion's evidence is a keyed pseudonym.
struct CallsShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show",
                                                    abstract: "Show one call: metadata, transcript, suggestion, decision and labels.")

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var taxonomyOptions: TaxonomyOptions
    @OptionGroup var pseudonyms: PseudonymOptions

    @Option(name: .long, help: "text or json.")
    var format: ListingFormat = .text

    @Argument(help: "The call's id (from 'triage calls list').")
    var id: Int64

    func run() throws {
        let store = try archive.open("calls show", requiring: .readCalls)
        let found: (Call, [Turn], AssessmentRecord?)?
        let features: [CallFeatureRecord], labels: [AnnotationRecord], decision: DecisionRecord?
        do {
            found = try store.call(id: id).map { ($0, try store.turns(ofCall: id), try store.latestAssessment(ofCall: id)?.record) }
            features = store.may(.readRecordings) && found != nil ? try store.features(ofCall: id) : []
            labels = store.may(.label) && found != nil ? try store.annotations(ofCall: id) : []
            decision = found != nil ? try store.latestDecision(ofCall: id) : nil
        } catch { throw CommandFailure(error) }
        guard var (call, turns, assessment) = found else { throw CommandFailure(message: "\(store.address): no call with id \(id)") }
        var note = decision?.note
        if !store.may(.decide) {
            let mask = try pseudonyms.load(taxonomy: try taxonomyOptions.locate())
            (call, turns, note) = (Self.pseudonymised(call, mask), turns.map(mask.turn), mask.text(note))
            if let json = assessment?.resultJSON { assessment?.resultJSON = mask.json(json) }
        }
        switch format {
        case .json:
            var object = CallsShowCommand.json(call, turns)
            if case .object(var fields) = object {
                fields.append(("suggestion", assessment.map { .raw($0.resultJSON) } ?? .null))
                fields.append(("decision", decision.map { d in
                    .object([("disposition", .string(d.disposition.rawValue)), ("reasons", .array(d.reasons.map { .string($0.rawValue) })),
                             ("decided_by", .string(d.decidedBy)), ("decided_at", .string(ISO8601DateFormatter().string(from: d.decidedAt))),
                             ("assessment_id", d.assessmentID.map { .integer(Int($0)) } ?? .null), ("note", .optionalString(note)),
                             ("taxonomy", .string("\(d.taxonomyID)@\(d.taxonomyVersion)"))])
                } ?? .null))
                fields.append(("labels", .array(labels.map { l in
                    .object([("id", l.id.map { .integer(Int($0)) } ?? .null), ("code", .string(l.code.rawValue)), ("annotator", .string(l.annotator)),
                             ("start_ms", .integer(l.startMs)), ("end_ms", .integer(l.endMs)), ("channel", .optionalInteger(l.channel)),
                             ("taxonomy", .string("\(l.taxonomyID)@\(l.taxonomyVersion)"))])
                })))
                fields.append(("features", .array(features.map { f in
                    .object([("channel", f.channel.map { .integer($0) } ?? .null), ("feature_set", .string(f.featureSet)),
                             ("extractor_version", .string(f.extractorVersion)), ("values", .raw(f.valuesJSON))])
                })))
                object = .object(fields)
            }
            Console.out(object.rendered(pretty: true))
        case .text:
            var text = CallsShowCommand.text(call, turns)
            if let a = assessment {
                text += "\n  Suggested     \(a.disposition.rawValue) · \(a.reasons.map(\.code.rawValue).joined(separator: ", "))"
                    + (a.redFlags.isEmpty ? "" : " · red flags: \(a.redFlags.map(\.rawValue).joined(separator: ", "))")
                    + "\n                (\(a.taxonomyID)@\(a.taxonomyVersion), \(a.modelVersion))\n"
            }
            if let d = decision {
                text += "  Decided       \(d.disposition.rawValue) · \(d.reasons.map(\.rawValue).joined(separator: ", "))"
                    + " (\(Console.printable(d.decidedBy)), \(ISO8601DateFormatter().string(from: d.decidedAt)))\n"
            } else if assessment != nil {
                text += "  Decided       (not yet)\n"
            }
            for l in labels {
                text += "  Label         \(l.code.rawValue) \(Self.clock(l.startMs))–\(Self.clock(l.endMs)) by \(Console.printable(l.annotator))\n"
            }
            for f in features { text += "  \(Self.featureLine(f))\n" }
            Console.out(text, terminator: "")
        }
    }

    static func text(_ call: Call, _ turns: [Turn]) -> String {
        let m = call.metadata
        var lines = ["Call \(call.id)  \(Console.printable(call.path))"]
        func row(_ label: String, _ value: String?) {
            if let value { lines.append("  \(label.padding(toLength: 14, withPad: " ", startingAt: 0))\(Console.printable(value))") }
        }
        row("Replay of", m.replayOf?.description)
        row("Started", m.startedAt.map { $0.description.replacingOccurrences(of: "T", with: " ") })
        row("Length", call.durationMs.map { Console.duration(ms: $0) })
        row("Audio", call.format.map { "\($0), \(call.sampleRate ?? 0) Hz, \(call.channels) channel\(call.channels == 1 ? "" : "s")" })
        row("Channels", m.channelRoles?.map(\.rawValue).joined(separator: ", "))
        row("Language", m.language)
        row("Caller", m.caller?.rawValue)
        row("Gestation", m.gestationalWeek.map { w in m.gestationalDays.map { "\(w)+\($0)" } ?? "week \(w)" })
        row("First baby", m.firstBaby.map { $0 ? "yes" : "no" })
        row("Postpartum", m.daysPostpartum.map { "day \($0)" })
        row("SHA-256", call.sha256)
        row("Transcript", call.transcriptPath)
        lines.append("")
        if turns.isEmpty { lines.append("  (no transcript)") }
        for turn in turns {
            let time = turn.startMs.map { start in "[\(clock(start))–\(turn.endMs.map(clock) ?? "")] " } ?? ""
            lines.append("  \(time)\(Console.printable(turn.speakerLabel ?? turn.speaker.rawValue)): \(Console.printable(turn.text))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func clock(_ ms: Int) -> String { TimeFormat.position(ms: ms) }

    /// The call with the identifiers in its file names pseudonymised.
    static func pseudonymised(_ call: Call, _ mask: Pseudonymiser) -> Call {
        var c = call
        c.path = mask.text(call.path)
        c.transcriptPath = mask.text(call.transcriptPath)
        return c
    }

    /// One stored acoustic summary in a line: speech, pitch, speaking rate, pauses (or the turn-taking).
    static func featureLine(_ f: CallFeatureRecord) -> String {
        let o = (try? JSONSerialization.jsonObject(with: Data(f.valuesJSON.utf8))) as? [String: Any] ?? [:]
        func n(_ v: Any?) -> Double { (v as? NSNumber)?.doubleValue ?? 0 }
        let label = "Sound".padding(toLength: 14, withPad: " ", startingAt: 0)
        if f.featureSet == "turn-taking" {
            let shares = (o["talk_share"] as? [Any] ?? []).map { "\(Int((n($0) * 100).rounded())) %" }.joined(separator: " / ")
            return "\(label)talk share \(shares), response \(Int(n(o["response_latency_ms"]))) ms, overlap \(Int((n(o["overlap_ratio"]) * 100).rounded())) %"
        }
        let f0 = (o["descriptors"] as? [String: Any])?["f0_hz"] as? [String: Any]
        return "\(label)channel \(f.channel.map(String.init) ?? "-"): speech \(Int((n(o["speech_ratio"]) * 100).rounded())) %, F0 median \(Int(n(f0?["p50"]))) Hz, "
            + String(format: "%.1f syllables/s, %d pauses (%@)", n(o["speaking_rate"]), Int(n(o["pause_count"])), f.extractorVersion)
    }

    static func json(_ call: Call, _ turns: [Turn]) -> JSONValue {
        let m = call.metadata
        return .object([
            ("id", .integer(Int(call.id))), ("sha256", .string(call.sha256)), ("path", .string(call.path)),
            ("format", .optionalString(call.format)), ("sample_rate", .optionalInteger(call.sampleRate)),
            ("channels", .integer(call.channels)), ("frames", .optionalInteger(call.frames.map(Int.init))),
            ("duration_ms", .optionalInteger(call.durationMs)), ("started_at", .optionalString(m.startedAt?.description)),
            ("language", .optionalString(m.language)), (FactName.caller.rawValue, .optionalString(m.caller?.rawValue)),
            (FactName.gestationalWeek.rawValue, .optionalInteger(m.gestationalWeek)), (FactName.gestationalDays.rawValue, .optionalInteger(m.gestationalDays)),
            (FactName.firstBaby.rawValue, m.firstBaby.map(JSONValue.bool) ?? .null), (FactName.daysPostpartum.rawValue, .optionalInteger(m.daysPostpartum)),
            ("channel_roles", m.channelRoles.map { .array($0.map { .string($0.rawValue) }) } ?? .null),
            ("transcript_path", .optionalString(call.transcriptPath)),
            ("replay_of", m.replayOf.map(CallsListCommand.replayJSON) ?? .null),
            ("turns", .array(turns.map { t in
                .object([("speaker", .string(t.speaker.rawValue)), ("speaker_label", .optionalString(t.speakerLabel)),
                         ("start_ms", .optionalInteger(t.startMs)), ("end_ms", .optionalInteger(t.endMs)), ("text", .string(t.text))])
            })),
        ])
    }
}
