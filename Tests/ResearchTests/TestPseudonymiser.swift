import Foundation
import Pseudonymisation
import TestSupport

/// A pseudonymiser for the research tests: the shipped words and a fixed key.
enum TestPseudonymiser {
    static let key = PseudonymKey(bytes: Array(repeating: 7, count: 32))

    static let shared: Pseudonymiser = {
        do {
            let words = try IdentifierWords.load(contentsOf: URL(fileURLWithPath: "\(Repository.root)/Taxonomy/\(IdentifierWords.fileName)"))
            return Pseudonymiser(key: key, words: words)
        } catch {
            fatalError("\(error)")
        }
    }()
}
