import Foundation

/// A folder laid out like `Surveys/`: `<year>/mapping.yaml` + export, `reference/`, `models/`.
/// The entry point every command uses to read input.
public struct SurveyFolder: Sendable {
    public let url: URL

    public init(_ url: URL) {
        self.url = url
    }

    public var referenceURL: URL { url.appendingPathComponent("reference") }
    public var modelsURL: URL { url.appendingPathComponent("models") }

    public func yearURL(_ year: Int) -> URL { url.appendingPathComponent(String(year)) }

    /// Survey years present: four-digit folders holding a `mapping.yaml`, ascending.
    public func years() throws -> [Int] {
        let names = try FileManager.default.contentsOfDirectory(atPath: url.path)
        return names.compactMap { name -> Int? in
            guard name.count == 4, let year = Int(name) else { return nil }
            let mapping = yearURL(year).appendingPathComponent("mapping.yaml").path
            return FileManager.default.fileExists(atPath: mapping) ? year : nil
        }.sorted()
    }

    /// Reads `reference/`. (Implemented by the ingest stage: see ReferenceLoader.)
    public func reference() throws -> Reference {
        throw IngestError.notYetImplemented("reading \(referenceURL.path)")
    }

    /// Reads and validates one year. With `strict`, any reject fails the run.
    /// (Implemented by the ingest stage.)
    public func ingest(year: Int, reference: Reference, strict: Bool = false) throws -> SurveyYear {
        throw IngestError.notYetImplemented("ingesting \(yearURL(year).path)")
    }
}

public enum IngestError: Error, CustomStringConvertible {
    case notYetImplemented(String)

    public var description: String {
        switch self {
        case .notYetImplemented(let what): return "\(what) is not implemented yet"
        }
    }
}
