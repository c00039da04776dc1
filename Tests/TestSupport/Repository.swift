import Foundation

/// Paths inside the source tree, for tests that read the shipped taxonomy, fixtures or the built binary.
public enum Repository {
    /// The package root (the folder holding Package.swift).
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// `Tests/Fixtures/<name>`.
    public static func fixture(_ name: String) -> String { "\(root)/Tests/Fixtures/\(name)" }

    /// The shipped taxonomy file.
    public static var taxonomy: String { "\(root)/Taxonomy/taxonomy.yaml" }

    /// The built `triage` executable beside the test bundle.
    public static var executable: String {
        let bundleDirectory = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        let beside = bundleDirectory.appendingPathComponent("triage").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        return "\(root)/.build/debug/triage"
    }
}
