import Foundation
import Support

/// Reads `Rankings/<year>.json` as `RankingsWriter` writes it: the direct reader
/// (`RankingJSONReader`, for speed) and, for anything it does not handle, `JSONDecoder`, which
/// also names the problem of a damaged file.
public enum RankingFile {
    public static func url(year: Int, rankings: URL) -> URL {
        RankingsWriter.jsonURL(year: year, in: rankings)
    }

    /// The years with a `<year>.json` in the rankings folder (the editions), ascending; nil when
    /// the folder cannot be read. Each caller says in its own words what is missing.
    public static func years(in rankings: URL) -> [Int]? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: rankings.path) else { return nil }
        return names.compactMap { name -> Int? in
            guard name.hasSuffix(".json"), name.count == 9 else { return nil }
            return Int(name.prefix(4))
        }.sorted()
    }

    public static func load(year: Int, rankings: URL) throws -> Ranking {
        let url = url(year: year, rankings: rankings)
        let data = try JSONFile.contents(of: url, hint: "run `meetlat score --year \(year)` first")
        let ranking = try RankingJSONReader.read(data) ?? JSONFile.decode(Ranking.self, from: data, path: url.path)
        guard ranking.year == year else {
            throw DataFileError.invalid(path: url.path, location: "year", problem: "found \(ranking.year), expected \(year)")
        }
        return ranking
    }
}
