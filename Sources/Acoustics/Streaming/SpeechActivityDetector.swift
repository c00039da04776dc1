/// Speech / non-speech per frame from frame levels, for the live strip and the speech ratio: a frame
/// is speech when it stands `thresholdDB` above a noise floor that follows the quietest recent frames
/// (so steady telephone line noise lifts the floor, not the decision), held for `hangoverFrames`
/// after the last loud frame so the gaps between words stay speech. Works frame by frame, so a
/// chunked stream gives the same decisions as a whole file.
public struct SpeechActivityDetector: Sendable {
    public var thresholdDB: Float = 10
    /// Frames speech is held after the level drops (20 = 200 ms at a 10 ms hop).
    public var hangoverFrames = 20
    /// How fast the floor may rise per frame (dB), so it follows a louder line but not speech.
    public var floorRiseDB: Float = 0.02
    private var floor: Float?
    private var hold = 0

    public init() {}

    /// The decision for the next frame, given its level (dB).
    public mutating func isSpeech(level: Float) -> Bool {
        let current = floor.map { min(level, $0 + floorRiseDB) } ?? level
        floor = max(current, FrameEnergy.floorDB)
        if level >= (floor ?? level) + thresholdDB && level > -70 {
            hold = hangoverFrames
            return true
        }
        if hold > 0 { hold -= 1; return true }
        return false
    }
}
