import Foundation
import Scoring

/// Reads `Rankings/<year>.json`, as `meetlat score` writes it.
public enum RankingFile {
    public static func url(year: Int, rankings: URL) -> URL {
        rankings.appendingPathComponent("\(year).json")
    }

    public static func load(year: Int, rankings: URL) throws -> Ranking {
        let url = url(year: year, rankings: rankings)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw StatsError.missingFile(path: url.path, hint: "run `meetlat score --year \(year)` first")
        }
        let ranking: Ranking
        do {
            let data = try Data(contentsOf: url)
            ranking = try RankingJSONReader.read(data) ?? JSONDecoder().decode(Ranking.self, from: data)
        } catch let error as DecodingError {
            let (location, problem) = error.locationAndProblem
            throw StatsError.invalidFile(path: url.path, location: location, problem: problem)
        } catch {
            throw StatsError.invalidFile(path: url.path, location: "", problem: error.localizedDescription)
        }
        guard ranking.year == year else {
            throw StatsError.invalidFile(path: url.path, location: "year", problem: "found \(ranking.year), expected \(year)")
        }
        return ranking
    }
}
