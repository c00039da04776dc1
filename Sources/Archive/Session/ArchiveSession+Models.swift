import Foundation

extension ArchiveSession {
    /// Stores a trained model (and makes it active, which needs the admin's role too).
    public func store(_ model: ModelRecord, activate: Bool) throws {
        try require(.train)
        if activate { try require(.activateModel) }
        try store.store(model, activate: activate, by: context())
    }

    /// Makes the model with `id` the one that classifies.
    public func activateModel(id: String) throws {
        try require(.activateModel)
        try store.activateModel(id: id, by: context())
    }

    /// Every stored model, newest first.
    public func models() throws -> [ModelRecord] {
        try require(.useModel)
        return try store.models()
    }

    /// The model with `id`, or `nil`.
    public func model(id: String) throws -> ModelRecord? {
        try require(.useModel)
        return try store.model(id: id)
    }

    /// The active model, or `nil` when none was activated.
    public func activeModel() throws -> ModelRecord? {
        try require(.useModel)
        return try store.activeModel()
    }
}
