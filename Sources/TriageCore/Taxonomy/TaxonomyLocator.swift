import Foundation

/// Finds the taxonomy file to use: an explicit path, else `$TRIAGE_TAXONOMY`, else
/// `Taxonomy/taxonomy.yaml` in the working directory or above the executable (the source tree
/// a build runs from).
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
        var dir = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
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
}
