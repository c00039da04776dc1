import Testing
@testable import TerminalUI

@Suite struct RenderingTests {
    @Test func displayWidthsOfDanishWideAndCombiningCharacters() {
        #expect(DisplayWidth.of("Fødemodtagelsen æøå ÆØÅ") == 23)
        #expect(DisplayWidth.of("日本") == 4)
        #expect(DisplayWidth.of("e\u{301}") == 1) // e with a combining acute
        #expect(DisplayWidth.of("👶") == 2)
        #expect(DisplayWidth.truncate("Blødning i graviditeten", to: 10) == "Blødning …")
    }

    @Test func wideCharactersTakeTwoCellsAndAreClipped() {
        var b = ScreenBuffer(width: 6, height: 1)
        let end = b.put("a日b", x: 0, y: 0)
        #expect(end == 4)
        #expect(b[1, 0].text == "日" && b[2, 0] == .continuation)
        b.put("xy日", x: 3, y: 0, maxX: 6)
        #expect(b.text == "a日xy") // "xy" over "b"; the wide character did not fit in the last column
    }

    @Test func theDiffWritesOnlyChangedCells() {
        var a = ScreenBuffer(width: 10, height: 3)
        a.put("hello", x: 0, y: 0)
        var b = a
        b.put("J", x: 0, y: 0)
        b.put("øh", x: 3, y: 2)
        let runs = BufferDiff.runs(from: a, to: b)
        #expect(runs.count == 2)
        #expect(runs.map(\.cells.count).reduce(0, +) == 3)
        #expect(BufferDiff.runs(from: b, to: b).isEmpty)
        #expect(BufferDiff.runs(from: nil, to: b).map(\.cells.count).reduce(0, +) == 30) // first frame: everything
    }

    @Test func theDiffNeverStartsInsideAWideCharacter() {
        var a = ScreenBuffer(width: 6, height: 1)
        a.put("a日b", x: 0, y: 0)
        var b = a
        b[2, 0].style = .bold // only the continuation changed
        let runs = BufferDiff.runs(from: a, to: b)
        #expect(runs.first?.x == 1 && runs.first?.cells.first?.text == "日")
    }

    @Test func widgetsRenderAsText() {
        var b = ScreenBuffer(width: 30, height: 4)
        BarsWidget(bars: [.init(label: "Veer", value: 10, text: "10"), .init(label: "Kløe", value: 5, text: "5")])
            .render(into: &b, area: b.area)
        #expect(b.text.split(separator: "\n").first == "Veer     ██████████████████ 10")
        #expect(b.text.split(separator: "\n").dropFirst().first == "Kløe     █████████ 5")
        var l = ScreenBuffer(width: 12, height: 3)
        ListWidget(items: (1...5).map { .init("opkald \($0)") }, selected: 4).render(into: &l, area: l.area)
        #expect(l.text == "opkald 3\nopkald 4\nopkald 5")
        #expect(l[0, 2].style.reverse)
        var t = ScreenBuffer(width: 20, height: 4)
        let lines = HighlightedText(paragraphs: [.init(prefix: "C: ", text: "Vandet er gået og det er grønt", spans: [.init(range: 0..<14, style: .bold)])])
            .render(into: &t, area: t.area)
        #expect(lines == 2)
        #expect(t.text.hasPrefix("C: Vandet er gået og\n   det er grønt\n"))
        #expect(t[3, 0].style.bold && !t[6, 1].style.bold)
    }
}

