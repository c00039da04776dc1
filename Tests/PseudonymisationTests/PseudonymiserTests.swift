import Foundation
@testable import Pseudonymisation
import TestSupport
import Testing
import TriageCore

/// Keyed pseudonyms: stable under one key however the identifier was written or said, different under another key;
/// the key file made private on first use and refused when others may read it; the words file's mistakes named.
@Suite struct PseudonymiserTests {
    let one = Pseudonymiser(key: PseudonymKey(bytes: Array(repeating: 1, count: 32)), words: IdentifierFinderTests.words)
    let other = Pseudonymiser(key: PseudonymKey(bytes: Array(repeating: 2, count: 32)), words: IdentifierFinderTests.words)

    @Test func theSamePersonGetsTheSamePseudonymUnderOneKeyAndAnotherUnderAnother() throws {
        let written = one.text("CPR 010190-1234")
        let said = one.text("cpr nul et nul et halvfems tolv fireogtredive")
        let pseudonym = one.pseudonym(.cpr, canonical: "0101901234")
        #expect(written == "CPR \(pseudonym)")
        #expect(said == "cpr \(pseudonym)")
        #expect(pseudonym.range(of: #"^\[CPR-[0-9a-f]{8}\]$"#, options: .regularExpression) != nil, "\(pseudonym)")
        #expect(other.pseudonym(.cpr, canonical: "0101901234") != pseudonym)
        #expect(one.pseudonym(.phone, canonical: "0101901234") != pseudonym.replacingOccurrences(of: "CPR", with: "TLF"))
        #expect(one.text("ring +45 20 30 40 50") == "ring +" + one.pseudonym(.phone, canonical: "20304050"))
        #expect(one.text("ring tyve tredive fyrre halvtreds") == "ring " + one.pseudonym(.phone, canonical: "20304050"))
        #expect(one.text("Mette") == one.text("mette"))
        #expect(one.identity("recording", "abc") != other.identity("recording", "abc"))
        #expect(one.identity("recording", "abc").count == 16)
    }

    @Test func aTextWithoutIdentifiersIsUnchangedAndTurnsKeepTheirTimes() {
        let text = "Uge 38+2, veer hvert 5. minut siden kl. 14.30."
        #expect(one.text(text) == text)
        let turn = Turn(speaker: .caller, speakerLabel: "Mette", startMs: 1000, endMs: 4000, text: "Jeg hedder Mette, cpr 0101901234")
        let masked = one.turn(turn)
        #expect(masked.startMs == 1000 && masked.endMs == 4000 && masked.speaker == .caller)
        #expect(!masked.text.contains("Mette") && !masked.text.contains("0101901234") && masked.speakerLabel?.contains("Mette") == false)
        let spans = one.spokenSpans(in: [turn, Turn(speaker: .midwife, startMs: 3500, endMs: 6000, text: "tak, Mette"),
                                         Turn(speaker: .midwife, startMs: 7000, endMs: 8000, text: "hvor mange uger?")])
        #expect(spans == [1000..<6000])
    }

    @Test func theKeyIsMadePrivateOnFirstUseAndRefusedWhenOthersMayReadIt() throws {
        let dir = TemporaryDirectory("pseudonym-key")
        let path = dir.file("config/triage/pseudonym.key")
        let made = try PseudonymKey.loadOrCreate(at: path)
        #expect(made.bytes.count == PseudonymKey.length)
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        #expect(mode & 0o777 == 0o600)
        #expect(try PseudonymKey.loadOrCreate(at: path) == made)
        #expect(PseudonymKey.locate(environment: ["XDG_CONFIG_HOME": dir.file("config")]) == path)
        #expect(PseudonymKey.locate(explicit: "/k", environment: ["TRIAGE_PSEUDONYM_KEY": "/e"]) == "/k")
        #expect(PseudonymKey.locate(environment: ["TRIAGE_PSEUDONYM_KEY": "/e"]) == "/e")
        chmod(path, 0o644)
        #expect(throws: PseudonymisationProblem.self) { try PseudonymKey.loadOrCreate(at: path) }
        let short = try dir.write("short.key", "abc")
        chmod(short, 0o600)
        #expect { try PseudonymKey.loadOrCreate(at: short) } throws: { "\($0)".hasPrefix("\(short): is too short") }
    }

    @Test func aWordsFileWithAMistakeIsNamedInOneLine() {
        #expect { try IdentifierWords.parse("digits: {da: {nul: ten}}\npairs: {da: {}}\nnames: [Anna]\n", path: "w.yaml") } throws: {
            "\($0)" == "w.yaml: digits.da.nul must be a number from 0 to 9"
        }
        #expect { try IdentifierWords.parse("digits: [", path: "w.yaml") } throws: { "\($0)".hasPrefix("w.yaml: is not valid YAML") }
        #expect { try IdentifierWords.parse("digits: {}\npairs: {}\n", path: "w.yaml") } throws: { "\($0)" == "w.yaml: lists no names" }
    }
}
