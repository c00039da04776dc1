import Foundation

extension Pseudonymiser {
    /// JSON text with every string in it (keys kept) pseudonymised, numbers and structure untouched; keys come out
    /// sorted. Text that is not JSON is pseudonymised as text.
    public func json(_ text: String) -> String {
        let parsed: Any
        do { parsed = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) } catch {
            return self.text(text)
        }
        let masked = value(parsed)
        do {
            let data = try JSONSerialization.data(withJSONObject: masked, options: [.sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed])
            return String(decoding: data, as: UTF8.self)
        } catch {
            return self.text(text)
        }
    }

    /// A parsed JSON value with its strings pseudonymised.
    public func value(_ value: Any) -> Any {
        switch value {
        case let s as String: return text(s)
        case let a as [Any]: return a.map { self.value($0) }
        case let o as [String: Any]: return o.mapValues { self.value($0) }
        default: return value
        }
    }
}
