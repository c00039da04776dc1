import ArgumentParser

/// `triage calls`: look at the archived calls.
struct CallsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calls",
        abstract: "List archived calls or show one.",
        subcommands: [CallsListCommand.self, CallsShowCommand.self],
        defaultSubcommand: CallsListCommand.self
    )
}

/// Output formats of the listing commands.
enum ListingFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
