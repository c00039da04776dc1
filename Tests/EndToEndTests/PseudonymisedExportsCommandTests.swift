import AudioIO
import Foundation
import TestSupport
import Testing

/// No export and no researcher's view holds an identifier: an archive of two recorded calls (Danish and English) whose
/// file names, turns, the midwife's note and the labels' notes hold CPR numbers (written, said digit by digit and in
/// pairs, as a recogniser writes them), telephone numbers, e-mail addresses and listed first names is exported in
/// every format, and each output is scanned for anything CPR-like and for the raw identifiers; the datasets' audio is
/// beeped where they were said. The midwife's own view is scanned too, and must hold them (so the scan can fail).
@Suite(.serialized) struct PseudonymisedExportsCommandTests {
    let dir = TemporaryDirectory("pseudonyms-e2e")
    var db: String { dir.file("t.sqlite") }
    var env: [String: String] { ["TRIAGE_RECORDINGS": dir.file("store"), "TRIAGE_PSEUDONYM_KEY": dir.file("keys/pseudonym.key")] }
    static let rate = 16_000
    static let danishName = "opkald-0101901234"

    struct Failed: Error { var message: String }

    init() throws {
        try SyntheticAudio.write(dir.file("calls/\(Self.danishName).wav"), seconds: 20, rate: Self.rate, seed: 3)
        try dir.write("calls/\(Self.danishName).vtt", """
            WEBVTT

            00:00:01.000 --> 00:00:04.000
            <v Jordemoder>Fødemodtagelsen, du taler med jordemoder Hanne.</v>

            00:00:04.500 --> 00:00:08.000
            <v Kvinde>Hej, jeg hedder Mette Hansen, mit cpr nummer er 010190-1234.</v>

            00:00:08.500 --> 00:00:11.000
            <v Jordemoder>Og dit telefonnummer?</v>

            00:00:11.500 --> 00:00:14.000
            <v Kvinde>tyve tredive fyrre halvtreds eller mette.hansen@example.dk</v>

            00:00:14.500 --> 00:00:17.000
            <v Kvinde>min mands cpr er nul to nul to femogfirs seksoghalvtreds otteoghalvfjerds og han hedder søren</v>

            00:00:17.500 --> 00:00:19.500
            <v Jordemoder>Tak. Du er 38+2, og veerne kommer hvert 5. minut siden kl. 14.30.</v>

            """)
        try SyntheticAudio.write(dir.file("english/english-call.wav"), seconds: 12, rate: Self.rate, seed: 4)
        try dir.write("english/english-call.vtt", """
            WEBVTT

            00:00:01.000 --> 00:00:05.000
            <v Caller>hi this is emma my cpr is oh three oh three nine one one two three four</v>

            00:00:05.500 --> 00:00:09.000
            <v Caller>my phone is four five two two three three four four five five and emma dot jones at example dot com</v>

            00:00:09.500 --> 00:00:11.500
            <v Midwife>thank you, how many weeks are you?</v>

            """)
        // The Danish call is call 1, the English call 2.
        for folder in ["calls", "english"] {
            let ingest = try CommandRun.triage(["ingest", "--db", db, dir.file(folder)], environment: env)
            guard ingest.status == 0 else { throw Failed(message: ingest.stderr) }
        }
        for arguments in [
            ["decide", "--db", db, "1", "--disposition", "attend_soon", "--note", "Ring til Mette på 20 30 40 50, cpr 0101901234"],
            ["labels", "add", "--db", db, "1", "--code", "labour_contractions", "--start-ms", "4500", "--end-ms", "8000",
             "--note", "Mette siger cpr 010190-1234, mail mette.hansen@example.dk"],
            ["labels", "add", "--db", db, "1", "--code", "rupture_of_membranes", "--start-ms", "11000", "--end-ms", "17000"],
            ["labels", "add", "--db", db, "2", "--code", "labour_contractions", "--start-ms", "1000", "--end-ms", "9000",
             "--note", "emma: 0303911234, +45 22 33 44 55"],
        ] {
            let run = try CommandRun.triage(arguments, environment: env)
            guard run.status == 0 else { throw Failed(message: "\(arguments): \(run.stderr)") }
        }
    }

