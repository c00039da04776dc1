import Foundation

/// Reading scalars from `JSONSerialization` output the same way on every platform: on Linux a JSON
/// number 1 also casts to `Bool`, so booleans are told apart by their Objective-C type code.
public enum JSONScalar {
    public static func isBool(_ value: Any?) -> Bool {
        guard let n = value as? NSNumber else { return false }
        return String(cString: n.objCType) == "c" || String(describing: type(of: value as Any)).contains("Boolean")
    }

    public static func bool(_ value: Any?) -> Bool? { isBool(value) ? (value as? NSNumber)?.boolValue : nil }

    public static func int(_ value: Any?) -> Int? {
        guard let n = value as? NSNumber, !isBool(value) else { return nil }
        return n.intValue
    }

    public static func number(_ value: Any?) -> Double? {
        guard let n = value as? NSNumber, !isBool(value) else { return nil }
        return n.doubleValue
    }
}
