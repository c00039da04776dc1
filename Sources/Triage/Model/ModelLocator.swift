import Foundation

/// Finds the reason model to use beside the rules: an explicit file, else `$TRIAGE_MODEL`, else the shipped
/// `Models/reasons.json` in the folder that holds the taxonomy's folder.
public enum ModelLocator {
    public static let folderName = "Models"
    public static let fileName = "reasons.json"

    /// The model file, or `nil` when none is named and none is shipped beside the taxonomy.
    public static func locate(explicit: String? = nil, taxonomyURL: URL,
                              environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        if let explicit { return URL(fileURLWithPath: explicit) }
        if let path = environment["TRIAGE_MODEL"], !path.isEmpty { return URL(fileURLWithPath: path) }
        let shipped = taxonomyURL.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(folderName).appendingPathComponent(fileName)
        return FileManager.default.fileExists(atPath: shipped.path) ? shipped : nil
    }

    /// Reads the model file at `url`.
    public static func load(_ url: URL) throws -> ReasonModel {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ModelError.unreadable(path: url.path, reason: "cannot read the file")
        }
        return try ReasonModel.decode(data, path: url.path)
    }
}
