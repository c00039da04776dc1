import Foundation
@testable import Research
import TestSupport
import Testing

/// Kappa and alpha, per call and per 10 ms frame, against scikit-learn's `cohen_kappa_score` and the `krippendorff`
/// package. The figures below were computed by `Tests/Fixtures/tools/agreement_reference.py` (scikit-learn 1.9.1,
/// krippendorff 0.9.0) on the fixtures in `Tests/Fixtures/agreement`; `theReferenceScriptAgreesToday` runs it again.
@Suite struct AgreementTests {
    /// Reads an agreement fixture: calls with each annotator's spans.
    static func calls(_ name: String) throws -> [AnnotatedCall] {
        let data = try Data(contentsOf: URL(fileURLWithPath: Repository.fixture("agreement/\(name)")))
        let top = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(top["calls"] as? [[String: Any]]).map { call in
            let spans = (call["spans"] as? [String: [[Any]]] ?? [:]).mapValues { list in
                list.map { AnnotatedCall.Span(code: $0[0] as? String ?? "", startMs: $0[1] as? Int ?? 0, endMs: $0[2] as? Int ?? 0) }
            }
            return AnnotatedCall(callID: Int64(call["call_id"] as? Int ?? 0), durationMs: call["duration_ms"] as? Int, spans: spans)
        }
    }

    static let twoAnnotators: [String: (callKappa: Double, callAlpha: Double, frameKappa: Double, frameAlpha: Double)] = [
        "overall": (0.4375, 0.44921875, 0.4598797570024018, 0.45911250355217903),
        "abdominal_pain": (0.0, 0.0, 0.0, -0.02737430167597754),
        "labour_contractions": (0.33333333333333337, 0.38888888888888895, 0.5369348242628764, 0.5359017155049297),
        "rupture_of_membranes": (0.0, 0.05714285714285705, -0.045454545454545414, -0.05863486842105248),
        "vaginal_bleeding": (1.0, 1.0, 0.8042553191489361, 0.8038970481314527),
    ]

    static let threeAnnotators: [String: (callAlpha: Double, frameAlpha: Double)] = [
        "overall": (0.4629629629629629, 0.48140588382384586),
        "labour_contractions": (0.28, 0.3591411298728372),
        "rupture_of_membranes": (0.625, 0.25767204757858964),
        "vaginal_bleeding": (0.5714285714285714, 0.8331334367193528),
    ]

    @Test func twoAnnotatorsMatchScikitLearnAndKrippendorff() throws {
        let report = AgreementReport(try Self.calls("two-annotators.json"))
        #expect(report.annotators == ["anna", "bo"] && report.labelledCalls == 7 && report.sharedCalls == 6)
        #expect(report.callLevel.map(\.reason) == ["overall", "abdominal_pain", "labour_contractions", "rupture_of_membranes", "vaginal_bleeding"])
        for row in report.callLevel {
            let expected = try #require(Self.twoAnnotators[row.reason])
            #expect(row.calls == 6)
            #expect(abs((row.kappa ?? .nan) - expected.callKappa) < 1e-9, "\(row.reason) kappa \(row.kappa as Any)")
            #expect(abs((row.alpha ?? .nan) - expected.callAlpha) < 1e-9, "\(row.reason) alpha \(row.alpha as Any)")
        }
        for row in report.timeLevel {
            let expected = try #require(Self.twoAnnotators[row.reason])
            #expect(row.frames == (row.reason == "overall" ? 3680 : 920))
            #expect(abs((row.kappa ?? .nan) - expected.frameKappa) < 1e-9, "\(row.reason) frame kappa \(row.kappa as Any)")
            #expect(abs((row.alpha ?? .nan) - expected.frameAlpha) < 1e-9, "\(row.reason) frame alpha \(row.alpha as Any)")
        }
    }

    @Test func threeAnnotatorsWithMissingLabelsMatchKrippendorff() throws {
        let report = AgreementReport(try Self.calls("three-annotators.json"))
        #expect(report.annotators == ["anna", "bo", "carl"] && report.sharedCalls == 4)
        for row in report.callLevel {
            let expected = try #require(Self.threeAnnotators[row.reason])
            #expect(row.kappa == nil)
            #expect(abs((row.alpha ?? .nan) - expected.callAlpha) < 1e-9, "\(row.reason) alpha \(row.alpha as Any)")
        }
        for row in report.timeLevel {
            let expected = try #require(Self.threeAnnotators[row.reason])
            #expect(row.kappa == nil && row.frames == (row.reason == "overall" ? 960 : 320))
            #expect(abs((row.alpha ?? .nan) - expected.frameAlpha) < 1e-9, "\(row.reason) frame alpha \(row.alpha as Any)")
        }
    }

