@testable import Acoustics
import Testing

/// openSMILE's contour functionals on contours small enough to follow by hand.
@Suite struct ContourFunctionalsTests {
    /// A voiced run of three frames and one of two: only the first is a segment (at least three frames),
    /// and openSMILE measures it from its first frame to its last (two frames).
    @Test func segmentsFollowOpenSMILEsRules() {
        let contour: [Double] = [0, 0, 1, 1, 1, 0, 0, 1, 1, 0, 0]
        let s = ContourFunctionals.segments(contour, nonZero: true, period: 0.01)
        #expect(abs(s.perSecond - 1 / 0.11) < 1e-9)
        #expect(abs(s.meanSeconds - 0.02) < 1e-12)
        #expect(s.stddevSeconds == 0)
        #expect(ContourFunctionals.segments([], nonZero: true, period: 0.01) == ContourFunctionals.Segments())
    }

    /// A rise to a peak, a fall to a valley and a rise to the end: one peak, slopes of 100 per second,
    /// the stretch to the end counted in the rising mean.
    @Test func slopesRunBetweenThePeaksAndValleysThatSurvive() {
        let contour: [Double] = [0, 1, 2, 3, 4, 3, 2, 1, 0, 1, 2, 3, 4]
        let s = ContourFunctionals.slopes(contour, period: 0.01)
        #expect(s.peaks == 1)
        #expect(abs(s.meanRising - 100) < 1e-9 && abs(s.meanFalling - 100) < 1e-9)
        #expect(s.stddevRising == 0 && s.stddevFalling == 0)
        // A ripple below 10 % of the range is not a peak.
        let rippled: [Double] = [0, 1, 2, 3, 4, 3.9, 4, 3, 2, 1, 0, 0, 0]
        #expect(ContourFunctionals.slopes(rippled, period: 0.01).peaks == 1)
    }

    @Test func momentsUseTheSignedMean() {
        let m = ContourFunctionals.moments([-1, -3])
        #expect(m.mean == -2 && m.stddevNorm == -0.5)
        #expect(ContourFunctionals.moments([]) == (0, 0))
    }
}
