import CNcurses
import Foundation

/// The real terminal through ncursesw's wide-character API: UTF-8 locale, keypad keys, resize via
/// KEY_RESIZE, colours when the terminal has them (attributes alone otherwise).
public final class NcursesTerminal: Terminal {
    private var pairs: [Int: Int16] = [:]
    /// The terminal shows colours; without them every style is drawn as its `monochrome` form.
    public let hasColours: Bool
    private var open = true

    public init() {
        // ncursesw needs a UTF-8 locale for æøå; without one in the environment, use C.UTF-8.
        if let set = setlocale(LC_ALL, ""), !String(cString: set).uppercased().contains("UTF-8") && !String(cString: set).uppercased().contains("UTF8") {
            setlocale(LC_ALL, "C.UTF-8")
        } else if setlocale(LC_ALL, "") == nil {
            setlocale(LC_ALL, "C.UTF-8")
        }
        initscr()
        cbreak()
        noecho()
        keypad(triage_stdscr(), true)
        curs_set(0)
        hasColours = has_colors() && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        if hasColours {
            start_color()
            use_default_colors()
        }
    }

    deinit { restore() }

    public var size: (width: Int, height: Int) { (Int(triage_max_x(triage_stdscr())), Int(triage_max_y(triage_stdscr()))) }

    public func draw(_ runs: [BufferDiff.Run]) {
        for run in runs {
            var x = run.x
            for cell in run.cells {
                defer { x += 1 }
                if cell.text.isEmpty { continue } // the second column of a wide grapheme
                attrset(Int32(bitPattern: attributes(cell.style)))
                var wide = cell.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) } + [0]
                mvaddwstr(Int32(run.y), Int32(x), &wide)
            }
        }
        attrset(Int32(bitPattern: triage_a_normal()))
        refresh()
    }

    public func readKey(timeout: TimeInterval) -> Key? {
        CNcurses.timeout(Int32(max(0, timeout * 1000)))
        var value: wint_t = 0
        let kind = get_wch(&value)
        if kind == ERR { return nil }
        if kind == KEY_CODE_YES {
            switch Int32(value) {
            case KEY_UP: return .up
            case KEY_DOWN: return .down
            case KEY_LEFT: return .left
            case KEY_RIGHT: return .right
            case KEY_PPAGE: return .pageUp
            case KEY_NPAGE: return .pageDown
            case KEY_HOME: return .home
            case KEY_END: return .end
            case KEY_ENTER: return .enter
            case KEY_BACKSPACE: return .backspace
            case triage_key_resize(): return .resize
            default: return nil
            }
        }
        switch value {
        case 10, 13: return .enter
        case 27: return .escape
        case 9: return .tab
        case 127, 8: return .backspace
        default: return Unicode.Scalar(UInt32(value)).map { .character(Character($0)) }
        }
    }

    public func restore() {
        guard open else { return }
        open = false
        endwin()
    }

    private func attributes(_ given: Style) -> attr_t {
        let style = hasColours ? given : given.monochrome
        var a = triage_a_normal()
        if style.bold { a |= triage_a_bold() }
        if style.dim { a |= triage_a_dim() }
        if style.reverse { a |= triage_a_reverse() }
        if style.underline { a |= triage_a_underline() }
        if hasColours, style.foreground != nil || style.background != nil {
            let key = (style.foreground?.rawValue ?? -1) * 16 + (style.background?.rawValue ?? -1) + 17
            let pair: Int16
            if let known = pairs[key] { pair = known } else {
                pair = Int16(pairs.count + 1)
                init_pair(pair, Int16(style.foreground?.rawValue ?? -1), Int16(style.background?.rawValue ?? -1))
                pairs[key] = pair
            }
            a |= attr_t(triage_color_pair(Int32(pair)))
        }
        return a
    }
}