    @Test func oneValueThroughoutIsUndefinedNotAFigure() {
        #expect(CohensKappa.of([1, 1, 1], [1, 1, 1], categories: 2) == nil)
        #expect(KrippendorffAlpha.of([[1, 1], [1, nil], [1, 1]], categories: 2) == nil)
        #expect(KrippendorffAlpha.of([[1, nil], [0, nil]], categories: 2) == nil) // nothing pairable
        #expect(CohensKappa.of([0, 1, 0, 1], [0, 1, 0, 1], categories: 2) == 1)
        // Hand-worked: pₒ = 3/4, pₑ = ½·½ + ½·½ = ½, κ = (¾ − ½)/(1 − ½) = ½.
        #expect(CohensKappa.of([1, 0, 1, 1], [1, 0, 0, 1], categories: 3).map { abs($0 - 0.5) < 1e-12 } == true)
    }

    @Test func framesCountedInStretchesEqualFramesCountedOneByOne() throws {
        for call in try Self.calls("two-annotators.json") + Self.calls("three-annotators.json") {
            let annotators = call.annotators
            for reason in ["labour_contractions", "rupture_of_membranes", "vaginal_bleeding"] {
                var stretched: [[Int?]: Int] = [:]
                FrameAgreement.stretches(of: call, reason: reason, annotators: annotators) { stretched[$0, default: 0] += $1 }
                var counted: [[Int?]: Int] = [:]
                for frame in 0..<FrameAgreement.ceilingDivide(call.endMs, 10) {
                    let centre = frame * 10 + 5
                    let values: [Int?] = annotators.map { a in call.spans[a]?.contains { $0.code == reason && $0.startMs <= centre && centre < $0.endMs } == true ? 1 : 0 }
                    counted[values, default: 0] += 1
                }
                #expect(stretched == counted, "call \(call.callID) \(reason)")
            }
        }
    }

    @Test func theDisagreementsNameTheCallsAndReasons() throws {
        let report = AgreementReport(try Self.calls("two-annotators.json"))
        #expect(report.disagreements.map(\.callID) == [1, 2, 3, 5, 7])
        #expect(report.disagreements[2].reasons == [Disagreements.Reason(reason: "labour_contractions", with: ["anna"], without: ["bo"]),
                                                     Disagreements.Reason(reason: "rupture_of_membranes", with: ["bo"], without: ["anna"])])
        let text = AgreementWriter.text(report)
        #expect(text.contains("call 3: labour_contractions (anna; not bo); rupture_of_membranes (bo; not anna)"))
        let json = try AgreementWriter.json(AgreementReport(try Self.calls("three-annotators.json"), code: "vaginal_bleeding"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let rows = try #require(object["call_level"] as? [[String: Any]])
        #expect(rows.map { $0["reason"] as? String } == ["overall", "vaginal_bleeding"])
        #expect(rows[1]["kappa"] is NSNull) // undefined is null, never left out
    }

    @Test func theReferenceScriptAgreesToday() throws {
        let python = Tools.researchPython
        try #require(FileManager.default.isExecutableFile(atPath: python), "the research venv is missing: run make deps (or make research-venv)")
        for name in ["two-annotators.json", "three-annotators.json"] {
            let dir = TemporaryDirectory("agreement-reference")
            let run = try Tools.run(python, [Repository.fixture("tools/agreement_reference.py"), Repository.fixture("agreement/\(name)"), dir.file("out.json")], timeout: 120)
            #expect(run.status == 0, "\(run.output)")
            let output = try Data(contentsOf: URL(fileURLWithPath: dir.file("out.json")))
            let reference = try #require(try JSONSerialization.jsonObject(with: output) as? [String: [String: [String: Any]]])
            let report = AgreementReport(try Self.calls(name))
            for (level, rows) in [("call_level", report.callLevel.map { ($0.reason, $0.kappa, $0.alpha) }),
                                  ("time_level", report.timeLevel.map { ($0.reason, $0.kappa, $0.alpha) })] {
                for (reason, kappa, alpha) in rows {
                    let expected = try #require(reference[level]?[reason], "\(name) \(level) \(reason)")
                    for (ours, theirs, what) in [(kappa, expected["kappa"] as? Double, "kappa"), (alpha, expected["alpha"] as? Double, "alpha")] {
                        #expect((ours == nil) == (theirs == nil), "\(name) \(level) \(reason) \(what)")
                        if let ours, let theirs { #expect(abs(ours - theirs) < 1e-9, "\(name) \(level) \(reason) \(what): \(ours) vs \(theirs)") }
                    }
                }
            }
        }
    }
}
