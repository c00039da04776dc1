import Foundation

/// A trained model as the archive keeps it: its id and file, what it was trained for and on, and whether it is
/// the one that classifies.
public struct ModelRecord: Sendable, Equatable, Codable {
    /// The model's own id (`reasons-…`, the hash of its content).
    public var id: String
    /// `id@version` of the taxonomy it was trained for.
    public var taxonomy: String
    public var trainingSHA256: String
    public var trainingCalls: Int
    public var storedAt: Date
    public var storedBy: String
    /// The cross-validated figures, as JSON.
    public var metricsJSON: String?
    /// The model file's bytes.
    public var modelJSON: Data
    public var active: Bool

    public init(id: String, taxonomy: String, trainingSHA256: String, trainingCalls: Int, storedAt: Date = Date(), storedBy: String,
                metricsJSON: String?, modelJSON: Data, active: Bool = false) {
        self.id = id; self.taxonomy = taxonomy; self.trainingSHA256 = trainingSHA256; self.trainingCalls = trainingCalls
        self.storedAt = storedAt; self.storedBy = storedBy; self.metricsJSON = metricsJSON; self.modelJSON = modelJSON; self.active = active
    }
}
