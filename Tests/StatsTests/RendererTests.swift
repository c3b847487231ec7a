import Foundation
import Ingest
import Support
import TableFiles
import Testing
@testable import Stats

@Suite struct TableRendererTests {
    let table = StatTable(
        id: "policy", definition: "policy", caption: StatText(same: "Tabel 7 — Beleid"), period: "2012",
        columns: [StatColumn("label", StatText("answer", dutch: "Antwoord"), .left), StatColumn("share", StatText("% (x/n)", dutch: "% (aantal/beantwoord)")), StatColumn("wilson", StatText("95 % CI", dutch: "95%-betrouwbaarheidsinterval (Wilson)"))],
        rows: [
            StatRow(id: "ja", cells: [.text("Ja"), .share(Proportion(39, of: 221)), .interval(ProportionInterval(low: 0.1318, high: 0.2327), decimals: 1)]),
            StatRow(id: "richtlijnen", cells: [.text("Alleen richtlijnen"), .notAsked, .notAsked]),
        ],
        notes: [StatText("percentages are of the 221 respondents who answered 'policy'",
                         dutch: "percentages van wie de vraag beantwoordde: 221 van de 221 deelnemende gemeenten")])

    @Test func text() {
        #expect(TableRenderer.render([table], as: .text) == """
            Tabel 7 — Beleid (2012)

            answer                    % (x/n)        95 % CI
            ------------------  -------------  -------------
            Ja                  18 % (39/221)  13.2 – 23.3 %
            Alleen richtlijnen  niet gevraagd  niet gevraagd

              note: percentages are of the 221 respondents who answered 'policy'

            """)
    }

    @Test func markdown() {
        #expect(TableRenderer.render([table], as: .markdown) == """
            ### Tabel 7 — Beleid (2012)

            | answer | % (x/n) | 95 % CI |
            |:--|--:|--:|
            | Ja | 18 % (39/221) | 13.2 – 23.3 % |
            | Alleen richtlijnen | niet gevraagd | niet gevraagd |

            - percentages are of the 221 respondents who answered 'policy'

            """)
    }

    @Test func csvIsLongFormatWithCountsAndDenominators() {
        #expect(TableRenderer.render([table], as: .csv) == """
            table,period,row,label,column,text,value,count,denominator,low,high
            policy,2012,ja,Ja,share,18 % (39/221),18,39,221,,
            policy,2012,ja,Ja,wilson,13.2 – 23.3 %,,,,13.2,23.3
            policy,2012,richtlijnen,Alleen richtlijnen,share,niet gevraagd,,,,,
            policy,2012,richtlijnen,Alleen richtlijnen,wilson,niet gevraagd,,,,,
            policy,2012,note,,1,percentages are of the 221 respondents who answered 'policy',,,,,

            """)
    }

    @Test func jsonHasTypedCellsAndSortedKeys() {
        #expect(TableRenderer.render([table], as: .json) == """
            {
              "tables": [
                {
                  "caption": "Tabel 7 — Beleid",
                  "columns": [
                    {
                      "id": "label",
                      "label": "answer"
                    },
                    {
                      "id": "share",
                      "label": "% (x/n)"
                    },
                    {
                      "id": "wilson",
                      "label": "95 % CI"
                    }
                  ],
                  "definition": "policy",
                  "id": "policy",
                  "notes": [
                    "percentages are of the 221 respondents who answered 'policy'"
                  ],
                  "period": "2012",
                  "rows": [
                    {
                      "cells": {
                        "share": {
                          "count": 39,
                          "denominator": 221,
                          "percent": 18
                        },
                        "wilson": {
                          "high": 23.3,
                          "low": 13.2
                        }
                      },
                      "id": "ja",
                      "label": "Ja"
                    },
                    {
                      "cells": {
                        "share": {
                          "not_asked": true
                        },
                        "wilson": {
                          "not_asked": true
                        }
                      },
                      "id": "richtlijnen",
                      "label": "Alleen richtlijnen"
                    }
                  ]
                }
              ]
            }

            """)
    }

    @Test func aTableTheYearDidNotAskIsOneLine() {
        let unasked = StatTable(id: "webcare", definition: "webcare", caption: StatText(same: "Tabel 10 — Webcare"), period: "2011",
                                columns: [StatColumn("label", StatText("answer", dutch: "Antwoord"), .left), StatColumn("share", StatText("% (x/n)", dutch: "% (aantal/beantwoord)"))],
                                rows: [StatRow(id: "ja", cells: [.text("Ja"), .notAsked])], notes: [StatText("not asked in 2011: webcare", dutch: "in 2011 niet gevraagd")])
        #expect(unasked.isNotAsked && !table.isNotAsked)
        #expect(TableRenderer.render([unasked], as: .text) == "Tabel 10 — Webcare (2011)\n\n  niet gevraagd\n\n  note: not asked in 2011: webcare\n")
        #expect(TableRenderer.render([unasked], as: .markdown) == "### Tabel 10 — Webcare (2011)\n\nniet gevraagd\n\n- not asked in 2011: webcare\n")
        // CSV and JSON keep every cell, so readers see which rows were not asked.
        #expect(TableRenderer.render([unasked], as: .csv).contains("webcare,2011,ja,Ja,share,niet gevraagd,,,,,"))
    }

    /// The site's downloads: the same table in Dutch words and Dutch notation in `text`, the
    /// number columns unchanged.
    @Test func dutchRenderingTranslatesWordsNotIds() {
        #expect(TableRenderer.render([table], as: .markdown, in: .dutch) == """
            ### Tabel 7 — Beleid (2012)

            | Antwoord | % (aantal/beantwoord) | 95%-betrouwbaarheidsinterval (Wilson) |
            |:--|--:|--:|
            | Ja | 18 % (39/221) | 13,2 – 23,3 % |
            | Alleen richtlijnen | niet gevraagd | niet gevraagd |

            - percentages van wie de vraag beantwoordde: 221 van de 221 deelnemende gemeenten

            """)
        let csv = TableRenderer.render([table], as: .csv, in: .dutch)
        #expect(csv.hasPrefix("table,period,row,label,column,text,value,count,denominator,low,high\n"))
        #expect(csv.contains("policy,2012,ja,Ja,wilson,\"13,2 – 23,3 %\",,,,13.2,23.3\n"))
        #expect(csv.contains("policy,2012,note,,1,percentages van wie de vraag beantwoordde: 221 van de 221 deelnemende gemeenten,,,,,\n"))
        let json = TableRenderer.render([table], as: .json, in: .dutch)
        #expect(json.contains("\"label\": \"95%-betrouwbaarheidsinterval (Wilson)\""))
        #expect(json.contains("\"high\": 23.3"))
    }

    @Test func cellsReadAsDutchInDutch() {
        #expect(StatCell.share(Proportion(1_186, of: 2_221)).text(in: .dutch) == "53 % (1.186/2.221)")
        #expect(StatCell.interval(ProportionInterval(low: 0.79, high: 0.884), decimals: 1).text(in: .dutch) == "79,0 – 88,4 %")
        #expect(StatCell.number(4.19, decimals: 2).text(in: .dutch) == "4,19")
        #expect(StatCell.count(14_627).text(in: .dutch) == "14.627")
        #expect(StatCell.difference(-0.04, decimals: 1, unit: "pp").text(in: .dutch) == "0,0 pp")
        #expect(StatCell.difference(15.64, decimals: 1, unit: "pp").text(in: .dutch) == "+15,6 pp")
        #expect(StatCell.occurrences([.init(value: 2, count: 3), .init(value: 5, count: 3)], decimals: 0).text(in: .dutch) == "2; 5 (3× elk)")
        #expect(StatCell.phrase(StatText("size unknown", dutch: "inwonertal onbekend")).text(in: .dutch) == "inwonertal onbekend")
        #expect(StatCell.phrase(StatText("size unknown", dutch: "inwonertal onbekend")).text == "size unknown")
        #expect(StatCell.notAsked.text(in: .dutch) == "niet gevraagd")
    }

    @Test func cellsPrintWithoutLocale() {
        #expect(StatCell.number(5.7, decimals: 2).text == "5.70")
        #expect(StatCell.percent(84.15, decimals: 1).text == "84.2 %")
        #expect(StatCell.change(107).text == "+107")
        #expect(StatCell.change(0).text == "0")
        #expect(StatCell.difference(15.64, decimals: 1, unit: "pp").text == "+15.6 pp")
        #expect(StatCell.difference(-0.04, decimals: 1, unit: "pp").text == "0.0 pp")
        #expect(StatCell.difference(-43.6, decimals: 0, unit: "%").text == "-44 %")
        #expect(StatCell.occurrences([.init(value: 6, count: 69)], decimals: 0).text == "6 (69×)")
        #expect(StatCell.occurrences([.init(value: 2, count: 3), .init(value: 5, count: 3)], decimals: 0).text == "2, 5 (3× each)")
        #expect(StatCell.occurrences([.init(value: 2, count: 1), .init(value: 5, count: 1)], decimals: 0).text == "–")
        #expect(JSONValue.string("a \"b\"\n\u{1}").text == "\"a \\\"b\\\"\\n\\u0001\"\n")
    }
}

/// Every CSV Stats writes (`meetlat stats`/`compare --format csv`, the site's statistics and
/// comparison downloads) guards cells a spreadsheet would run: labels from statistics.yaml,
/// names, notes. Signed numbers and percentages stay numbers.
@Suite struct CSVFormulaGuardTests {
    @Test func formulaCellsAreTextAndNumbersKeepTheirSign() throws {
        let table = StatTable(
            id: "risers", definition: "compare", caption: StatText(same: "Stijgers"), period: "2012",
            columns: [StatColumn("label", StatText(same: "Gemeente"), .left), StatColumn("change", StatText(same: "Verschil")),
                      StatColumn("points", StatText(same: "Punten"))],
            rows: [
                StatRow(id: "x", cells: [.text("=HYPERLINK(\"http://x.example\")"), .change(-3), .difference(-44, decimals: 0, unit: "%")]),
                StatRow(id: "y", cells: [.text("+Hoorn"), .change(12), .difference(15.6, decimals: 1, unit: "pp")]),
            ],
            notes: [StatText(same: "@opmerking")])
        let csv = TableRenderer.render([table], as: .csv)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("stats-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(csv.utf8).write(to: file)
        var rows: [[String]] = []
        _ = try CSVReader(url: file).read { rows.append($0.fields) }
        #expect(rows.map { $0[3] } == ["label", "'=HYPERLINK(\"http://x.example\")", "'=HYPERLINK(\"http://x.example\")", "'+Hoorn", "'+Hoorn", ""])
        #expect(rows.map { $0[5] } == ["text", "-3", "-44 %", "+12", "'+15.6 pp", "'@opmerking"])
        #expect(rows.map { $0[6] } == ["value", "-3", "-44", "12", "15.6", ""])
        for row in rows {
            for cell in row {
                #expect(!(cell.first.map { "=+@\t\r".contains($0) } ?? false) || cell == "+12", "\(cell) runs as a formula")
            }
        }
    }
}
