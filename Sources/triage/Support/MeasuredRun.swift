import Foundation

/// A child process of this executable, run to its end with its output thrown away, and what it cost:
/// wall time and CPU time (from wait4) and peak resident memory (the child's own VmHWM, `PeakMemoryReport`).
struct MeasuredRun {
    var status: Int32
    var wallSeconds: Double
    var cpuSeconds: Double
    var peakMegabytes: Double

    /// Runs `arguments` (without the program) with this executable; throws when it cannot start.
    static func triage(_ arguments: [String]) throws -> MeasuredRun {
        let program = Bundle.main.executablePath ?? CommandLine.arguments[0]
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        let report = NSTemporaryDirectory() + "triage-peak-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        defer { try? FileManager.default.removeItem(atPath: report) }
        var environment = ProcessInfo.processInfo.environment
        environment[PeakMemoryReport.variable] = report
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        let start = DispatchTime.now().uptimeNanoseconds
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, program, &actions, nil, argv, envp)
        guard spawned == 0 else { throw CommandFailure(message: "cannot start \(program): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw CommandFailure(message: "cannot wait for \(program): \(String(cString: strerror(errno)))") }
        }
        let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return MeasuredRun(status: exit, wallSeconds: wall, cpuSeconds: seconds(usage.ru_utime) + seconds(usage.ru_stime),
                           peakMegabytes: (try? String(contentsOfFile: report, encoding: .utf8)).flatMap { Double($0) }.map { $0 / 1024 } ?? .nan)
    }
}
