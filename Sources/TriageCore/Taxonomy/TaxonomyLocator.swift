import Foundation

/// Finds the taxonomy file to use: an explicit path, else `$TRIAGE_TAXONOMY`, else `Taxonomy/taxonomy.yaml` in the
/// working directory, above the real executable (the source tree a build runs from, however `triage` was called:
/// through PATH, a symbolic link or a copy), or in the installed data folder `share/triage/` beside its `bin/`.
public enum TaxonomyLocator {
    /// The file name of the shipped taxonomy inside `Taxonomy/`.
    public static let fileName = "taxonomy.yaml"

    /// The taxonomy file to load, or `nil` when none can be found.
    public static func locate(explicit: String? = nil,
                              environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        if let explicit { return URL(fileURLWithPath: explicit) }
        if let path = environment["TRIAGE_TAXONOMY"], !path.isEmpty { return URL(fileURLWithPath: path) }
        let fm = FileManager.default
        var candidates = [URL(fileURLWithPath: fm.currentDirectoryPath)]
        var dir = executable().deletingLastPathComponent()
        candidates.append(dir.deletingLastPathComponent().appendingPathComponent("share").appendingPathComponent("triage"))
        for _ in 0..<6 {
            candidates.append(dir)
            dir = dir.deletingLastPathComponent()
        }
        for base in candidates {
            let url = base.appendingPathComponent("Taxonomy").appendingPathComponent(fileName)
            if fm.fileExists(atPath: url.path) { return url }
        }
        return nil
    }

    /// The running program's own file: `/proc/self/exe` where the system has it, else the name it was called by
    /// (resolved against PATH when it has no folder).
    static func executable() -> URL {
        if let real = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return URL(fileURLWithPath: real) }
        let called = CommandLine.arguments.first ?? "."
        if !called.contains("/"), let path = ProcessInfo.processInfo.environment["PATH"] {
            for folder in path.split(separator: ":") {
                let candidate = "\(folder)/\(called)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return URL(fileURLWithPath: candidate).resolvingSymlinksInPath() }
            }
        }
        return URL(fileURLWithPath: called).resolvingSymlinksInPath()
    }
}
