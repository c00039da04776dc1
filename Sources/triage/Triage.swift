import Archive
import ArgumentParser
import Foundation
import Ingest

/// `triage`: the obstetric telephone triage assistant.
struct TriageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triage",
        abstract: "Obstetric telephone triage assistant: archive calls, classify why women call, map call patterns.",
        discussion: HelpText.paragraphs("""
            Calls are archived in an SQLite file, or a department's PostgreSQL database (--db postgresql://…): --db, else $TRIAGE_DB, else ./triage.sqlite.
            Every command runs as your operating-system account, in the roles the archive's admin gave it
            (triage users); the account that creates an archive is its first admin, midwife and researcher.
            triage --version names the program's, the taxonomy's and the model's versions.
            Exit status: 0 success, 1 when an input or the database failed, 2 for a usage error, 3 when your
            account or role may not do what was asked (nothing was done).
            """),
        subcommands: [UICommand.self, IngestCommand.self, RecordCommand.self, RecoverCommand.self, DevicesCommand.self, CallsCommand.self, ClassifyCommand.self, AnalyzeCommand.self, FeaturesCommand.self, DecideCommand.self, LabelsCommand.self, AgreementCommand.self,
                      StatsCommand.self, QualityCommand.self, ReportCommand.self, ExportCommand.self, SynthCommand.self, EvaluateCommand.self, TrainCommand.self, ModelsCommand.self, UsersCommand.self, AuditCommand.self, ArchiveCommand.self, BackupCommand.self, RestoreCommand.self, VerifyCommand.self, RetentionCommand.self, TaxonomyCommand.self, BenchCommand.self],
        defaultSubcommand: UICommand.self
    )
}

/// Runs the command line: usage errors exit 2, failures print one line and exit 1, refusals exit 3.
@main
enum Main {
    static func main() {
        // Everything this process creates (archives, exports, recordings) is for its own account alone.
        umask(0o077)
        PeakMemoryReport.install()
        if CommandLine.arguments.dropFirst() == ["--version"] {
            for line in VersionReport.lines() { Console.out(line) }
            exit(ExitStatus.success.rawValue)
        }
        do {
            var command = try TriageCommand.parseAsRoot()
            try command.run()
        } catch let failure as CommandFailure {
            Console.err("triage: \(failure.message)")
            exit(failure.status.rawValue)
        } catch let denied as AccessDenied {
            Console.err("triage: \(denied)")
            exit(ExitStatus.refused.rawValue)
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
