import ArgumentParser

/// `triage bench`: benchmarks, reported as ratios against named baselines.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Run a benchmark and report it against its baseline.",
        subcommands: [BenchIngestCommand.self, BenchExportCommand.self, BenchPipelineCommand.self, BenchClassifyCommand.self, BenchStatsCommand.self, BenchUICommand.self, BenchFeaturesCommand.self, BenchLiveCommand.self,
                      BenchDepartmentCommand.self, BenchDepartmentWorker.self]
    )
}
