import Configuration
import Foundation

/// Reads a YAML file Stats depends on through the one configuration reader (`ConfigFile`); a
/// file that is not there is a `StatsError.missingFile` with `hint`.
enum YAMLFile {
    static func read(_ url: URL, hint: String) throws -> ConfigNode {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw StatsError.missingFile(path: url.path, hint: hint)
        }
        return try ConfigFile.read(url, expected: hint)
    }
}
