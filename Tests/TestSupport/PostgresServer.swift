import Foundation

/// A PostgreSQL server of the test process's own: Debian's `postgres`, `initdb` in a fresh temporary folder, reachable
/// only through a Unix socket in that folder, with trust authentication for its own socket. It starts the first time a
/// test asks for it and stops (its folder removed) within a moment of the test process ending, however it ends: a
/// watchdog shell beside it waits for the process to go. Tests never touch a server they did not start.
public final class PostgresServer: Sendable {
    /// The server of this test process, started on first use.
    public static var shared: PostgresServer {
        get throws { try started.get() }
    }
    private static let started = Result { try PostgresServer() }

    /// The folder holding the data directory, the socket and the log.
    public let directory: String
    public let socketDirectory: String
    /// The superuser `initdb` made (also the role tests connect as).
    public let superuser = "triage_test"
    private let bin: String
    private let counter = Counter()

    private init() throws {
        guard let bin = Self.binaries() else { throw Missing(what: "PostgreSQL's server programs (make deps installs postgresql)") }
        self.bin = bin
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("triage-pg-\(getpid())-\(UUID().uuidString.prefix(8))").path
        socketDirectory = directory + "/socket"
        try FileManager.default.createDirectory(atPath: socketDirectory, withIntermediateDirectories: true)
        // The server refuses to run as root: as root, it runs as the `postgres` account Debian's package made.
        var runAs: [String] = []
        if geteuid() == 0 {
            guard let account = getpwnam("postgres") else { throw Missing(what: "the postgres account (make deps installs postgresql)") }
            for path in [directory, socketDirectory] { chown(path, account.pointee.pw_uid, account.pointee.pw_gid) }
            runAs = ["/usr/bin/setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", "--"]
        }
        let data = directory + "/data", log = directory + "/server.log"
        let initdb = try Tools.run(runAs.first ?? "\(bin)/initdb", Array(runAs.dropFirst()) + (runAs.isEmpty ? [] : ["\(bin)/initdb"]) + [
            "-D", data, "-U", superuser, "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync", "--no-instructions",
        ], timeout: 120)
        guard initdb.status == 0 else { throw Missing(what: "a data directory from initdb: \(initdb.output)") }
        let server = (runAs + ["\(bin)/postgres", "-D", data, "-k", socketDirectory, "-c", "listen_addresses=", "-c", "fsync=off",
                               "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=300",
                               "-c", "shared_buffers=64MB"]).map(Self.shellQuoted).joined(separator: " ")
        let watchdog = """
            \(server) >\(Self.shellQuoted(log)) 2>&1 & pg=$!
            while kill -0 \(getpid()) 2>/dev/null && kill -0 $pg 2>/dev/null; do sleep 0.2; done
            kill -INT $pg 2>/dev/null; wait $pg; rm -rf \(Self.shellQuoted(directory))
            """
        _ = try Tools.spawn("/bin/sh", ["-c", watchdog], outputPath: "/dev/null")
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if FileManager.default.fileExists(atPath: socketDirectory + "/.s.PGSQL.5432"),
               (try? Tools.run("/usr/bin/psql", ["-X", "-h", socketDirectory, "-U", superuser, "-l"], timeout: 10).status) == 0 { return }
            usleep(50_000)
        }
        throw Missing(what: "a PostgreSQL server that answers: \((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")")
    }

    /// A new, empty database on the server, and the archive address that reaches it as `user`.
    public func newDatabase(_ label: String = "archive", user: String? = nil) throws -> String {
        address(database: try createDatabase(label), user: user)
    }

    /// Creates a new, empty database; its name.
    public func createDatabase(_ label: String = "archive") throws -> String {
        let name = "\(label.lowercased().filter { ($0.isLetter && $0.isASCII) || $0.isNumber })_\(counter.next())"
        let made = try psql(database: "postgres", "CREATE DATABASE \(name)")
        guard made.status == 0 else { throw Missing(what: "a new database: \(made.output)") }
        return name
    }

    /// The archive address of `database` on this server, connecting as `user` (the superuser when `nil`).
    public func address(database: String, user: String? = nil) -> String {
        "postgresql:///\(database)?host=\(socketDirectory)&user=\(user ?? superuser)"
    }

    /// Runs one SQL text with `psql` as `user`; the exit status and the output.
    public func psql(database: String, user: String? = nil, _ sql: String) throws -> (status: Int32, output: String) {
        try Tools.run("/usr/bin/psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", socketDirectory, "-U", user ?? superuser,
                                        "-d", database, "-At", "-c", sql], timeout: 60)
    }

    /// Runs a script of `Tests/Fixtures/psql/` with `psql` as `user`; the exit status and the output.
    public func psql(database: String, user: String? = nil, script: String) throws -> (status: Int32, output: String) {
        try Tools.run("/usr/bin/psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", socketDirectory, "-U", user ?? superuser,
                                        "-d", database, "-At", "-f", Repository.fixture("psql/\(script).sql")], timeout: 60)
    }

    /// A PostgreSQL program (`pg_restore`, `pg_dump`) of the newest version installed.
    public static func program(_ name: String) -> String? {
        binaries().map { "\($0)/\(name)" }.flatMap { FileManager.default.isExecutableFile(atPath: $0) ? $0 : nil }
    }

    /// The folder of the newest PostgreSQL's server programs.
    private static func binaries() -> String? {
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        return versions.compactMap(Int.init).sorted().reversed().map { "/usr/lib/postgresql/\($0)/bin" }
            .first { FileManager.default.isExecutableFile(atPath: $0 + "/postgres") }
    }

    private static func shellQuoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    public struct Missing: Error, CustomStringConvertible {
        public var what: String
        public var description: String { "missing: \(what)" }
    }

    private final class Counter: @unchecked Sendable {
        private var value = 0
        private let lock = NSLock()
        func next() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value }
    }
}
