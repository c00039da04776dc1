import Foundation

/// For `bench pipeline`: with `TRIAGE_PEAK_MEMORY_FILE` set, the process writes its peak resident memory
/// (VmHWM from /proc/self/status, in kB) to that file when it exits. The kernel's count for a child
/// (wait4) would include the parent's memory before exec, so the child reports its own.
enum PeakMemoryReport {
    static let variable = "TRIAGE_PEAK_MEMORY_FILE"

    static func install() {
        guard ProcessInfo.processInfo.environment[variable] != nil else { return }
        atexit {
            guard let path = ProcessInfo.processInfo.environment[PeakMemoryReport.variable],
                  let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
                  let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return }
            let kB = line.split(separator: " ").dropFirst().first.map(String.init) ?? "0"
            FileManager.default.createFile(atPath: path, contents: Data(kB.utf8))
        }
    }
}
