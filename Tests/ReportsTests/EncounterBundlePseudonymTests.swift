import Foundation
import Pseudonymisation
@testable import Reports
import TestSupport
import Testing
import TriageCore

/// The FHIR bundle names its patient and resources by the recording's keyed pseudonym: never by the recording's hash
/// (which anyone holding the recording can compute), the same under one key, another under another.
@Suite struct EncounterBundlePseudonymTests {
    static func pseudonymiser(_ byte: UInt8) throws -> Pseudonymiser {
        let words = try IdentifierWords.load(contentsOf: URL(fileURLWithPath: "\(Repository.root)/Taxonomy/\(IdentifierWords.fileName)"))
        return Pseudonymiser(key: PseudonymKey(bytes: Array(repeating: byte, count: 32)), words: words)
    }

    func bundle(_ pseudonymiser: Pseudonymiser) throws -> String {
        let taxonomy = try TaxonomyLoader.load(contentsOf: URL(fileURLWithPath: Repository.taxonomy))
        let call = Call(id: 1, sha256: String(repeating: "ab", count: 32), path: "/calls/0101901234.wav", format: "WAV PCM_16", sampleRate: 8000,
                        channels: 1, frames: 8000, durationMs: 1000, metadata: CallMetadata(), transcriptPath: nil)
        let item = EncounterBundleWriter.Item(call: call, reasons: ["labour_contractions"], disposition: "attend_soon", source: "suggested",
                                              assessmentJSON: #"{"findings": [{"code": "regular_contractions"}]}"#, decidedBy: "mette")
        return EncounterBundleWriter.write([item], taxonomy: taxonomy, language: "da", pseudonymiser: pseudonymiser,
                                           now: Date(timeIntervalSince1970: 0)).rendered(pretty: true)
    }

    @Test func thePatientIsTheRecordingsKeyedPseudonymNotItsHash() throws {
        let one = try bundle(try Self.pseudonymiser(1))
        let sha = String(repeating: "ab", count: 32)
        #expect(!one.contains(String(sha.prefix(16))))
        #expect(!one.contains(FHIRCoding.uuid("patient:" + sha)))
        #expect(!one.contains("0101901234") && !one.contains("mette"))
        #expect(one.contains("\"user-\(try Self.pseudonymiser(1).identity("user", "mette"))\""))
        let identity = try Self.pseudonymiser(1).identity("recording", sha, digits: 64)
        #expect(one.contains("\"call-\(identity.prefix(16))\""))
        #expect(try bundle(try Self.pseudonymiser(1)) == one)
        let other = try bundle(try Self.pseudonymiser(2))
        #expect(other != one && !other.contains(String(identity.prefix(16))))
    }
}
