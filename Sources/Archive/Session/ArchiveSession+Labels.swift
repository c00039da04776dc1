import Foundation
import TriageCore

extension ArchiveSession {
    /// Stores a research label; returns its id.
    @discardableResult
    public func annotate(_ annotation: AnnotationRecord) throws -> Int64 {
        try require(.label)
        return try store.store(annotation, by: context())
    }

    /// Stores research labels in one transaction (an import: all or none); returns their ids in order.
    @discardableResult
    public func annotate(_ annotations: [AnnotationRecord]) throws -> [Int64] {
        try require(.label)
        guard !annotations.isEmpty else { return [] }
        return try store.store(annotations, by: context())
    }

    /// The labels in force on a call (all annotators, or one), in time order.
    public func annotations(ofCall id: Int64, annotator: String? = nil) throws -> [AnnotationRecord] {
        try require(.label)
        return try store.annotations(ofCall: id, annotator: annotator)
    }

    /// Changes a label's range or code: a new label supersedes the old, which is kept. Returns the new id.
    @discardableResult
    public func revise(annotation id: Int64, startMs: Int, endMs: Int, code: LabelCode, annotator: String? = nil) throws -> Int64 {
        try require(.label)
        return try store.revise(annotation: id, startMs: startMs, endMs: endMs, code: code, annotator: annotator ?? user.name, by: context())
    }

    /// In one transaction, takes label `remove` out of force and puts label `restore` back (a deletion, or an undo).
    public func exchange(remove: Int64?, restore: Int64?) throws {
        try require(.label)
        try store.exchange(remove: remove, restore: restore, by: context())
    }
}
