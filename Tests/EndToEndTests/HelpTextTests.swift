import Foundation
import TestSupport
import Testing

/// The help a new user reads: paragraphs wrapped at the terminal's width, never in the middle of a sentence.
@Suite struct HelpTextTests {
    static let commands: [[String]] = [[], ["ingest"], ["record"], ["classify"], ["features"], ["stats"], ["quality"], ["quality", "figures"], ["quality", "incidents"], ["quality", "devcall"], ["evaluate"],
                                       ["train"], ["users"], ["backup"], ["archive", "copy"], ["bench", "live"], ["bench", "features"],
                                       ["labels", "export"], ["labels", "import"], ["agreement"], ["export", "dataset"], ["synth"]]

    @Test(arguments: commands)
    func helpParagraphsWrapWhole(_ command: [String]) throws {
        let run = try CommandRun.triage(command + ["--help"])
        #expect(run.status == 0, "\(run.stderr)")
        let text = run.stdout.components(separatedBy: "USAGE:").first ?? ""
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (line, next) in zip(lines, lines.dropFirst()) where !line.isEmpty && !next.isEmpty {
            // A line broken early (far short of the width) with the sentence going on below is a wrap in mid-sentence.
            let continues = next.first.map { $0.isLowercase || $0 == "(" || $0 == "-" } ?? false
            #expect(!(line.count < 45 && continues && !line.hasSuffix(".") && !line.hasSuffix(":")),
                    "\(command.joined(separator: " ")): broken after “\(line)”")
        }
        #expect(lines.allSatisfy { $0.count <= 80 }, "\(command.joined(separator: " ")): a line wider than the terminal")
    }
}
