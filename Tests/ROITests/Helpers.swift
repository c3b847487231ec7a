import Foundation
@testable import ROI

/// Reads a scenario written inline in a test.
func scenario(_ yaml: String, source: String = "test.yaml") throws -> Scenario {
    try ScenarioLoader.parse(yaml, source: source)
}

func compiled(_ yaml: String, discountRate: Double? = nil) throws -> CompiledScenario {
    CompiledScenario(try scenario(yaml), discountRate: discountRate)
}

func metrics(_ yaml: String, discountRate: Double? = nil) throws -> Metrics {
    let model = try compiled(yaml, discountRate: discountRate)
    return model.evaluate(model.baseValues)
}

/// The error `body` throws, as an `ROIError` (nil when it throws none or another type).
func roiError(_ body: () throws -> Void) -> ROIError? {
    do {
        try body()
        return nil
    } catch let error as ROIError {
        return error
    } catch {
        return nil
    }
}

/// The repository root (for the example scenarios).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func exampleScenarioPaths() throws -> [String] {
    let folder = repositoryRoot.appendingPathComponent("Scenarios")
    return try FileManager.default.contentsOfDirectory(atPath: folder.path)
        .filter { $0.hasSuffix(".yaml") }.sorted().map { folder.appendingPathComponent($0).path }
}
