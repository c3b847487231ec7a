import Core
import Foundation
import Testing
@testable import Ingest

/// The observations file of measured accounts (`accounts:` in a mapping): read through the CSV
/// reader, names resolved as the export's are, every bad row one message naming file, row and
/// column, with control characters shown.
@Suite struct AccountsReaderTests {
    static let mapping = """
        year: 2012
        model: meetlat-2012
        export: { file: export.csv }
        respondent: { gemeente: Gemeente }
        fields:
          followers.twitter: { type: number, column: Volgers }
        accounts:
          file: accounts.csv
          synthetic: true
          gemeente: Gemeente
          platform: { column: Platform, labels: { "Twitter": twitter, "Facebook": facebook } }
          account: Account
          count: Volgers
          date: { column: Datum, format: "dd-MM-yyyy" }
          source: Bron
        """

    func folder(_ accounts: String) throws -> (TestFolder, SurveyFolder) {
        let folder = try TestFolder()
        try folder.writeReference()
        try folder.write("2012/mapping.yaml", Self.mapping)
        try folder.write("2012/export.csv", "Gemeente,Volgers\nHoorn,100\n")
        try folder.write("2012/accounts.csv", accounts)
        return (folder, SurveyFolder(folder.url))
    }

    func read(_ accounts: String) throws -> YearObservations? {
        let (folder, surveys) = try self.folder(accounts)
        return try withExtendedLifetime(folder) { try surveys.observations(year: 2012, reference: try folder.loadReference()) }
    }

    func message(_ accounts: String) -> String {
        do {
            _ = try read(accounts)
            return "read"
        } catch {
            return String(describing: error)
        }
    }

    @Test func readsAccountsCountsDatesAndNamesAsIngestResolvesThem() throws {
        let observations = try #require(try read("""
            Gemeente,Platform,Account,Volgers,Datum,Bron
            Den Bosch,Twitter,@denbosch,12.345,03-06-2012,monitor
            gemeente hoorn,twitter,@hoorn,2150,04-06-2012,
            Hoorn,Facebook,,,04-06-2012,monitor

            """))
        #expect(observations.synthetic && observations.channels == ["twitter", "facebook"])
        #expect(observations.observations.count == 3)
        #expect(observations.measuredCount("GM0796", channel: "twitter") == 12_345)
        #expect(observations.observation("GM0405", channel: "twitter")?.date == "2012-06-04")
        #expect(observations.observation("GM0405", channel: "twitter")?.source == nil)
        // Looked up on Facebook, nothing found: no count, and "measured" says it was looked up.
        #expect(observations.measured("GM0405") && observations.measuredCount("GM0405", channel: "facebook") == nil)
        #expect(observations.observation("GM0405", channel: "facebook")?.account == nil)
        #expect(!observations.measured("GM0796") || observations.observation("GM0796", channel: "facebook") == nil)
    }

    @Test(arguments: [
        ("Hoorn,Twitter,@h,ca. 300,01-06-2012,x", "2012/accounts.csv, row 2, column \"Volgers\": \"ca. 300\" is not a measured count"),
        ("Hoorn,Twitter,@h,1.21,01-06-2012,x", "\"1.21\" is not a measured count"),
        ("Hoorn,Twitter,,300,01-06-2012,x", "row 2, column \"Volgers\": a count without an account"),
        ("Hoorn,Mastodon,@h,300,01-06-2012,x", "row 2, column \"Platform\": \"Mastodon\" is not a platform of the mapping; expected \"Twitter\", \"Facebook\""),
        ("Hoorm,Twitter,@h,300,01-06-2012,x", "row 2, column \"Gemeente\": \"Hoorm\" is not a gemeente of 2012; closest: Hoorn"),
        ("Hoorn,Twitter,@h,300,2012-06-01,x", "row 2, column \"Datum\": \"2012-06-01\" does not match the date format dd-MM-yyyy"),
        ("Hoorn,Twitter,@h,300\n", "row 2: has 4 fields, the header 6"),
        ("Hoorn,Twitter,@h,300,01-06-2012,x\nHoorn,Twitter,@h2,310,01-06-2012,x", "row 3, column \"Platform\": Hoorn on Twitter was already given in row 2"),
        ("Ho\u{1B}[31morn,Twitter,@h,300,01-06-2012,x", "\"Ho\\u{1B}[31morn\" is not a gemeente of 2012"),
    ])
    func aBadRowIsOneMessage(row: String, expected: String) {
        let text = message("Gemeente,Platform,Account,Volgers,Datum,Bron\n" + row + "\n")
        #expect(text.contains(expected), "\(text)")
        #expect(!text.contains("\u{1B}"))
    }

    @Test func aMissingColumnNamesTheMappingKeyAndTheClosestHeader() {
        let text = message("Gemeente,Platform,Account,Volger,Datum,Bron\nHoorn,Twitter,@h,3,01-06-2012,x\n")
        #expect(text.hasPrefix("2012/mapping.yaml:8:3: accounts: count: column \"Volgers\" is not in the header of 2012/accounts.csv; "), "\(text)")
        #expect(text.contains("`Volger`"), "\(text)")
    }

    @Test func anEmptyFileAndAMissingFileAreErrors() throws {
        #expect(message("").contains("is empty"))
        let (folder, surveys) = try folder("x")
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("2012/accounts.csv"))
        #expect { try surveys.observations(year: 2012, reference: try folder.loadReference()) } throws: { error in
            String(describing: error).contains("accounts: \"accounts.csv\" does not exist")
        }
    }

    @Test func unknownKeysOfTheAccountsSectionAreErrors() throws {
        let text = Self.mapping.replacingOccurrences(of: "  account: Account", with: "  acount: Account")
        #expect { try Mapping.parse(yaml: text, displayName: "2012/mapping.yaml") } throws: { error in
            String(describing: error).contains("accounts: unknown key `acount`; did you mean `account` or `count`?")
        }
    }
}