    /// A number word of either language, one digit or two ("fireogtredive", "thirty").
    static let spoken = [
        "nul|en|et|to|tre|fire|fem|seks|syv|otte|ni|ti|elleve|tolv|tretten|fjorten|femten|seksten|sytten|atten|nitten",
        "[a-zæø]*og(?:tyve|tredive|fyrre|halvtreds|tres|halvfjerds|firs|halvfems)|tyve|tredive|fyrre|halvtreds|tres|halvfjerds|firs|halvfems",
        "oh|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen",
        "nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety",
    ].joined(separator: "|")

    /// What in `text` is CPR-like or one of the identifiers the calls hold.
    static func leaks(_ text: String) -> [String] {
        var found: [String] = []
        let patterns = [
            // Ten digits, with or without a dash or spaces between pairs (not inside a longer number or a hex id).
            #"(?<![0-9A-Za-z.])\d{2}[ -]?\d{2}[ -]?\d{2}[ -]?\d{2}[ -]?\d{2}(?![0-9A-Za-z])"#,
            // The telephone numbers, written.
            #"20 ?30 ?40 ?50|22 ?33 ?44 ?55"#,
            // Five or more number words in a row, in either language: a number said aloud.
            "(?i)\\b(?:(?:\(spoken))[ ,-]+){4,}(?:\(spoken))\\b",
            // The addresses and names, written or said.
            #"(?i)mette\.hansen|emma dot jones|@example|\b(?:mette|søren|soren|hanne|emma)\b"#,
        ]
        for pattern in patterns {
            var from = text.startIndex
            while let r = text.range(of: pattern, options: .regularExpression, range: from..<text.endIndex) {
                found.append(String(text[r]))
                from = r.upperBound
            }
        }
        return found
    }

    /// Every text file under `folder`, by path.
    func texts(under folder: String) throws -> [(String, String)] {
        let files = try FileManager.default.subpathsOfDirectory(atPath: folder).filter { !$0.hasSuffix(".wav") && !$0.hasSuffix(".flac") }
        return try files.compactMap { name -> (String, String)? in
            var isFolder: ObjCBool = false
            let path = "\(folder)/\(name)"
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else { return nil }
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            // TextGrid may be written as UTF-16; everything else is UTF-8.
            return (path, String(data: data, encoding: .utf8) ?? String(data: data, encoding: .utf16) ?? "")
        }
    }

    func run(_ arguments: [String]) throws -> CommandRun {
        let run = try CommandRun.triage(arguments + ["--db", db], environment: env)
        #expect(run.status == 0, "\(arguments): \(run.stderr)")
        return run
    }

