/// A call's acoustic features as stored: one channel's summary (or the call's turn-taking, channel nil),
/// under the feature set's name and the version of the extractor that computed it.
public struct CallFeatureRecord: Sendable, Equatable {
    public var channel: Int?
    public var featureSet: String
    public var extractorVersion: String
    /// The values as a JSON object.
    public var valuesJSON: String

    public init(channel: Int?, featureSet: String, extractorVersion: String, valuesJSON: String) {
        self.channel = channel; self.featureSet = featureSet; self.extractorVersion = extractorVersion; self.valuesJSON = valuesJSON
    }
}
