import Foundation

/// The vertex of the parabola through three points (x of the extremum, its value); the middle point when
/// the three are on a line.
enum Parabola {
    static func vertex(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ x3: Double, _ y3: Double) -> (x: Double, y: Double) {
        let denominator = (x1 - x2) * (x1 - x3) * (x2 - x3)
        guard denominator != 0 else { return (x2, y2) }
        let a = (x3 * (y2 - y1) + x2 * (y1 - y3) + x1 * (y3 - y2)) / denominator
        let b = (x3 * x3 * (y1 - y2) + x2 * x2 * (y3 - y1) + x1 * x1 * (y2 - y3)) / denominator
        let c = (x2 * x3 * (x2 - x3) * y1 + x3 * x1 * (x3 - x1) * y2 + x1 * x2 * (x1 - x2) * y3) / denominator
        guard a != 0 else { return y1 >= y2 && y1 >= y3 ? (x1, y1) : (y3 > y2 ? (x3, y3) : (x2, y2)) }
        let x = -b / (2 * a)
        return (x, c - b * b / (4 * a))
    }
}
