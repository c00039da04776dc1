import Acoustics
import AudioIO
import Foundation
import TestSupport
import Testing

/// The 88 eGeMAPS functionals against openSMILE's over the 29 demo calls (channels mixed), feature by
/// feature: Pearson correlation across the calls. docs/egemaps.md lists the figures.
@Suite struct EGeMAPSTests {
    static func pearson(_ x: [Double], _ y: [Double]) -> Double { SignalMatch.pearson(x, y) }

    /// Correlations at the calls' 8 kHz, or upsampled to 16 kHz (where openSMILE's own pitch works).
    static func correlations(upsampled: Bool = false) throws -> [(name: String, r: Double)] {
        let file = upsampled ? "opensmile_egemaps_demo_calls_16k.csv" : "opensmile_egemaps_demo_calls.csv"
        let lines = try String(contentsOfFile: Repository.fixture("reference/\(file)"), encoding: .utf8).split(separator: "\n")
        let names = lines[0].split(separator: ",").dropFirst().map(String.init)
        var theirs: [[Double]] = [], ours: [[Double]] = []
        for line in lines.dropFirst() {
            let cells = line.split(separator: ",")
            let file = try AudioFile(path: "\(Repository.root)/Recordings/\(cells[0])")
            var mono = try file.readMono()
            var rate = file.info.sampleRate
            if upsampled { mono = Upsampler.double(mono); rate *= 2 }
            // opensmile-python hands openSMILE 16-bit samples (the float signal × 32768, truncated), so the
            // stereo calls' half-sample means are cut; analyse exactly what it analysed.
            mono = mono.map { Float(Int16(clamping: Int(($0 * 32768).rounded(.towardZero)))) / 32768 }
            ours.append(EGeMAPS.functionals(samples: mono, sampleRate: rate))
            theirs.append(cells.dropFirst().compactMap { Double($0) })
        }
        #expect(names == EGeMAPS.functionalNames)
        return names.indices.map { i in (names[i], pearson(ours.map { $0[i] }, theirs.map { $0[i] })) }
    }

    /// The issue asks for 70 of 88 above 0.9; docs/egemaps.md lists every figure (77 reach it) and why the
    /// rest differ. The test holds the documented level so a change cannot lose ground unseen: every
    /// functional marked there must stay above 0.9, and at least 70 must be marked.
    @Test func theFunctionalsDocumentedAsMatchingOpenSMILEStillDo() throws {
        let r = try Self.correlations(upsampled: ProcessInfo.processInfo.environment["TRIAGE_EGEMAPS_16K"] == "1")
        let good = r.filter { $0.r > 0.9 }
        if ProcessInfo.processInfo.environment["TRIAGE_PRINT_EGEMAPS"] == "1" {
            for (name, value) in r { print(String(format: "| %@ | %.3f |", name, value)) }
        }
        print("eGeMAPS: \(good.count) of \(r.count) functionals correlate above 0.9 with openSMILE over the demo calls")
        let documented = try String(contentsOfFile: "\(Repository.root)/docs/egemaps.md", encoding: .utf8)
            .split(separator: "\n").filter { $0.hasPrefix("| ") && $0.hasSuffix("| yes |") }
            .compactMap { $0.split(separator: "|").first.map { $0.trimmingCharacters(in: .whitespaces) } }
        #expect(documented.count >= 70)
        for name in documented { #expect(good.contains { $0.name == name }, "\(name) no longer correlates above 0.9") }
    }

    /// Silence, a single sample, NaN and infinities, clipping, a DC offset and a rate below 8 kHz give 88
    /// finite functionals and finite frames, unvoiced where there is no voice.
    @Test func badInputGivesDefinedResults() {
        let rate = 8000
        let tone = (0..<rate).map { Float(0.5 * sin(2 * Double.pi * 150 * Double($0) / Double(rate))) }
        let cases: [(String, [Float], Int)] = [
            ("silence", [Float](repeating: 0, count: rate), rate),
            ("one sample", [0.3], rate),
            ("NaN and infinity", tone.enumerated().map { $0.offset % 97 == 0 ? .nan : ($0.offset % 89 == 0 ? .infinity : $0.element) }, rate),
            ("clipped", tone.map { max(-0.2, min(0.2, $0 * 10)) }, rate),
            ("DC offset", tone.map { $0 + 0.4 }, rate),
            ("4 kHz", Array(tone.prefix(4000)), 4000),
        ]
        for (name, samples, sampleRate) in cases {
            let functionals = EGeMAPS.functionals(samples: samples, sampleRate: sampleRate)
            #expect(functionals.count == 88, "\(name)")
            let notFinite = zip(EGeMAPS.functionalNames, functionals).filter { !$0.1.isFinite }.map(\.0)
            #expect(notFinite.isEmpty, "\(name): \(notFinite)")
            let frames = EGeMAPS.lowLevel(samples: samples, sampleRate: sampleRate)
            #expect(frames.allSatisfy { $0.values.allSatisfy(\.isFinite) }, "\(name)")
            if name == "silence" { #expect(frames.allSatisfy { !$0.voiced }) }
        }
    }
}
