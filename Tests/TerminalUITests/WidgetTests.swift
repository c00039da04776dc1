import Testing
@testable import TerminalUI

/// Each widget rendered into a buffer and read back as text (and styles where they carry meaning).
@Suite struct WidgetTests {
    @Test func aGaugeFillsToItsRatioInEighths() {
        var b = ScreenBuffer(width: 30, height: 1)
        GaugeWidget(label: "Tale", ratio: 0.5, text: "50 %").render(into: &b, area: b.area)
        #expect(b.text == "Tale ▕█████████         ▏ 50 %") // 18 cells, half of them full
        var empty = ScreenBuffer(width: 30, height: 1)
        GaugeWidget(label: "Tale", ratio: .nan, text: "–").render(into: &empty, area: empty.area)
        #expect(empty.text == "Tale ▕                     ▏ –")
    }

    @Test func aSparklineShowsTheNewestValuesOnTheRight() {
        var b = ScreenBuffer(width: 6, height: 1)
        SparklineWidget(values: [100, 0, 1, 2, 4, 8], maximum: 8).render(into: &b, area: b.area)
        #expect(b.text == "█ ▁▂▄█")
        var short = ScreenBuffer(width: 6, height: 1)
        SparklineWidget(values: [1, 2]).render(into: &short, area: short.area)
        #expect(short.text == "    ▄█")
    }

    @Test func aBrailleWaveformDrawsMinimumToMaximumPerDotColumn() {
        var b = ScreenBuffer(width: 2, height: 2)
        // Silence, full scale, the upper half, a marked column.
        BrailleWaveform(columns: [(0, 0), (-1, 1), (0, 1), (-0.2, 0.2)], marked: [3..<4]).render(into: &b, area: b.area)
        // 8 dot rows: silence is row 4 (the lower cell's top), full scale rows 0-7, 0…1 rows 0-4, ±0.2 rows 3-4.
        #expect(b.text == "⢸⣇\n⢹⠉")
        #expect(b[1, 0].style.foreground == .yellow && b[0, 0].style.foreground == .green)
    }

    @Test func aHalfBlockSpectrogramInColourAndInShades() {
        var colour = ScreenBuffer(width: 2, height: 1)
        HalfBlockSpectrogram(columns: [[0.0, 1.0], [1.0, 0.0]]).render(into: &colour, area: colour.area)
        #expect(colour.text == "▀▀")
        #expect(colour[0, 0].style.foreground == .white && colour[0, 0].style.background == .black)
        #expect(colour[1, 0].style.foreground == .black && colour[1, 0].style.background == .white)
        var mono = ScreenBuffer(width: 3, height: 1)
        HalfBlockSpectrogram(columns: [[0, 0], [0.5, 0.1], [1, 1]], colours: false).render(into: &mono, area: mono.area)
        #expect(mono.text == " ▒█")
    }

    @Test func aTableSizesItsColumnsAndKeepsTheSelectedRowInView() {
        var b = ScreenBuffer(width: 24, height: 3)
        TableWidget(headers: ["fra", "kode"], rows: (1...5).map { ["0:0\($0)", "Veer \($0)"] }, selected: 4).render(into: &b, area: b.area)
        #expect(b.text == "fra   kode\n0:04  Veer 4\n0:05  Veer 5")
        #expect(b[0, 2].style.reverse && !b[0, 1].style.reverse)
        #expect(b[0, 0].style.underline)
    }

    @Test func withoutColoursBannersBecomeReverseAndHighlightsBold() {
        let banner = Style(foreground: .white, background: .red, bold: true).monochrome
        #expect(banner == Style(bold: true, reverse: true))
        #expect(Style(foreground: .cyan).monochrome == Style(bold: true))
        #expect(Style(dim: true, underline: true).monochrome == Style(dim: true, underline: true))
        // A selected (reversed) row with a coloured background stays distinguishable: it flips back.
        #expect(Style(background: .yellow, reverse: true).monochrome.reverse == false)
    }
}