    @Test func noExportAndNoResearchersViewHoldsAnIdentifier() throws {
        var outputs: [(String, String)] = []
        for format in ["textgrid", "eaf", "labelstudio", "audacity", "vtt", "srt"] {
            let out = dir.file("labels-\(format)")
            let r = try run(["labels", "export", "--all", "--format", format, "--out", out, "--role", "researcher"])
            outputs += try texts(under: out) + [("labels export \(format) (output)", r.stdout + r.stderr)]
        }
        for format in ["audiofolder", "kaldi", "jsonl"] {
            let out = dir.file("dataset-\(format)")
            let r = try run(["export", "dataset", "--format", format, "--out", out, "--role", "researcher"])
            outputs += try texts(under: out) + [("export dataset \(format) (output)", r.stdout + r.stderr)]
        }
        outputs.append(("export fhir", try run(["export", "fhir", "--role", "researcher"]).stdout))
        for call in ["1", "2"] {
            for format in ["text", "json"] {
                outputs.append(("calls show \(call) \(format)", try run(["calls", "show", call, "--format", format, "--role", "researcher"]).stdout))
            }
        }
        for format in ["text", "json"] {
            outputs.append(("calls list \(format)", try run(["calls", "list", "--format", format, "--role", "researcher"]).stdout))
            for call in ["1", "2"] { outputs.append(("labels list \(call) \(format)", try run(["labels", "list", call, "--format", format]).stdout)) }
        }
        for format in ["csv", "csv-da", "json", "md", "fhir"] {
            outputs.append(("stats \(format)", try run(["stats", "--format", format, "--role", "researcher"]).stdout))
        }
        #expect(outputs.count > 25)
        for (name, text) in outputs {
            #expect(Self.leaks(text) == [], "\(name)")
        }
        // The pseudonyms are there instead, the same for the same person everywhere; the near-misses are untouched.
        let show = try #require(outputs.first { $0.0 == "calls show 1 text" }?.1)
        #expect(show.contains("[CPR-") && show.contains("[TLF-") && show.contains("[EMAIL-") && show.contains("[NAVN-"), "\(show)")
        #expect(show.contains("38+2") && show.contains("kl. 14.30"), "\(show)")
        let cpr = try #require(show.range(of: #"\[CPR-[0-9a-f]{8}\]"#, options: .regularExpression).map { String(show[$0]) })
        let note = try #require(outputs.first { $0.0.hasSuffix("labels-vtt/call-1.vtt") }?.1)
        #expect(note.contains(cpr), "\(note)")
        #expect(try run(["calls", "show", "1", "--role", "researcher"]).stdout == show, "the same key gives the same pseudonyms")
        // The FHIR patient is no longer the recording's hash.
        let fhir = try #require(outputs.first { $0.0 == "export fhir" }?.1)
        let list = try run(["calls", "list", "--format", "json", "--role", "researcher"]).stdout
        for object in try #require(try JSONSerialization.jsonObject(with: Data(list.utf8)) as? [[String: Any]]) {
            let sha = try #require(object["sha256"] as? String)
            #expect(!fhir.contains(String(sha.prefix(16))), "\(sha)")
        }
        // The midwife sees the call as said: the scan finds what it looks for.
        let midwife = try run(["calls", "show", "1", "--role", "midwife"]).stdout
        #expect(Self.leaks(midwife).contains("010190-1234") && Self.leaks(midwife).contains { $0.lowercased().hasPrefix("nul to nul to") }, "\(midwife)")
        #expect(Self.leaks("oh three oh three nine one one two three four, 0303911234, 22 33 44 55, Emma").count == 4)
    }

    @Test func theDatasetsAudioIsBeepedWhereAnIdentifierWasSaid() throws {
        let folder = dir.file("beeped")
        _ = try run(["export", "dataset", "--format", "audiofolder", "--out", folder, "--role", "researcher"])
        let copy = try #require(try FileManager.default.subpathsOfDirectory(atPath: folder).first { $0.hasSuffix("/call-1.wav") })
        let beeped = try AudioFile(path: "\(folder)/\(copy)").readAll()
        let original = try AudioFile(path: dir.file("calls/\(Self.danishName).wav")).readAll()
        try #require(beeped.count == original.count)
        func tone(_ n: Int) -> Float { Float(0.5 * sin(2 * Double.pi * 1000 * Double(n) / Double(Self.rate))) }
        func frame(_ ms: Int) -> Int { ms * Self.rate / 1000 }
        // Turns 1, 2, 4 and 5 say a name, a CPR number, a telephone number and an address.
        for span in [frame(1000)..<frame(4000), frame(4500)..<frame(8000), frame(11_500)..<frame(14_000), frame(14_500)..<frame(17_000)] {
            let off = span.filter { abs(beeped[$0] - tone($0)) > 0.001 }.count
            #expect(off == 0, "\(off) samples in \(span) are not the tone")
        }
        // Turns 3 and 6 say none, and are as recorded, as is the silence between turns.
        for span in [frame(0)..<frame(1000), frame(4000)..<frame(4500), frame(8500)..<frame(11_000), frame(17_500)..<frame(19_500)] {
            let changed = span.filter { abs(beeped[$0] - original[$0]) > 0.001 }.count
            #expect(changed == 0, "\(changed) samples in \(span) changed")
        }
        // Kaldi's wav.scp names a beeped copy too.
        let kaldi = dir.file("beeped-kaldi")
        _ = try run(["export", "dataset", "--format", "kaldi", "--out", kaldi, "--role", "researcher"])
        let scp = try ["train", "dev", "test"].compactMap { try? String(contentsOfFile: "\(kaldi)/\($0)/wav.scp", encoding: .utf8) }.joined()
        let line = try #require(scp.split(separator: "\n").first { $0.hasPrefix("call-1 ") })
        let path = String(line.dropFirst("call-1 ".count))
        #expect(path.hasPrefix(kaldi + "/audio/") || path.hasSuffix("/beeped-kaldi/audio/call-1.wav"), "\(path)")
        let samples = try AudioFile(path: path).readAll()
        #expect(abs(samples[frame(5000)] - tone(frame(5000))) < 0.001 && abs(samples[frame(5001)] - tone(frame(5001))) < 0.001)
    }
}
