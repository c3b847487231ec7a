import Core
import Foundation
import Scoring
import Stats
import Support

/// `meetlat.sqlite`: every edition in one SQLite database for Datasette and any SQL client.
///
/// Written by SQLite itself, in memory, then handed out as file bytes. The same input gives the
/// same bytes: a fixed page size, no journal, rows inserted in sorted order, no time stamps, and
/// a `VACUUM` at the end that lays the pages out afresh. Only published fields go in — what the
/// rankings, statistics and gemeente pages already show — and the text of every row is handed
/// back (`DatabaseWriter.text(of:)`) for the personal-data scan.
public enum DatabaseWriter {
    /// The schema, documented in `Publish.docc` (and for Datasette in `metadata.json`).
    static let schema = """
        CREATE TABLE herkomst (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE size_classes (
            id TEXT PRIMARY KEY,
            label TEXT NOT NULL,
            minimum INTEGER NOT NULL,
            maximum INTEGER
        );
        CREATE TABLE gemeenten (
            code TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            province TEXT NOT NULL,
            first_year INTEGER NOT NULL,
            last_year INTEGER,
            successor TEXT REFERENCES gemeenten(code),
            aliases TEXT NOT NULL
        );
        CREATE TABLE inhabitants (
            code TEXT NOT NULL REFERENCES gemeenten(code),
            year INTEGER NOT NULL,
            inhabitants INTEGER NOT NULL,
            size_class TEXT REFERENCES size_classes(id),
            source TEXT,
            estimate INTEGER NOT NULL,
            PRIMARY KEY (code, year)
        );
        CREATE TABLE mergers (
            code TEXT PRIMARY KEY REFERENCES gemeenten(code),
            successor TEXT NOT NULL REFERENCES gemeenten(code),
            year INTEGER NOT NULL
        );
        CREATE TABLE editions (
            year INTEGER PRIMARY KEY,
            model TEXT NOT NULL,
            model_label TEXT NOT NULL,
            maximum INTEGER NOT NULL,
            gemeenten INTEGER NOT NULL,
            previous_year INTEGER REFERENCES editions(year),
            meetlat TEXT NOT NULL,
            reference TEXT NOT NULL
        );
        CREATE TABLE score_parts (
            year INTEGER NOT NULL REFERENCES editions(year),
            part TEXT NOT NULL,
            position INTEGER NOT NULL,
            label TEXT NOT NULL,
            maximum INTEGER NOT NULL,
            weight INTEGER NOT NULL,
            PRIMARY KEY (year, part)
        );
        CREATE TABLE rankings (
            year INTEGER NOT NULL REFERENCES editions(year),
            code TEXT NOT NULL REFERENCES gemeenten(code),
            name TEXT NOT NULL,
            province TEXT NOT NULL,
            size_class TEXT NOT NULL REFERENCES size_classes(id),
            inhabitants INTEGER NOT NULL,
            total INTEGER NOT NULL,
            maximum INTEGER NOT NULL,
            rank INTEGER NOT NULL,
            rank_size_class INTEGER NOT NULL,
            rank_province INTEGER NOT NULL,
            rank_median INTEGER,
            rank_low INTEGER,
            rank_high INTEGER,
            relative_position REAL NOT NULL,
            flags TEXT NOT NULL,
            PRIMARY KEY (year, code)
        );
        CREATE TABLE scores (
            year INTEGER NOT NULL,
            code TEXT NOT NULL,
            part TEXT NOT NULL,
            points INTEGER NOT NULL,
            PRIMARY KEY (year, code, part),
            FOREIGN KEY (year, code) REFERENCES rankings(year, code),
            FOREIGN KEY (year, part) REFERENCES score_parts(year, part)
        );
        CREATE TABLE explanations (
            year INTEGER NOT NULL,
            code TEXT NOT NULL,
            line INTEGER NOT NULL,
            dimension TEXT NOT NULL,
            field TEXT NOT NULL,
            label TEXT NOT NULL,
            answer TEXT NOT NULL,
            points INTEGER,
            reason TEXT NOT NULL,
            PRIMARY KEY (year, code, line),
            FOREIGN KEY (year, code) REFERENCES rankings(year, code)
        );
        CREATE TABLE comparisons (
            year INTEGER NOT NULL,
            code TEXT NOT NULL,
            previous_year INTEGER NOT NULL REFERENCES editions(year),
            basis TEXT NOT NULL,
            previous_code TEXT,
            rank INTEGER NOT NULL,
            previous_rank INTEGER,
            rank_change INTEGER,
            total INTEGER NOT NULL,
            previous_total INTEGER,
            score_change INTEGER,
            position REAL NOT NULL,
            previous_position REAL,
            position_change REAL,
            PRIMARY KEY (year, code),
            FOREIGN KEY (year, code) REFERENCES rankings(year, code),
            FOREIGN KEY (previous_year, previous_code) REFERENCES rankings(year, code)
        );
        CREATE TABLE survey_tables (
            year INTEGER NOT NULL REFERENCES editions(year),
            table_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            definition TEXT NOT NULL,
            caption TEXT NOT NULL,
            period TEXT NOT NULL,
            notes TEXT NOT NULL,
            PRIMARY KEY (year, table_id)
        );
        CREATE TABLE survey_cells (
            year INTEGER NOT NULL,
            table_id TEXT NOT NULL,
            row_position INTEGER NOT NULL,
            row_id TEXT NOT NULL,
            column_position INTEGER NOT NULL,
            column_id TEXT NOT NULL,
            column_label TEXT NOT NULL,
            text TEXT NOT NULL,
            count INTEGER,
            denominator INTEGER,
            value REAL,
            wilson_low REAL,
            wilson_high REAL,
            PRIMARY KEY (year, table_id, row_position, column_position),
            FOREIGN KEY (year, table_id) REFERENCES survey_tables(year, table_id)
        );
        CREATE INDEX rankings_code ON rankings(code);
        CREATE INDEX rankings_year_rank ON rankings(year, rank);
        CREATE INDEX rankings_size_class ON rankings(size_class);
        CREATE INDEX rankings_province ON rankings(province);
        CREATE INDEX inhabitants_year ON inhabitants(year);
        CREATE INDEX explanations_code ON explanations(code);
        CREATE INDEX comparisons_rank_change ON comparisons(year, rank_change);
        CREATE INDEX comparisons_position_change ON comparisons(year, position_change);
        CREATE INDEX survey_cells_row ON survey_cells(year, row_id);
        CREATE INDEX mergers_successor ON mergers(successor);
        -- content="gemeenten" in double quotes: how Datasette recognises the full-text index of a table.
        CREATE VIRTUAL TABLE gemeenten_fts USING fts5(name, aliases, content="gemeenten", content_rowid="rowid");
        """

