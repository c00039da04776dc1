import ArgumentParser
import Foundation
import Ingest

/// `triage`: the obstetric telephone triage assistant.
struct TriageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triage",
        abstract: "Obstetric telephone triage assistant: archive calls, classify why women call, map call patterns.",
        discussion: """
            Calls are archived in an SQLite database: --db, else $TRIAGE_DB, else ./triage.sqlite.
            Exit status: 0 success, 1 when an input or the database failed, 2 for a usage error.
            """,
        subcommands: [UICommand.self, IngestCommand.self, RecordCommand.self, RecoverCommand.self, DevicesCommand.self, CallsCommand.self, ClassifyCommand.self, AnalyzeCommand.self, FeaturesCommand.self, DecideCommand.self,
                      StatsCommand.self, ReportCommand.self, ExportCommand.self, EvaluateCommand.self, TrainCommand.self, ModelsCommand.self, TaxonomyCommand.self, BenchCommand.self],
        defaultSubcommand: UICommand.self
    )
}

/// Runs the command line: usage errors exit 2, failures print one line and exit 1.
@main
enum Main {
    static func main() {
        do {
            var command = try TriageCommand.parseAsRoot()
            try command.run()
        } catch let failure as CommandFailure {
            Console.err("triage: \(failure.message)")
            exit(failure.status.rawValue)
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = TriageCommand.exitCode(for: error)
            if code == .validationFailure {
                Console.err(TriageCommand.fullMessage(for: error))
                Console.err("Run 'triage help' for the commands and their options.")
                exit(ExitStatus.usage.rawValue)
            }
            TriageCommand.exit(withError: error)
        }
    }
}
