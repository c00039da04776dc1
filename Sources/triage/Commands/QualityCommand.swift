import ArgumentParser

/// `triage quality`: the suggestions against the midwives' decisions (the figures, by default), the incidents and
/// their review.
struct QualityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quality",
        abstract: "The suggestions against the midwives' decisions: figures per week, incidents and their review.",
        subcommands: [QualityFiguresCommand.self, QualityIncidentsCommand.self, QualityReviewCommand.self, QualityDevCallCommand.self],
        defaultSubcommand: QualityFiguresCommand.self
    )
}
