import Foundation
import Support
import Yams

/// Reads a YAML file Stats depends on, turning every failure into a `StatsError` that names the file.
enum YAMLFile {
    static func decode<T: Decodable>(_ type: T.Type, from url: URL, hint: String) throws -> T {
        let text = try read(url, hint: hint)
        do {
            return try YAMLDecoder().decode(type, from: text)
        } catch let error as DecodingError {
            let (location, problem) = error.locationAndProblem
            throw StatsError.invalidFile(path: url.path, location: location, problem: problem)
        } catch {
            throw StatsError.invalidFile(path: url.path, location: "", problem: String(describing: error))
        }
    }

    static func read(_ url: URL, hint: String) throws -> String {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw StatsError.missingFile(path: url.path, hint: hint)
        }
        do {
            let data = try Data(contentsOf: url)
            guard let text = String(data: data, encoding: .utf8) else {
                throw StatsError.invalidFile(path: url.path, location: "", problem: "not valid UTF-8")
            }
            return text
        } catch let error as StatsError {
            throw error
        } catch {
            throw StatsError.invalidFile(path: url.path, location: "", problem: error.localizedDescription)
        }
    }
}