    /// The ordinary tables, in the order they are filled (referenced tables first).
    public static let tables = [
        "herkomst", "size_classes", "gemeenten", "inhabitants", "mergers", "editions", "score_parts", "rankings", "scores",
        "explanations", "comparisons", "survey_tables", "survey_cells",
    ]

    /// The database's bytes.
    public static func database(_ input: PublishInput) throws -> Data {
        let database = try SQLiteDatabase()
        // The page size before the first table; no journal (memory only); foreign keys checked
        // as rows go in, so a row pointing nowhere stops the build instead of being published.
        try database.execute("PRAGMA page_size = 4096; PRAGMA journal_mode = OFF; PRAGMA foreign_keys = ON;")
        try database.execute(schema)
        try database.execute("BEGIN")
        try fill(database, input)
        try database.execute("INSERT INTO gemeenten_fts(gemeenten_fts) VALUES ('rebuild')")
        try database.execute("COMMIT")
        let violations = try database.query("PRAGMA foreign_key_check")
        guard violations.isEmpty else {
            throw SQLiteError(code: 0, message: "\(violations.count) rows point to rows that are not there: \(violations.prefix(3))",
                              statement: "PRAGMA foreign_key_check")
        }
        try database.execute("ANALYZE; VACUUM;")
        return try database.serialized()
    }

