import Foundation
import Testing
@testable import Webcare

/// A minimal mapping for a log with the columns id, time, who, channel, text (and status).
func simpleMapping(_ extra: String = "", status: Bool = false) throws -> LogMapping {
    try LogMapping.parse(yaml: """
        time_zone: Europe/Amsterdam
        columns:
          conversation: id
          time: {column: time, format: "yyyy-MM-dd HH:mm"}
          direction: {column: who, labels: {klant: in, team: out, notitie: skip}}
          channel: {column: channel, labels: {Twitter: Twitter, DM: DM}, private: [DM]}
          text: text
          author: author
        \(status ? "  status: {column: status, labels: {open: open, klaar: resolved}}\n" : "")office_hours:
          monday: 09:00-17:00
          tuesday: 09:00-17:00
          wednesday: 09:00-17:00
          thursday: 09:00-17:00
          friday: 09:00-17:00
        \(extra)
        """, displayName: "mapping.yaml")
}

let simpleHeader = "id,time,who,channel,text,author\n"

@Suite struct MappingErrorTests {
    func problem(_ yaml: String) -> String {
        do {
            _ = try LogMapping.parse(yaml: yaml, displayName: "m.yaml")
            return "no error"
        } catch {
            return String(describing: error)
        }
    }

    static let base = """
        time_zone: Europe/Amsterdam
        columns:
          conversation: id
          time: {column: time, format: "yyyy-MM-dd HH:mm"}
          direction: {column: who, labels: {klant: in, team: out}}
          channel: channel
        office_hours: {monday: "09:00-17:00"}
        """

    @Test func theBaseMappingReads() {
        #expect(problem(Self.base) == "no error")
    }

    /// In the configuration reader's one form: `file:line:column: key: problem`, with the
    /// closest allowed keys or the values expected.
    @Test func everyMistakeIsNamedWithFileLineAndKey() {
        #expect(problem(Self.base + "\nsynonyms: x").hasPrefix("m.yaml:8:1: unknown key `synonyms`; expected one of `synthetic`, `log`, `time_zone`"))
        #expect(problem(Self.base + "\ntime_zon: UTC").contains("unknown key `time_zon`; did you mean `time_zone`?"))
        #expect(problem(Self.base.replacingOccurrences(of: "Europe/Amsterdam", with: "Europe/Lindendaal"))
            == "m.yaml:1:12: time_zone: unknown time zone `Europe/Lindendaal`; expected a name such as Europe/Amsterdam (the system's tzdata), UTC or an offset such as +01:00")
        #expect(problem(Self.base.replacingOccurrences(of: "team: out", with: "team: uit"))
            == "m.yaml:5:54: columns.direction.labels.team: `uit` is not a value here; expected one of in, out, skip")
        #expect(problem(Self.base.replacingOccurrences(of: "\"09:00-17:00\"", with: "\"9 tot 5\""))
            .contains("office_hours.monday: expected opening hours such as \"08:00-17:00\""))
        #expect(problem(Self.base.replacingOccurrences(of: "yyyy-MM-dd HH:mm", with: "yyyy-MM-dd hh:mm"))
            .contains("columns.time.format: timestamp format \"yyyy-MM-dd hh:mm\": \"hh\" is not supported"))
        #expect(problem(Self.base.replacingOccurrences(of: "channel: channel", with: "channel: {column: channel, labels: {X: X}, private: [DM]}"))
            == "m.yaml:6:55: columns.channel.private: `DM` is not one of the channels the labels map to (X)")
        #expect(problem(Self.base.replacingOccurrences(of: "\"09:00-17:00\"", with: "closed")).contains("no office hours at all"))
        #expect(problem(Self.base.replacingOccurrences(of: "  conversation: id\n", with: "")) == "m.yaml:3:3: columns: missing key `conversation`")
        #expect(problem(Self.base + "\nignore: [id]") == "m.yaml:8:9: ignore: column `id` is both read and ignored")
        #expect(problem("time_zone: [").hasPrefix("m.yaml:2:1: not valid YAML"))
    }
}

@Suite struct BadLogTests {
    let scratch = ScratchFolder()

    func run(_ csv: String, mapping: LogMapping? = nil) throws -> WebcareRun.Result {
        try runWebcare(log: scratch.write("log.csv", csv), mapping: try mapping ?? simpleMapping(), scratch: scratch)
    }

