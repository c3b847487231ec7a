import Configuration
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
    return Evaluator(model).evaluate(model.baseValues)
}

/// The error `body` throws, as an `E` (nil when it throws none or another type).
func thrown<E: Error>(_ type: E.Type, by body: () throws -> Void) -> E? {
    do {
        try body()
        return nil
    } catch {
        return error as? E
    }
}

/// The error `body` throws, as an `ROIError` (a what-if's or a score list's problems).
func roiError(_ body: () throws -> Void) -> ROIError? { thrown(ROIError.self, by: body) }

/// The error `body` throws, as a `ConfigError` (a scenario file's problems).
func scenarioError(_ body: () throws -> Void) -> ConfigError? { thrown(ConfigError.self, by: body) }

/// The repository root (for the example scenarios).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func exampleScenarioPaths() throws -> [String] {
    let folder = repositoryRoot.appendingPathComponent("Scenarios")
    return try FileManager.default.contentsOfDirectory(atPath: folder.path)
        .filter { $0.hasSuffix(".yaml") }.sorted().map { folder.appendingPathComponent($0).path }
}
