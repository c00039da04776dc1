import ArgumentParser
import Foundation
import Ingest
import TriageCore

/// `triage taxonomy check [FILE]`: validate a taxonomy file, naming each problem's line.
struct TaxonomyCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a taxonomy file: YAML, unknown or duplicate codes, rules naming unknown facts or findings."
    )

    @Argument(help: "The taxonomy file (default: the one triage uses).")
    var file: String?

    func run() throws {
        let url = try TaxonomyOptions(taxonomy: file).locate()
        let (taxonomy, problems) = TaxonomyLoader.check(contentsOf: url)
        for problem in problems { Console.err(problem.description) }
        guard let taxonomy, problems.isEmpty else {
            Console.err("\(url.path): \(problems.count) problem\(problems.count == 1 ? "" : "s")")
            throw ExitCode(ExitStatus.failure.rawValue)
        }
        Console.out("\(url.path): ok — \(taxonomy.versionTag): \(taxonomy.reasons.count) reasons, \(taxonomy.findings.count) findings, "
                    + "\(taxonomy.facts.count) facts, \(taxonomy.redFlags.count) red flags, \(taxonomy.dispositions.count) dispositions")
    }
}

extension TaxonomyOptions {
    init(taxonomy: String?) {
        self.init()
        self.taxonomy = taxonomy
    }
}