    func failure(_ csv: String, mapping: LogMapping? = nil) -> String {
        do {
            _ = try run(csv, mapping: mapping)
            return "no error"
        } catch {
            return String(describing: error)
        }
    }

    var rejects: String { (try? String(contentsOf: scratch.url.appendingPathComponent("private/rejects.csv"), encoding: .utf8)) ?? "" }

    @Test func aMissingColumnNamesTheMappingAndTheClosestHeaderNames() {
        #expect(failure("id,tijd,who,channel,text,author\nA,2025-03-03 10:00,klant,Twitter,hoi,x\n")
            == "mapping.yaml: column `time` is not in the header of log.csv; did you mean `tijd`?")
        #expect(failure("id,time,who,channel,text,author,time\n")
            == "log.csv: row 1: column `time` appears twice in the header (columns 2 and 7); expected once, as mapping.yaml reads it")
        #expect(failure("").contains("log.csv: the file is empty"))
        #expect(failure(simpleHeader).contains("no rows after the header"))
        #expect(failure("id,time,who,channel,text,author\n\"A,2025").contains("never closed"))
    }

    @Test func everyRowIsAcceptedSkippedOrRejectedWithItsReason() throws {
        let result = try run(simpleHeader + """
            A,2025-03-03 10:00,klant,Twitter,Hoi,jan
            A,2025-03-03 10:05,team,Twitter,Hallo,team
            B,2025-03-03 10:06,klant,Twitter
            ,2025-03-03 10:07,klant,Twitter,geen id,piet
            C,3-3-2025 10:08,klant,Twitter,datum anders,piet
            C,2025-03-03 10:09,robot,Twitter,wie?,piet
            C,2025-03-03 10:10,klant,Fax,kanaal?,piet
            C,2025-03-03 10:11,notitie,Twitter,intern,team
            D,2025-03-01 08:00,klant,Twitter,te laat in het bestand,piet

            """)
        let log = result.report.log
        #expect(log.rowsRead == 9)
        #expect(log.messages == 2 && log.skipped == 1)
        #expect(log.rejectedByReason == [.raggedRow: 1, .missingConversation: 1, .invalidTime: 1, .unknownDirection: 1,
                                         .unknownChannel: 1, .outOfOrder: 1])
        let lines = rejects.split(separator: "\n")
        #expect(lines.first == "row,reason,message,id,time,who,channel,text,author")
        #expect(lines.count == 7)
        #expect(lines[1].hasPrefix("4,ragged-row,\"log.csv, row 4: 4 fields, expected 6 as in the header\",B,"))
        #expect(rejects.contains("10,out-of-order,\"log.csv, row 10: 50 hours older than row 3; the log must be in time order"))
    }

    @Test func aLogNewestFirstIsRefusedWithWhatToDo() {
        var csv = simpleHeader
        for day in (1...20).reversed() { csv += "C\(day),2025-03-\(day < 10 ? "0" : "")\(day) 10:00,klant,Twitter,hoi,jan\n" }
        #expect(failure(csv).contains("18 of 20 rows are out of time order; sort the export by its time column, oldest first"))
    }

    @Test func rejectedCellsAreShownVisiblyWithoutPersonalDataAndWrittenAsText() throws {
        let result = try run(simpleHeader + """
            A,2025-03-03 10:00,klant,Twitter,Hoi,jan
            B,2025-03-03 10:01,\u{1B}[2Jklant,Twitter,x,"=HYPERLINK(""http://x"")"
            C,bel 06-12345678,klant,Twitter,x,jan

            """)
        let messages = result.rejectMessages.joined(separator: "\n")
        #expect(messages.contains("\"\\u{1B}[2Jklant\" is not a label"))
        #expect(!messages.contains("\u{1B}"))
        #expect(messages.contains("\"bel [phone number]\" is not a time"))
        #expect(!messages.contains("06-12345678"))
        #expect(rejects.contains(",\"'=HYPERLINK(\"\"http://x\"\")\"\n"), "a spreadsheet shows the cell as text")
    }

    @Test func aReportThatWouldNameSomeoneIsNotWritten() throws {
        let output = scratch.url.appendingPathComponent("out")
        // The tool used the customer's address as the conversation id; the conversation published a
        // phone number and got no advice, so its id would be listed.
        let csv = simpleHeader + "jan.jansen@example.nl,2025-03-03 10:00,klant,Twitter,Bel me op 0612345678,jan\n"
        #expect(throws: WebcareError.self) {
            _ = try runWebcare(log: scratch.write("log.csv", csv), mapping: try simpleMapping(), output: output, scratch: scratch)
        }
        #expect(!FileManager.default.fileExists(atPath: output.path), "nothing is written")
        do {
            _ = try runWebcare(log: scratch.write("log.csv", csv), mapping: try simpleMapping(), output: output, scratch: scratch)
        } catch {
            #expect(String(describing: error).contains("webcare.csv: the report would hold personal data (webcare.csv:"))
            #expect(!String(describing: error).contains("jan.jansen"))
        }
    }

    @Test func aMessageAfterTheTimeoutOpensANewConversationUnderTheSameId() throws {
        let result = try run(simpleHeader + """
            A,2025-03-03 10:00,klant,Twitter,Hoi,jan
            A,2025-03-03 10:30,team,Twitter,Hallo,team
            A,2025-03-24 10:00,klant,Twitter,Weer ik,jan

            """)
        let total = try #require(result.report.organisations.first).total.all
        #expect(total.conversations == 2)
        #expect(total.inboundConversations == 2 && total.answered == 1)
    }
}

