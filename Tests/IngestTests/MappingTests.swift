import Configuration
import Testing
@testable import Ingest

@Suite struct MappingTests {
    /// The example of docs/architecture.md.
    static let documented = """
        # Comments are welcome: this file is read by people.
        year: 2012
        model: meetlat-2012            # Surveys/models/meetlat-2012.yaml
        export:
          file: export-2012.csv
          encoding: auto               # auto | utf-8 | windows-1252
          delimiter: auto              # auto | "," | ";"
          skip_rows: 0
        respondent:
          gemeente: "Naam van uw gemeente"
          timestamp:
            column: "Ingevuld op"
            format: "dd-MM-yyyy HH:mm"
          private: ["Naam", "E-mailadres", "Telefoonnummer"]
          remarks: ["Opmerkingen"]
          ignore: ["IP-adres"]
        fields:
          followers.twitter:
            type: number
            column: "Aantal volgers Twitter"
          usage.informeren:
            type: choice
            column: "Burgers informeren"
            labels:
              "Niet of nauwelijks": niet
              "Soms": soms
              "Regelmatig tot vaak": vaak
            missing: ["Weet niet"]
          channels:
            type: multi
            columns:
              linkedin: "Kanalen - LinkedIn"
              twitter: "Kanalen - Twitter"
            unselected: ["", "0", "nee"]
          users:
            type: multi
            column: "Wie gebruikt sociale media?"
            separator: ", "
            labels: { "Raadsleden": raadsleden, "Communicatie": communicatie }
          policy:
            type: choice
            column: "Beleid"
            labels: { ja: ja, nee: nee, "In ontwikkeling": in_ontwikkeling }
        """

    @Test func theDocumentedFormatParses() throws {
        let mapping = try Mapping.parse(yaml: Self.documented, displayName: "2012/mapping.yaml")
        #expect(mapping.year == 2012)
        #expect(mapping.model == "meetlat-2012")
        #expect(mapping.export == .init(file: "export-2012.csv", format: .csv, encoding: nil, delimiter: nil, skipRows: 0))
        #expect(mapping.respondent.gemeente == "Naam van uw gemeente")
        #expect(mapping.respondent.timestamp?.pattern.text == "dd-MM-yyyy HH:mm")
        #expect(mapping.respondent.privateColumns == ["Naam", "E-mailadres", "Telefoonnummer"])
        #expect(mapping.fields.map(\.name) == ["channels", "followers.twitter", "policy", "usage.informeren", "users"])
        let usage = try #require(mapping.fields.first { $0.name == "usage.informeren" })
        #expect(usage.kind == .choice(column: "Burgers informeren",
                                      labels: [.init(label: "Niet of nauwelijks", value: "niet"), .init(label: "Soms", value: "soms"),
                                               .init(label: "Regelmatig tot vaak", value: "vaak")],
                                      missing: ["Weet niet"]))
        // YAML 1.1 would read ja/nee as booleans; labels and values stay text.
        let policy = try #require(mapping.fields.first { $0.name == "policy" })
        #expect(policy.kind == .choice(column: "Beleid", labels: [.init(label: "ja", value: "ja"), .init(label: "nee", value: "nee"),
                                                                  .init(label: "In ontwikkeling", value: "in_ontwikkeling")], missing: []))
        let channels = try #require(mapping.fields.first { $0.name == "channels" })
        #expect(channels.kind == .optionColumns(options: [.init(value: "linkedin", column: "Kanalen - LinkedIn"),
                                                          .init(value: "twitter", column: "Kanalen - Twitter")],
                                                unselected: ["", "0", "nee"]))
        let users = try #require(mapping.fields.first { $0.name == "users" })
        #expect(users.kind == .joinedLabels(column: "Wie gebruikt sociale media?", separator: ", ",
                                            labels: [.init(label: "Raadsleden", value: "raadsleden"),
                                                     .init(label: "Communicatie", value: "communicatie")],
                                            missing: [], other: nil))
    }

    private func mappingError(_ yaml: String) -> ConfigError? {
        do {
            _ = try Mapping.parse(yaml: yaml, displayName: "2012/mapping.yaml")
            return nil
        } catch {
            return error as? ConfigError
        }
    }

    private func replacing(_ old: String, with new: String) -> String {
        precondition(Self.documented.contains(old))
        return Self.documented.replacingOccurrences(of: old, with: new)
    }

    @Test func unknownFieldTypeNamesFileLineFieldAndTheTypes() throws {
        let error = try #require(mappingError(replacing("    type: number\n", with: "    type: nummer\n")))
        #expect(error.description == "2012/mapping.yaml:19:11: fields.followers.twitter.type: unknown field type \"nummer\"; expected one of number, choice, multi")
    }

    @Test func aChoiceWithoutLabelsIsAnError() throws {
        let yaml = replacing("""
                labels:
                  "Niet of nauwelijks": niet
                  "Soms": soms
                  "Regelmatig tot vaak": vaak
                missing: ["Weet niet"]
            """, with: "    missing: [\"Weet niet\"]")
        let error = try #require(mappingError(yaml))
        #expect(error.key == "fields.usage.informeren")
        #expect(error.problem == "missing key `labels`")
        #expect(error.line == 22)   // the field's block
    }

    @Test func typosInKeysAreErrorsNotSilentDefaults() throws {
        let error = try #require(mappingError(replacing("    column: \"Aantal volgers Twitter\"", with: "    colum: \"Aantal volgers Twitter\"")))
        #expect(error.key == "fields.followers.twitter")
        #expect(error.problem == "unknown key `colum`; did you mean `column`?")
        #expect(error.line == 20 && error.column == 5)
        let top = try #require(mappingError(Self.documented + "\nfeilds: {}\n"))
        #expect(top.key == "")
        #expect(top.problem == "unknown key `feilds`; did you mean `fields`?")
    }

    @Test func furtherMistakesGetClearMessages() throws {
        #expect(mappingError(replacing("separator: \", \"", with: "separator: \" \""))?.problem
                == "the separator must hold a visible character, e.g. \", \" or \";\"")
        #expect(mappingError(replacing("    separator: \", \"\n", with: ""))?.problem.hasPrefix("a multi field with one column needs a separator") == true)
        #expect(mappingError(replacing("encoding: auto ", with: "encoding: latin-1 "))?.problem
                == "unknown encoding \"latin-1\"; expected auto, utf-8 or windows-1252")
        #expect(mappingError(replacing("year: 2012", with: "year: twintig"))?.problem == "expected a whole number, found `twintig`")
        #expect(mappingError(replacing("    type: number\n", with: "    type: text\n"))?.problem.hasPrefix("type text is not a canonical field") == true)
        #expect(mappingError(replacing("\"Soms\": soms", with: "\"Soms\": soms\n      \" soms \": soms"))?.problem.contains("listed twice") == true)
        #expect(mappingError("year: [2012\n")?.problem.hasPrefix("not valid YAML") == true)
        #expect(mappingError("")?.problem.hasPrefix("the file is empty") == true)
    }

    @Test func aPrivateOrRemarkColumnMayNotFeedAField() throws {
        let error = try #require(mappingError(replacing("column: \"Aantal volgers Twitter\"", with: "column: \"Opmerkingen\"")))
        #expect(error.description == "2012/mapping.yaml:18:3: fields.followers.twitter: column \"Opmerkingen\" is listed under respondent.private or respondent.remarks and may not feed a field")
    }
}
