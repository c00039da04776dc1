import ArgumentParser

/// `triage taxonomy`: check and print the contact-reason taxonomy.
struct TaxonomyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "taxonomy",
        abstract: "Check or print the contact-reason taxonomy and its triage rules.",
        subcommands: [TaxonomyCheckCommand.self, TaxonomyShowCommand.self]
    )
}