@Suite struct BoundedMemoryTests {
    /// A year of conversations that each last a day: what is kept open at any moment is about the
    /// conversations of the last timeout (14 days) plus the allowed disorder, not the year.
    @Test func openConversationsStayBoundedByTheTimeoutNotTheLog() throws {
        let scratch = ScratchFolder()
        var csv = simpleHeader
        var id = 0
        for day in 0..<365 {
            let date = days(2025, 1, 1) + day
            let (year, month, dayOfMonth) = (2025, TimestampDate.date(date * 86_400).month, TimestampDate.date(date * 86_400).day)
            let stamp = "\(year)-\(month < 10 ? "0" : "")\(month)-\(dayOfMonth < 10 ? "0" : "")\(dayOfMonth)"
            for hour in 9..<19 {
                id += 1
                let clock = hour < 10 ? "0\(hour)" : "\(hour)"
                csv += "C\(id),\(stamp) \(clock):00,klant,Twitter,vraag,k\(id)\n"
                csv += "C\(id),\(stamp) \(clock):30,team,Twitter,antwoord,team\n"
            }
        }
        let result = try runWebcare(log: scratch.write("log.csv", csv), mapping: try simpleMapping(), analyseText: false, scratch: scratch)
        #expect(result.report.organisations.first?.total.all.inboundConversations == 3_650)
        // 10 a day, kept 14 days + 1 day of disorder + up to a day between sweeps.
        #expect(result.largestOpenCount <= 10 * 17)
        #expect(result.largestOpenCount >= 10 * 15)
    }
}

@Suite struct TopicTests {
    /// A word many customers use in a month after few used it the month before is a topic; the
    /// street and number some of them give, their names, and stop words are not.
    @Test func risingWordsWithoutPersonalData() throws {
        let scratch = ScratchFolder()
        var csv = simpleHeader
        var row = 0
        func add(_ date: String, _ text: String, author: String) {
            row += 1
            csv += "T\(row),\(date),klant,Twitter,\"\(text)\",\(author)\n"
        }
        for day in 3...7 { add("2025-03-0\(day) 10:00", "Wanneer wordt het afval opgehaald?", author: "Anna") }
        for day in 10...19 {
            add("2025-04-\(day) 10:00", "Anna hier: de lantaarnpaal bij Kerkstraat 12 is kapot, graag snel", author: "Anna")
        }
        let result = try runWebcare(log: scratch.write("log.csv", csv), mapping: try simpleMapping(), scratch: scratch)
        let topics = try #require(result.report.organisations.first?.topics[2025 * 12 + 3]).map(\.term)
        #expect(topics.contains("lantaarnpaal"))
        #expect(topics.contains("kapot"))
        #expect(!topics.contains("kerkstraat"), "part of an address: personal data")
        #expect(!topics.contains("anna"), "an author's name")
        #expect(!topics.contains("graag") && !topics.contains("snel"), "stop words")
        #expect(try #require(result.report.organisations.first?.audit?.messagesByKind[.streetAddress]) == 10)
    }
}
