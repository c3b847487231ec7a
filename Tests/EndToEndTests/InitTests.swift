import Core
import Foundation
import Ingest
@testable import MappingDraft
import TableFiles
import Testing
import TestFixtures

/// `meetlat init` on the demo years, each drafted with the OTHER years' mappings as knowledge
/// (and the model the year is scored with), compared column by column with the committed
/// mapping.
@Suite struct InitTests {
    /// What a mapping does with one column, as comparable text.
    static func roles(_ mapping: Mapping) -> [String: String] {
        var roles: [String: String] = [:]
        let respondent = mapping.respondent
        roles[respondent.gemeente] = "gemeente"
        if let stamp = respondent.timestamp { roles[stamp.column] = "timestamp \(stamp.pattern.text)" }
        for column in respondent.privateColumns { roles[column] = "private" }
        for column in respondent.remarks { roles[column] = "remarks" }
        for column in respondent.ignore { roles[column] = "ignore" }
        func labels(_ labels: [Mapping.Label]) -> String {
            labels.map { "\($0.label)=\($0.value)" }.sorted().joined(separator: "|")
        }
        for field in mapping.fields {
            switch field.kind {
            case .number(let column, let missing): roles[column] = "number \(field.name) \(missing)"
            case .choice(let column, let list, let missing): roles[column] = "choice \(field.name) \(labels(list)) \(missing)"
            case .optionColumns(let options, let unselected):
                for option in options { roles[option.column] = "option \(field.name) \(option.value) \(unselected)" }
            case .joinedLabels(let column, let separator, let list, let missing, let other):
                roles[column] = "joined \(field.name) \(separator) \(labels(list)) \(missing) \(other ?? "")"
            }
        }
        return roles
    }

    @Test(arguments: [2011, 2012, 2013])
    func draftsTheDemoYearsFromTheOtherYears(year: Int) throws {
        let folder = SurveyFolder(Fixtures.package.appendingPathComponent("Surveys"))
        let committed = try folder.mapping(year: year)
        let draft = try MappingDrafter(folder: folder, year: year, exportFile: committed.export.file, model: committed.model).draft()
        let drafted = try Mapping.parse(yaml: draft.yaml, displayName: "draft-\(year).yaml")
        let want = Self.roles(committed), got = Self.roles(drafted)
        let exact = want.filter { got[$0.key] == $0.value }.count
        for (column, role) in want.sorted(by: { $0.key < $1.key }) where got[column] != role {
            print("init \(year): \(column.debugDescription): committed \(role), draft \(got[column] ?? "TODO")")
        }
        print("init \(year): \(exact) of \(want.count) columns exactly as committed (\(exact * 100 / want.count) %); draft says \(draft.summary)")
        #expect(exact * 10 >= want.count * 9, "\(year): \(exact) of \(want.count) columns as committed")
        for column in committed.respondent.privateColumns {
            #expect(drafted.respondent.privateColumns.contains(column), "\(year): \(column) is not private in the draft")
        }
        #expect(draft.columns == want.count)
        #expect(drafted.export.skipRows == committed.export.skipRows, "SurveyMonkey's second header row is detected")
        #expect(draft.yaml.components(separatedBy: "# TODO").count - 1 >= draft.toReview)
    }

    @Test func extraHeaderRowsOfSurveyToolsAreDetected() {
        let header = TableHeader(columns: ["StartDate", "Q1", "Q2 - Twitter"].map { TableColumn(name: $0) }, row: 1)
        let qualtrics = [TableRow(row: 2, cells: ["Start Date", "Naam van uw gemeente", "Kanalen - Twitter"]),
                         TableRow(row: 3, cells: ["{\"ImportId\":\"startDate\"}", "{\"ImportId\":\"QID1\"}", "{\"ImportId\":\"QID2_1\"}"]),
                         TableRow(row: 4, cells: ["2014-04-07 08:00:00", "Hoorn", "1"])]
        #expect(MappingDrafter.extraHeaderRows(qualtrics, header: header) == 2)
        let surveyMonkey = [TableRow(row: 2, cells: ["", "Response", "Twitter"]), TableRow(row: 3, cells: ["7-4-2014 8:00", "Hoorn", "Twitter"])]
        #expect(MappingDrafter.extraHeaderRows(surveyMonkey, header: header) == 1)
        let plain = [TableRow(row: 2, cells: ["7-4-2014 8:00", "Hoorn", "Twitter"])]
        #expect(MappingDrafter.extraHeaderRows(plain, header: header) == 0)
    }
}