    /// Every text value of every row of every ordinary table, one per line, and the schema: what
    /// the personal-data scan reads of the database (its pages hold the same text, but a scan of
    /// the raw bytes would also match numbers stored as binary).
    public static func text(of bytes: Data) throws -> String {
        let database = try SQLiteDatabase(bytes: bytes)
        var lines = try database.query("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name").map(textOf)
        for table in tables {
            for row in try database.query("SELECT * FROM \(table)") {
                lines.append(row.map(textOf).filter { !$0.isEmpty }.joined(separator: "\t"))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func textOf(_ row: [SQLValue]) -> String { row.first.map(textOf) ?? "" }

    private static func textOf(_ value: SQLValue) -> String {
        if case .text(let text) = value { return text }
        return ""
    }

    static func rounded(_ value: Double?, _ decimals: Int = 4) -> SQLValue {
        guard let value, value.isFinite else { return .null }
        return .real(Double(Rounding.fixed(value, decimals: decimals)) ?? value)
    }

    static func fill(_ database: SQLiteDatabase, _ input: PublishInput) throws {
        let reference = input.reference
        try database.insert("INSERT INTO herkomst VALUES (?, ?)", [
            [.text("licentie"), .text(input.licence.name)],
            [.text("licentie_url"), .text(input.licence.url)],
            [.text("meetlat"), .text(PublishInput.meetlat)],
            [.text("referentie"), .text(input.referenceDescription)],
            [.text("synthetisch"), .text(input.syntheticData ? "ja" : "nee")],
            [.text("uitgever"), .text(input.publisher)],
        ])
        try database.insert("INSERT INTO size_classes VALUES (?, ?, ?, ?)", reference.sizeClasses.sorted { $0.id < $1.id }.map {
            [.text($0.id), .text($0.label), .integer($0.minimum), .integer($0.maximum)]
        })
        // Sorted by code; a successor is inserted with foreign keys deferred to the commit.
        try database.execute("PRAGMA defer_foreign_keys = ON")
        try database.insert("INSERT INTO gemeenten VALUES (?, ?, ?, ?, ?, ?, ?)", reference.gemeenten.map { gemeente in
            [.text(gemeente.code), .text(gemeente.name), .text(gemeente.province), .integer(gemeente.firstYear),
             .integer(gemeente.lastYear), .text(gemeente.successor), .text(gemeente.aliases.sorted().joined(separator: "; "))]
        })
        var inhabitants: [[SQLValue]] = []
        for code in reference.inhabitants.keys.sorted() {
            for (year, count) in (reference.inhabitants[code] ?? [:]).sorted(by: { $0.key < $1.key }) {
                let source = reference.inhabitantsSources[code]?[year]
                inhabitants.append([.text(code), .integer(year), .integer(count), .text(reference.sizeClass(forInhabitants: count)?.id),
                                    .text(source?.source), .integer(source?.estimate == true ? 1 : 0)])
            }
        }
        try database.insert("INSERT INTO inhabitants VALUES (?, ?, ?, ?, ?, ?)", inhabitants)
        try database.insert("INSERT INTO mergers VALUES (?, ?, ?)", reference.gemeenten.compactMap { gemeente in
            guard let successor = gemeente.successor, let last = gemeente.lastYear else { return nil }
            return [.text(gemeente.code), .text(successor), .integer(last + 1)]
        })

        for edition in input.editions { try fill(database, edition, input: input) }
    }

    static func fill(_ database: SQLiteDatabase, _ edition: PublishedEdition, input: PublishInput) throws {
        let year = edition.year, ranking = edition.ranking
        try database.insert("INSERT INTO editions VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [[
            .integer(year), .text(ranking.model), .text(edition.modelLabel), .integer(ranking.maximum), .integer(ranking.entries.count),
            .integer(edition.comparison?.from.year), .text(PublishInput.meetlat), .text(input.referenceDescription),
        ]])
        try database.insert("INSERT INTO score_parts VALUES (?, ?, ?, ?, ?, ?)", ranking.parts.enumerated().map { position, part in
            [.integer(year), .text(part.id), .integer(position + 1), .text(part.label), .integer(part.maximum), .integer(part.weight)]
        })
        let count = ranking.entries.count
        let entries = ranking.entries.sorted { $0.code < $1.code }
        try database.insert("INSERT INTO rankings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", entries.map { entry in
            [.integer(year), .text(entry.code), .text(entry.name), .text(entry.province), .text(entry.sizeClass),
             .integer(entry.inhabitants), .integer(entry.total), .integer(ranking.maximum), .integer(entry.rank),
             .integer(entry.rankInSizeClass), .integer(entry.rankInProvince), .integer(entry.rankInterval?.median),
             .integer(entry.rankInterval?.low), .integer(entry.rankInterval?.high),
             rounded(YearComparison.relativePosition(rank: entry.rank, count: count), 2), .text(entry.flags.joined(separator: " "))]
        })
        var scores: [[SQLValue]] = [], lines: [[SQLValue]] = []
        for entry in entries {
            for part in ranking.parts.sorted(by: { $0.id < $1.id }) {
                scores.append([.integer(year), .text(entry.code), .text(part.id), .integer(entry.parts[part.id] ?? 0)])
            }
            for (number, line) in (entry.explanation ?? []).enumerated() {
                lines.append([.integer(year), .text(entry.code), .integer(number + 1), .text(line.dimension), .text(line.field),
                              .text(line.label), .text(line.answer), .integer(line.points), .text(line.reason)])
            }
        }
        try database.insert("INSERT INTO scores VALUES (?, ?, ?, ?)", scores)
        try database.insert("INSERT INTO explanations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", lines)

        if let comparison = edition.comparison {
            let rows = comparison.entries.sorted { $0.current.code < $1.current.code }.map { change -> [SQLValue] in
                [.integer(year), .text(change.current.code), .integer(comparison.from.year), .text(basis(change.basis)),
                 .text(change.previous?.code), .integer(change.current.rank), .integer(change.previous?.rank), .integer(change.rankChange),
                 .integer(change.current.total), .integer(change.previous?.total), .integer(change.scoreChange),
                 rounded(change.position, 2), rounded(change.previousPosition, 2), rounded(change.positionChange, 2)]
            }
            try database.insert("INSERT INTO comparisons VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        }

        let tables = edition.tables.enumerated().sorted { $0.element.id < $1.element.id }
        try database.insert("INSERT INTO survey_tables VALUES (?, ?, ?, ?, ?, ?, ?)", tables.map { position, table in
            [.integer(year), .text(table.id), .integer(position + 1), .text(table.definition), .text(table.caption.text(in: .dutch)),
             .text(table.period), .text(table.notes.map { $0.text(in: .dutch) }.joined(separator: "\n"))]
        })
        var cells: [[SQLValue]] = []
        for (_, table) in tables {
            for (rowPosition, row) in table.rows.enumerated() {
                for (columnPosition, cell) in row.cells.enumerated() where columnPosition < table.columns.count {
                    let column = table.columns[columnPosition]
                    let numbers = cellNumbers(cell)
                    cells.append([.integer(year), .text(table.id), .integer(rowPosition + 1), .text(row.id), .integer(columnPosition + 1),
                                  .text(column.id), .text(column.label.text(in: .dutch)), .text(cell.text(in: .dutch)),
                                  .integer(numbers.count), .integer(numbers.denominator), rounded(numbers.value),
                                  rounded(numbers.low), rounded(numbers.high)])
                }
            }
        }
        try database.insert("INSERT INTO survey_cells VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", cells)
    }

    /// `zelfde`: compared with itself; `voorganger`: with a predecessor (merger); `nieuw`: not before.
    static func basis(_ basis: YearComparison.Basis) -> String {
        switch basis {
        case .same: return "zelfde"
        case .predecessors: return "voorganger"
        case .new: return "nieuw"
        }
    }

    /// A cell's numbers: a share's count, denominator, percentage and 95 % Wilson interval (in %);
    /// a percentage, number, count or change as its value.
    static func cellNumbers(_ cell: StatCell) -> (count: Int?, denominator: Int?, value: Double?, low: Double?, high: Double?) {
        switch cell {
        case .share(let proportion):
            let interval = WilsonInterval.interval(successes: proportion.count, trials: proportion.denominator)
            return (proportion.count, proportion.denominator, proportion.value.map { $0 * 100 }, interval.map { $0.low * 100 },
                    interval.map { $0.high * 100 })
        case .percent(let value, _): return (nil, nil, value, nil, nil)
        case .interval(let interval, _): return (nil, nil, nil, interval.low * 100, interval.high * 100)
        case .number(let value, _): return (nil, nil, value, nil, nil)
        case .count(let count): return (count, nil, Double(count), nil, nil)
        case .change(let change): return (nil, nil, Double(change), nil, nil)
        case .difference(let value, _, _): return (nil, nil, value, nil, nil)
        case .text, .phrase, .occurrences, .notAsked, .empty: return (nil, nil, nil, nil, nil)
        }
    }
}
