import Foundation

/// Runs the built `triage` binary and captures what it printed.
public struct CommandRun: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    /// Runs `triage ARGS…` in `directory` with extra environment variables; waits for it to end.
    public static func triage(_ arguments: [String], in directory: String? = nil, environment: [String: String] = [:]) throws -> CommandRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Repository.executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var env = ProcessInfo.processInfo.environment
        env["TRIAGE_DB"] = nil
        env["TRIAGE_TAXONOMY"] = "\(Repository.root)/Taxonomy/taxonomy.yaml"
        // A PostgreSQL archive's recording store defaults to the user's data folder: the tests' stay in a temporary one.
        if env["XDG_DATA_HOME"] == nil { env["XDG_DATA_HOME"] = NSTemporaryDirectory() + "triage-tests-data" }
        // So is the pseudonym key, made on first use in the user's configuration folder.
        if env["XDG_CONFIG_HOME"] == nil { env["XDG_CONFIG_HOME"] = NSTemporaryDirectory() + "triage-tests-config" }
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes while the process runs, so a full pipe never blocks it.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        DispatchQueue.global().async(group: group) { outData = out.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        process.waitUntilExit()
        group.wait()
        return CommandRun(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                          stderr: String(decoding: errData, as: UTF8.self))
    }
}
