import Foundation
@testable import Research
import Testing

/// Label Studio's audio tasks: annotations and predictions with `labels` results, channels and notes kept.
@Suite struct LabelStudioLabelsTests {
    @Test func aRoundTripKeepsEveryLabelChannelAndNote() throws {
        let other = LabelSheet(callID: 8, durationMs: nil, labels: [])
        let written = try LabelStudioLabels.write([LabelSamples.sheet, other])
        let read = try LabelStudioLabels.read(Data(written.text.utf8))
        #expect(read.map(\.callID) == [7, 8])
        #expect(LabelSamples.comparable(read[0].labels, channel: true) == LabelSamples.comparable(LabelSamples.labels, channel: true))
        #expect(read[1].labels.isEmpty)
        let tasks = try #require(try JSONSerialization.jsonObject(with: Data(written.text.utf8)) as? [[String: Any]])
        let first = try #require((tasks[0]["annotations"] as? [[String: Any]])?.first)
        #expect(first["created_username"] as? String == "anna")
        let result = try #require((first["result"] as? [[String: Any]])?.first)
        #expect(result["type"] as? String == "labels" && result["from_name"] as? String == "reason" && result["to_name"] as? String == "audio")
        #expect((tasks[0]["data"] as? [String: Any])?["audio"] as? String == "call-7.flac")
    }

    @Test func predictionsAreReadAsTheModelVersionsLabels() throws {
        let written = try LabelStudioLabels.write([LabelSamples.sheet], asPredictions: true)
        #expect(written.text.contains("\"model_version\" : \"bo\"") && !written.text.contains("\"annotations\""))
        let read = try LabelStudioLabels.read(Data(written.text.utf8))
        #expect(LabelSamples.comparable(read[0].labels, channel: true) == LabelSamples.comparable(LabelSamples.labels, channel: true))
    }

    @Test func labelStudiosOwnExportIsRead() throws {
        // As Label Studio 1.x exports: the user as "email, id", several labels in one region, other result types.
        let json = """
            [{"id": 12, "data": {"audio": "/data/upload/1/call.flac"},
              "annotations": [{"id": 3, "completed_by": 1, "created_username": " anna@unit.dk, 1", "was_cancelled": false,
                "result": [{"id": "wx", "type": "labels", "from_name": "label", "to_name": "audio", "original_length": 30.5,
                            "value": {"start": 1.2345, "end": 2, "channel": 1, "labels": ["abdominal_pain", "vaginal_bleeding"]}},
                           {"id": "wx", "type": "textarea", "from_name": "note", "to_name": "audio", "value": {"text": ["x"]}}]}],
              "predictions": [{"model_version": "rules-1.4", "score": 0.5, "result": [
                {"type": "labels", "value": {"start": 0, "end": 0.5, "labels": ["labour_contractions"]}}]}]}]
            """
        let read = try LabelStudioLabels.read(Data(json.utf8))
        #expect(read.count == 1 && read[0].callID == nil)
        #expect(read[0].labels.map { "\($0.annotator ?? "-") \($0.startMs)-\($0.endMs) \($0.code) \($0.channel.map(String.init) ?? "-")" } == [
            "anna@unit.dk 1235-2000 abdominal_pain 1", "anna@unit.dk 1235-2000 vaginal_bleeding 1", "rules-1.4 0-500 labour_contractions -",
        ])
        #expect(read[0].labels[0].place == "task 1, annotation 1, result 1")
        #expect(read[0].notices == ["task 1, annotation 1, result 2: a 'textarea' result, not labels, passed over"])
    }

    @Test(arguments: [
        ("{\"data\": {}, \"annotations\": [{\"result\": [{\"type\": \"labels\", \"value\": {\"start\": -1, \"end\": 2, \"labels\": [\"x\"]}}]}]}",
         "task 1, annotation 1, result 1: start -1.0 is not a time in seconds (negative, too large or not a number)"),
        ("[{\"data\": {}, \"annotations\": [{\"result\": [{\"type\": \"labels\", \"value\": {\"start\": 0, \"end\": 1e308, \"labels\": [\"x\"]}}]}]}]",
         "task 1, annotation 1, result 1: end 1e+308 is not a time in seconds (negative, too large or not a number)"),
        ("[{\"data\": {}, \"annotations\": [{\"result\": [{\"type\": \"labels\", \"value\": {\"start\": true, \"end\": 1, \"labels\": [\"x\"]}}]}]}]",
         "task 1, annotation 1, result 1: value.start and value.end must be numbers (seconds)"),
        ("[{\"data\": {}, \"annotations\": [{\"result\": [{\"type\": \"labels\", \"value\": {\"start\": 0, \"end\": 1, \"labels\": []}}]}]}]",
         "task 1, annotation 1, result 1: value.labels must be a non-empty list of codes"),
        ("[{\"data\": {\"call_id\": 1.5}}]", "task 1: data.call_id must be a call's id (a positive whole number)"),
        ("[{\"annotations\": []}]", "task 1: no \"data\" object"),
        ("[{\"data\": {}, \"annotations\": {}}]", "task 1: \"annotations\" must be a list"),
        ("[1]", "task 1: a task must be a JSON object"),
        ("\"tasks\"", "expected a list of Label Studio tasks"),
        ("[{\"data\": ", "not valid JSON"),
    ])
    func malformedFilesAreOneLineWithThePlace(json: String, message: String) {
        #expect { try LabelStudioLabels.read(Data(json.utf8)) } throws: { error in
            let text = (error as? LabelFormatProblem)?.description ?? "\(error)"
            return text.hasPrefix(message) && !text.contains("\n")
        }
    }
}
