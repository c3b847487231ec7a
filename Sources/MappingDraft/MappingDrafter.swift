import Configuration
import Core
import Foundation
import Ingest
import Scoring
import Stats
import TableFiles

/// A drafted `mapping.yaml` and what it says about itself.
public struct MappingDraft: Sendable {
    public var yaml: String
    /// Columns of the export.
    public var columns: Int
    /// Columns the draft decided (a role or a field), review notes or not.
    public var mapped: Int
    /// Columns with a `# TODO` line: not decided, or an answer left to decide.
    public var toReview: Int
    /// Model fields no column feeds.
    public var unmappedModelFields: [String]

    public var summary: String {
        "\(mapped) of \(columns) columns mapped, \(toReview) to review"
    }
}

/// Drafts a year's mapping from its export and what the folder knows: the other years'
/// mappings, a scoring model, statistics.yaml and the word lists of drafting.yaml.
public struct MappingDrafter {
    public var folder: SurveyFolder
    public var year: Int
    /// The export's file name in the year's folder.
    public var exportFile: String
    public var sheet: String?
    public var skipRows: Int?
    /// `nil`: the latest model in models/.
    public var model: String?
    /// Years whose mappings are knowledge; `nil`: every year but `year`.
    public var knowledgeYears: [Int]?

    public init(folder: SurveyFolder, year: Int, exportFile: String, sheet: String? = nil, skipRows: Int? = nil,
                model: String? = nil, knowledgeYears: [Int]? = nil) {
        self.folder = folder
        self.year = year
        self.exportFile = exportFile
        self.sheet = sheet
        self.skipRows = skipRows
        self.model = model
        self.knowledgeYears = knowledgeYears
    }

    public static func rulesURL(in folder: SurveyFolder) -> URL { folder.url.appendingPathComponent("drafting.yaml") }

    public func draft() throws -> MappingDraft {
        let rules = try DraftRules.load(from: Self.rulesURL(in: folder))
        let library = ModelLibrary(folder: folder.modelsURL)
        let modelName = try model ?? Self.latestModel(library.available())
        let scoringModel = try library.model(named: modelName)
        var knowledge = Knowledge()
        let years = try knowledgeYears ?? folder.years().filter { $0 != year }
        for other in years { knowledge.add(mapping: try folder.mapping(year: other)) }
        knowledge.add(model: scoringModel)
        let statisticsURL = folder.url.appendingPathComponent("statistics.yaml")
        if FileManager.default.fileExists(atPath: statisticsURL.path) {
            knowledge.add(statistics: try StatisticsDefinition.load(from: statisticsURL))
        }

        let format = try TableFile.format(ofFileNamed: exportFile).get()
        let url = folder.yearURL(year).appendingPathComponent(exportFile)
        let table = try TableFile.reader(for: url, displayName: "\(year)/\(exportFile)", options: .init(sheet: sheet)).readAll()
        let reference = try folder.reference()
        let skip = skipRows ?? Self.extraHeaderRows(table.rows, header: table.header)
        let profiles = ColumnProfile.profiles(of: (table.header, table.rows), skipRows: skip,
                                              resolver: GemeenteResolver(reference: reference, year: year))
        var plan = DraftPlan(profiles: profiles, knowledge: knowledge, rules: rules)
        plan.decide()
        let writer = DraftWriter(plan: plan, year: year, model: modelName, modelGiven: model != nil, modelFields: knowledge.modelFields,
                                 exportFile: exportFile, format: format, summary: table.summary, sheet: sheet,
                                 skipRows: skip, knowledgeYears: years)
        return writer.write()
    }

    /// The newest model: the highest `meetlat-<year>` (else the last name in order).
    static func latestModel(_ names: [String]) throws -> String {
        guard let last = names.sorted(by: { ($0.filter(\.isNumber), $0) < ($1.filter(\.isNumber), $1) }).last else {
            throw ConfigError(file: "models/", problem: "no scoring models; expected models/<name>.yaml (give --model)")
        }
        return last
    }

    /// Header rows below the header that survey tools add: SurveyMonkey's row of `Response` /
    /// `Open-Ended Response` / option labels, Qualtrics' question texts above a row of
    /// `{"ImportId":…}`. The answers start after the last such row among the first three.
    static func extraHeaderRows(_ rows: [TableRow], header: TableHeader) -> Int {
        guard let headerRow = header.row else { return 0 }
        func cells(_ row: TableRow) -> [String] { row.cells.filter { !$0.isEmpty } }
        func importIDs(_ row: TableRow) -> Bool {
            let filled = cells(row)
            return !filled.isEmpty && filled.filter { $0.hasPrefix("{\"ImportId\"") }.count * 3 >= filled.count
        }
        func headerLike(_ row: TableRow) -> Bool {
            let filled = cells(row)
            let markers = filled.filter { $0 == "Response" || $0 == "Open-Ended Response" }.count
            let repeatsHeader = zip(row.cells, header.columns).filter { cell, column in
                !cell.isEmpty && (column.name == cell || column.name.hasSuffix(" - " + cell))
            }.count
            return !filled.isEmpty && (importIDs(row) || markers * 3 >= filled.count || repeatsHeader * 2 >= filled.count)
        }
        // Only the rows right below the header, one after the other.
        let following = Array(rows.prefix(3).enumerated().prefix { $0.element.row == headerRow + $0.offset + 1 }.map(\.element))
        var skip = 0
        while skip < following.count {
            if headerLike(following[skip]) {
                skip += 1
            } else if skip + 1 < following.count && importIDs(following[skip + 1]) {
                skip += 2   // Qualtrics: the question texts, then the ImportId row
            } else {
                break
            }
        }
        return skip
    }
}
