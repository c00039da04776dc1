import CFFTW
import Foundation

/// A single-precision real-to-complex FFTW plan of one size, made once and reused. Making and destroying
/// plans is serialised (FFTW's planner is not thread-safe); executing one plan from one thread at a time
/// is safe, so each analyser owns its plan and buffers.
public final class FFTPlan {
    static let planner = NSLock()

    public let size: Int
    private let input: UnsafeMutablePointer<Float>
    private let output: OpaquePointer
    private let plan: OpaquePointer

    public init(size: Int) {
        self.size = size
        Self.planner.lock()
        defer { Self.planner.unlock() }
        input = fftwf_alloc_real(size)
        output = OpaquePointer(fftwf_alloc_complex(size / 2 + 1))
        plan = fftwf_plan_dft_r2c_1d(Int32(size), input, UnsafeMutablePointer(output), UInt32(FFTW_ESTIMATE))
    }

    deinit {
        Self.planner.lock()
        defer { Self.planner.unlock() }
        fftwf_destroy_plan(plan)
        fftwf_free(input)
        fftwf_free(UnsafeMutableRawPointer(output))
    }

    /// The power spectrum of the frame `fill` writes into the plan's input (all `size` samples), into `power`
    /// (size/2 + 1 bins): no copy on the way in.
    public func power(filling fill: (UnsafeMutablePointer<Float>) -> Void, into power: UnsafeMutablePointer<Float>) {
        fill(input)
        fftwf_execute(plan)
        let complex = UnsafeMutableRawPointer(output).assumingMemoryBound(to: Float.self)
        for k in 0...(size / 2) {
            let re = complex[2 * k], im = complex[2 * k + 1]
            power[k] = re * re + im * im
        }
    }

    /// The complex spectrum (size/2 + 1 bins) of the frame `fill` writes, as interleaved re, im pairs.
    public func spectrum(filling fill: (UnsafeMutablePointer<Float>) -> Void, into out: UnsafeMutablePointer<Float>) {
        fill(input)
        fftwf_execute(plan)
        out.update(from: UnsafeMutableRawPointer(output).assumingMemoryBound(to: Float.self), count: 2 * (size / 2 + 1))
    }
}

/// A single-precision complex-to-real FFTW plan of one size: a power spectrum back to an (unnormalised)
/// autocorrelation. Made and destroyed under the same lock as the forward plans.
public final class InverseFFTPlan {
    public let size: Int
    private let input: OpaquePointer
    private let output: UnsafeMutablePointer<Float>
    private let plan: OpaquePointer

    public init(size: Int) {
        self.size = size
        FFTPlan.planner.lock()
        defer { FFTPlan.planner.unlock() }
        input = OpaquePointer(fftwf_alloc_complex(size / 2 + 1))
        output = fftwf_alloc_real(size)
        plan = fftwf_plan_dft_c2r_1d(Int32(size), UnsafeMutablePointer(input), output, UInt32(FFTW_ESTIMATE))
    }

    deinit {
        FFTPlan.planner.lock()
        defer { FFTPlan.planner.unlock() }
        fftwf_destroy_plan(plan)
        fftwf_free(UnsafeMutableRawPointer(input))
        fftwf_free(output)
    }

    /// The inverse transform of a real, even spectrum (`size/2 + 1` power values) into `out` (`size` values).
    public func realFromPower(_ power: UnsafeBufferPointer<Float>, into out: UnsafeMutablePointer<Float>) {
        let complex = UnsafeMutableRawPointer(input).assumingMemoryBound(to: Float.self)
        for k in 0...(size / 2) {
            complex[2 * k] = power[k]
            complex[2 * k + 1] = 0
        }
        fftwf_execute(plan)
        out.update(from: output, count: size)
    }

    /// The inverse transform of a complex half spectrum (`size/2 + 1` interleaved re, im pairs) into `out`.
    public func realFromSpectrum(_ spectrum: UnsafeBufferPointer<Float>, into out: UnsafeMutablePointer<Float>) {
        let complex = UnsafeMutableRawPointer(input).assumingMemoryBound(to: Float.self)
        for k in 0..<(2 * (size / 2 + 1)) { complex[k] = k < spectrum.count ? spectrum[k] : 0 }
        fftwf_execute(plan)
        out.update(from: output, count: size)
    }
}
