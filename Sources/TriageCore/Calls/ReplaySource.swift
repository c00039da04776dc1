/// The recording a replayed call was played from: a known call (a demo or a test) sent through the live path again,
/// not a new contact, so the statistics leave it out unless asked.
public struct ReplaySource: Sendable, Equatable, Codable {
    /// Where the source recording was played from (absolute when it was known so).
    public var path: String
    /// SHA-256 of the source recording's bytes (the archive's key for it), `nil` when it could not be read.
    public var sha256: String?
    /// The archive's id for the source call, when it is archived (filled in when the archive reads the replay).
    public var callID: Int64?

    enum CodingKeys: String, CodingKey {
        case path, sha256
        case callID = "call_id"
    }

    public init(path: String, sha256: String? = nil, callID: Int64? = nil) {
        self.path = path; self.sha256 = sha256; self.callID = callID
    }

    /// "call 12 (/…/da04-groent-vand.flac)", or the path alone when the source is not archived.
    public var description: String {
        callID.map { "call \($0) (\(path))" } ?? path
    }
}
