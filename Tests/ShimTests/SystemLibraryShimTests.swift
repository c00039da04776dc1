import CCrypto
import CFFTW
import CNcurses
import CSndFile
import CStemmer
import Testing

/// The C shims compile, link and call into the real system libraries.
@Suite struct SystemLibraryShimTests {
    @Test func fftwSinglePrecisionTransformsAnImpulseIntoAFlatSpectrum() throws {
        let n: Int32 = 16
        let input = try #require(fftwf_alloc_real(Int(n)))
        let output = try #require(fftwf_alloc_complex(Int(n / 2 + 1)))
        defer { fftwf_free(input); fftwf_free(output) }
        let plan = try #require(fftwf_plan_dft_r2c_1d(n, input, output, UInt32(FFTW_ESTIMATE)))
        defer { fftwf_destroy_plan(plan) }
        for i in 0..<Int(n) { input[i] = i == 0 ? 1 : 0 }
        fftwf_execute(plan)
        for k in 0...Int(n / 2) {
            let (re, im) = withUnsafeBytes(of: output[k]) { ($0.load(as: Float.self), $0.load(fromByteOffset: 4, as: Float.self)) }
            #expect(abs(re - 1) < 1e-6 && abs(im) < 1e-6)
        }
    }

    @Test func snowballStemsDanishAndEnglish() throws {
        func stem(_ word: String, _ language: String) throws -> String {
            let stemmer = try #require(sb_stemmer_new(language, "UTF_8"))
            defer { sb_stemmer_delete(stemmer) }
            let bytes = Array(word.utf8)
            let result = try #require(bytes.withUnsafeBufferPointer { sb_stemmer_stem(stemmer, $0.baseAddress, Int32($0.count)) })
            let length = Int(sb_stemmer_length(stemmer))
            return String(decoding: UnsafeBufferPointer(start: result, count: length), as: UTF8.self)
        }
        #expect(try stem("blødninger", "danish") == stem("blødning", "danish"))
        #expect(try stem("contractions", "english") == "contract")
    }

    @Test func ncursesIsTheWideCharacterBuild() throws {
        let version = String(cString: try #require(curses_version()))
        #expect(version.hasPrefix("ncurses 6"))
        #expect(triage_key_resize() == KEY_RESIZE)
    }

    @Test func libsndfileReportsItsVersion() throws {
        let version = String(cString: try #require(sf_version_string()))
        #expect(version.hasPrefix("libsndfile-1."))
    }

    @Test func libcryptoComputesTheSHA256TestVector() {
        var digest = [UInt8](repeating: 0, count: 32)
        let message = Array("abc".utf8)
        _ = SHA256(message, message.count, &digest)
        let hex = digest.map { String($0, radix: 16) }.map { $0.count == 1 ? "0" + $0 : $0 }.joined()
        #expect(hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
