import Foundation

/// A PulseAudio server of the test's own (the Debian `pulseaudio`, run as the user, no system daemon)
/// with a null sink `desk` whose monitor a recorder can capture: the sound card a test does not have.
/// Programs reach it through `environment`; `stop` (or deinit) kills it and removes its folder.
public final class PulseServer {
    public let directory: TemporaryDirectory
    public private(set) var pid: pid_t = 0
    public let sink = "desk"

    /// Starts the server and waits until it answers; throws when `pulseaudio` is missing or never answers.
    public init(rate: Int = 8000, channels: Int = 1) throws {
        directory = TemporaryDirectory("pulse")
        let socket = directory.file("native")
        guard let pulseaudio = ["/usr/bin/pulseaudio"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw Missing(what: "pulseaudio (make deps installs it)")
        }
        pid = try Tools.spawn(pulseaudio, [
            "-n", "--daemonize=no", "--exit-idle-time=-1", "--disallow-exit", "--use-pid-file=no", "--disable-shm=yes",
            "--log-target=stderr", "--log-level=warning",
            "--load=module-native-protocol-unix auth-anonymous=1 socket=\(socket)",
            "--load=module-null-sink sink_name=\(sink) rate=\(rate) channels=\(channels)",
        ], outputPath: directory.file("pulseaudio.log"), environment: baseEnvironment)
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if FileManager.default.fileExists(atPath: socket),
               let (status, _) = try? Tools.run("/usr/bin/pactl", ["info"], timeout: 5, environment: environment), status == 0 { return }
            usleep(50_000)
        }
        stop()
        throw Missing(what: "a PulseAudio server that answers: \((try? String(contentsOfFile: directory.file("pulseaudio.log"), encoding: .utf8)) ?? "")")
    }

    deinit { stop() }

    private var baseEnvironment: [String: String] {
        ["HOME": directory.path, "XDG_RUNTIME_DIR": directory.path, "PULSE_RUNTIME_PATH": directory.file("runtime"),
         "PULSE_STATE_PATH": directory.file("state")]
    }

    /// What a client needs to reach this server (and no other).
    public var environment: [String: String] {
        baseEnvironment.merging(["PULSE_SERVER": "unix:\(directory.file("native"))"]) { $1 }
    }

    /// Kills the server at once (a device vanishing mid-call).
    public func stop() {
        guard pid > 0 else { return }
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        pid = 0
    }

    public struct Missing: Error, CustomStringConvertible {
        public var what: String
        public var description: String { "missing: \(what)" }
    }
}
