import Foundation
import TestSupport
import Archive
import Testing
import TriageCore
@testable import Reports

@Suite struct WritersTests {
    static let taxonomy: Taxonomy = {
        do { return try TaxonomyLoader.load(contentsOf: URL(fileURLWithPath: Repository.taxonomy)) } catch { fatalError("\(error)") }
    }()

    let table = SmallCellSuppression.apply(to: StatsTable(dimensions: [.reason], source: .suggested, rows: [
        StatsTable.Row(keys: ["labour_contractions"], count: 40), StatsTable.Row(keys: ["itching"], count: 2),
        StatsTable.Row(keys: ["discharge_mucus_plug"], count: 9), StatsTable.Row(keys: ["other, \"odd\" ætter"], count: 20),
    ], total: 71, allReasons: false))

    /// RFC 4180 parsing, as a spreadsheet does it.
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var chars = Array(text.hasPrefix(CSVWriter.byteOrderMark) ? String(text.dropFirst()) : text)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" { if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false } } else { field.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { row.append(field); field = "" }
            else if c == "\r\n" || c == "\n" { row.append(field); rows.append(row); row = []; field = "" }
            else { field.append(c) }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    @Test func csvIsExcelFriendlyAndSurvivesQuotesCommasAndDanishLetters() {
        let labels = StatsLabels(taxonomy: Self.taxonomy, language: "da")
        let csv = CSVWriter.write(table, labels: labels)
        #expect(csv.hasPrefix("\u{FEFF}reason,reason_label,count,share,ci_low,ci_high\r\n"))
        let rows = Self.parseCSV(csv)
        #expect(rows.count == 5 && rows.allSatisfy { $0.count == 6 })
        #expect(rows[1] == ["labour_contractions", "Veer / fødsel i gang", "40", "0.5634", "0.4477", "0.6725"]) // Wilson 95 %, checked by hand)
        #expect(rows[2][0] == "itching" && rows[2][2] == "<5" && rows[2][3] == "" && rows[2][5] == "")
        #expect(rows[3][2] == "<5") // the complementary cell
        #expect(rows[4][0] == "other, \"odd\" ætter")
        #expect(CSVWriter.write(table).hasPrefix("\u{FEFF}reason,count,share,ci_low,ci_high\r\n"))
    }

    @Test func jsonHasTheSameKeysAndMarksSuppressedCounts() throws {
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(StatsJSONWriter.write(table).utf8)) as? [[String: Any]])
        #expect(rows.count == 4)
        #expect(Set(rows[0].keys) == ["reason", "count", "share", "ci_low", "ci_high"])
        #expect(rows[0]["count"] as? Int == 40)
        #expect(rows[1]["count"] as? String == "<5" && rows[1]["share"] is NSNull)
    }

    @Test func markdownReadsAsATable() {
        let md = MarkdownWriter.write(table, labels: StatsLabels(taxonomy: Self.taxonomy, language: "en"))
        #expect(md.hasPrefix("| Contact reason | Count | Share | 95 % CI |\n|---|---:|---:|---|\n| Labour and contractions | 40 | 56.3 % | 44.8–67.3 % |"))
        #expect(md.contains("| Itching | <5 |  |  |"))
        #expect(md.contains("71 calls (suggested). 2 cells are hidden"))
    }

    @Test func chartsAreWellFormedSVG() throws {
        let charts = [
            BarChart(title: "Årsager & <andre>", bars: [BarChart.Bar(label: "Veer \"nu\"", share: 0.5, text: "5 (50 %)", reference: 0.57),
                                                        BarChart.Bar(label: "Kløe", share: nil, text: "<5")], referenceLegend: "ref").svg(),
            HeatMap(title: "Heat", rowLabels: ["mandag"], columnLabels: ["00", "01"], values: [[3, nil]]).svg(),
            LineChart(title: "Uger", xLabels: ["2026-W01", "2026-W02"], series: [LineChart.Series(name: "Veer", values: [1, nil])]).svg(),
        ]
        for svg in charts {
            let parser = XMLParser(data: Data(svg.utf8))
            #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "") in \(svg.prefix(200))")
            #expect(svg.contains("<title>"))
        }
    }
}

#if canImport(FoundationXML)
import FoundationXML
#endif
