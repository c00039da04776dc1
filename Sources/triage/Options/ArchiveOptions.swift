import Archive
import ArgumentParser
import Foundation

/// `--db` and `--role`: which archive a command works on, and in which of the user's roles.
struct ArchiveOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The archive: an SQLite file, or a department's postgresql://[user@]host[:port]/dbname "
                                            + "(password from ~/.pgpass; default: $TRIAGE_DB, else ./triage.sqlite).", valueName: "archive"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("Act in this one of your roles only (midwife, researcher, coordinator, admin).",
                                            valueName: "role"))
    var role: Role?

    var path: String { db ?? ArchiveSession.defaultAddress() }

    /// Opens a session on the archive for this process's account, turning failures into a one-line message and
    /// a refusal into exit status 3. `origin` names the command for the audit log; `permission`, when given, is
    /// checked before anything else is done. A read-only session, or one that `mustExist`, is never a new archive.
    func open(_ origin: String, readOnly: Bool = false, mustExist: Bool = false, requiring permission: Permission? = nil) throws -> ArchiveSession {
        if readOnly || mustExist, !PostgresAddress.names(path), !FileManager.default.fileExists(atPath: path) {
            throw CommandFailure(message: "\(path): no archive here yet; ingest calls first (triage ingest PATH…)")
        }
        let timeout = ProcessInfo.processInfo.environment["TRIAGE_BUSY_TIMEOUT_MS"].flatMap(Double.init).map { $0 / 1000 } ?? 5
        do {
            let session = try ArchiveSession.open(address: path, role: role, origin: origin, readOnly: readOnly, busyTimeout: timeout)
            if let permission { try session.require(permission) }
            return session
        } catch {
            throw CommandFailure(error)
        }
    }
}

extension Role: ExpressibleByArgument {}
