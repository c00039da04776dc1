import Foundation

/// External programs some tests drive: the FHIR validator's Python and headless Chromium, both installed
/// by `make deps`. A missing one fails the test with a message saying so, never a silent pass.
public enum Tools {
    public static var fhirPython: String { "\(Repository.root)/.build-tools/fhir-venv/bin/python" }
    /// The research tools' Python (scikit-learn, krippendorff, Praat through parselmouth, pympi-ling).
    public static var researchPython: String { "\(Repository.root)/.build-tools/research-venv/bin/python" }
    public static var chromium: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs a program and returns its exit status and output (standard output and error together), killing it
    /// after `timeout` seconds. Spawned and reaped directly (posix_spawn, waitpid), with its output in a file:
    /// a daemon it starts (a tmux server) may keep a pipe open for ever. `captureOutput: false` discards it.
    public static func run(_ executable: String, _ arguments: [String], timeout: TimeInterval = 120,
                           captureOutput: Bool = true, environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("triage-run-\(getpid())-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        let pid = try spawn(executable, arguments, outputPath: captureOutput ? outputPath : "/dev/null", environment: environment)
        let exited = wait(pid, timeout: timeout) ?? -1
        return (exited, captureOutput ? ((try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "") : "")
    }

    /// Starts a program in the background with its output (standard output and error) in `outputPath`
    /// and extra environment variables; the caller waits for it or kills it.
    public static func spawn(_ executable: String, _ arguments: [String], outputPath: String, environment: [String: String] = [:]) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var env = ProcessInfo.processInfo.environment
        env["TRIAGE_DB"] = nil
        for (k, v) in environment { env[k] = v }
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else { throw SpawnError(code: spawned, executable: executable) }
        return pid
    }

    /// Waits for a spawned program; its exit status, or nil when it is still running after `timeout`
    /// (it is then killed) or died of a signal.
    @discardableResult
    public static func wait(_ pid: pid_t, timeout: TimeInterval) -> Int32? {
        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(timeout)
        while waitpid(pid, &status, WNOHANG) == 0 {
            if Date() > deadline {
                kill(pid, SIGKILL)
                waitpid(pid, &status, 0)
                return nil
            }
            usleep(10_000)
        }
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : nil
    }

    struct SpawnError: Error { var code: Int32; var executable: String }
}

extension Tools {
    /// Starts another process (the `sqlite3` program) that holds the database's write lock for two seconds, as
    /// another desk would, and returns once it holds it; wait for the returned process to end the hold.
    public static func holdWriteLock(on database: String, readyFile: String) throws -> pid_t {
        let pid = try spawn("/usr/bin/sqlite3", [database, ".read \(Repository.fixture("sqlite3/hold-write-lock.sql"))"],
                            outputPath: readyFile + ".log", environment: ["READY": readyFile])
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: readyFile), Date() < deadline { usleep(20_000) }
        return pid
    }
}
