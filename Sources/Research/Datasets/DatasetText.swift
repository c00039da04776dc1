import Foundation

/// Text helpers every dataset writer shares: byte order (what `LC_ALL=C sort` gives), fixed-decimal seconds,
/// and files written as UTF-8.
enum DatasetText {
    /// Whether `a` sorts before `b` byte by byte in UTF-8.
    static func byteOrder(_ a: String, _ b: String) -> Bool { Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8)) }

    /// Milliseconds as seconds with two decimals, rounded down (`up` rounds up), never below zero: "12.34".
    static func seconds(_ ms: Int, up: Bool = false) -> String {
        let clamped = max(0, ms)
        let centis = clamped / 10 + (up && clamped % 10 != 0 ? 1 : 0)
        let fraction = centis % 100
        return "\(centis / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// Writes `text` to `path` in the staging folder (flushed once before it is put in place), naming the file when it cannot.
    static func write(_ text: String, to path: String) throws {
        do { try StagedFile.write(text, to: path) } catch { throw DatasetProblem(path: path, problem: "cannot be written (\(error.reason))") }
    }

    /// Creates a folder (and its parents), naming it when it cannot.
    static func makeFolder(_ path: String) throws {
        do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
            throw DatasetProblem(path: path, problem: "cannot create the folder (\((error as NSError).localizedDescription))")
        }
    }
}
