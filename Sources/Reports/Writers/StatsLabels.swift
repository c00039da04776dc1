import Archive
import TriageCore

/// Human names for the keys of a statistics table, in Danish or English.
public struct StatsLabels: Sendable {
    public var taxonomy: Taxonomy?
    public var language: String

    public init(taxonomy: Taxonomy?, language: String = "da") {
        self.taxonomy = taxonomy; self.language = language
    }

    static let weekdays: [String: [String]] = [
        "da": ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"],
        "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    ]

    /// The readable form of `value` of `dimension` ("labour_contractions" → "Veer / fødsel i gang", "6" → "lørdag").
    public func label(_ value: String, of dimension: StatsDimension) -> String {
        switch dimension {
        case .reason: return taxonomy?.reason(value)?.label.text(for: language) ?? value
        case .disposition:
            return Disposition(rawValue: value).flatMap { taxonomy?.definition(of: $0)?.label.text(for: language) } ?? value
        case .weekday:
            guard let n = Int(value), (1...7).contains(n) else { return value }
            return (StatsLabels.weekdays[language] ?? StatsLabels.weekdays["en"] ?? [])[n - 1]
        case .hour: return Int(value).map { String(format: "%02d", $0) } ?? value
        default: return value
        }
    }

    /// The heading of a dimension's column.
    public func heading(_ dimension: StatsDimension) -> String {
        let da = language == "da"
        switch dimension {
        case .reason: return da ? "Kontaktårsag" : "Contact reason"
        case .disposition: return da ? "Disposition" : "Disposition"
        case .hour: return da ? "Time" : "Hour"
        case .weekday: return da ? "Ugedag" : "Weekday"
        case .week: return da ? "Uge" : "Week"
        case .month: return da ? "Måned" : "Month"
        case .gestationalAgeBand: return da ? "Gestationsalder" : "Gestational age"
        case .firstBaby: return da ? "Førstegangsfødende" : "First baby"
        case .durationBand: return da ? "Samtalens længde" : "Call length"
        case .language: return da ? "Sprog" : "Language"
        case .caller: return da ? "Hvem ringer" : "Caller"
        }
    }
}

import Foundation
