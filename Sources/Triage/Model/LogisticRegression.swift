import Foundation

/// Binary logistic regression with an L2 penalty over sparse binary features, fitted by full-batch
/// gradient descent with AdaGrad steps. Deterministic: the same rows give the same weights, bit for bit.
struct LogisticRegression: Sendable {
    struct Parameters: Codable, Sendable, Equatable {
        /// The L2 penalty per example.
        var l2: Double
        var iterations: Int
        var learningRate: Double
    }

    var weights: [Double]
    var bias: Double

    /// Fits one classifier; `rows` hold the indices of each example's features (each below `dimension`).
    static func fit(rows: [[Int32]], labels: [Bool], dimension: Int, parameters: Parameters) -> LogisticRegression {
        var w = [Double](repeating: 0, count: dimension)
        var b = 0.0
        var squared = [Double](repeating: 1e-8, count: dimension)
        var squaredBias = 1e-8
        var gradient = [Double](repeating: 0, count: dimension)
        let n = Double(max(1, rows.count))
        for _ in 0..<max(0, parameters.iterations) {
            for j in gradient.indices { gradient[j] = 0 }
            var gradientBias = 0.0
            for (row, label) in zip(rows, labels) {
                var z = b
                for j in row { z += w[Int(j)] }
                let g = sigmoid(z) - (label ? 1 : 0)
                gradientBias += g
                for j in row { gradient[Int(j)] += g }
            }
            for j in 0..<dimension {
                let g = gradient[j] / n + parameters.l2 * w[j]
                guard g != 0 else { continue }
                squared[j] += g * g
                w[j] -= parameters.learningRate * g / squared[j].squareRoot()
            }
            let gb = gradientBias / n
            squaredBias += gb * gb
            b -= parameters.learningRate * gb / squaredBias.squareRoot()
        }
        return LogisticRegression(weights: w, bias: b)
    }

    static func sigmoid(_ z: Double) -> Double {
        z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z))
    }
}
