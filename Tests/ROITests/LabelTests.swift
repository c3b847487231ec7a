import Configuration
import Foundation
import Support
import Testing
@testable import ROI

/// Inputs' labels and help texts: read and checked with the file, exported for the calculator,
/// shown beside the identifier by `meetlat roi`.
@Suite struct LabelTests {
    static let labelled = """
        scenario: Labels
        horizon: 1
        inputs:
          contacts:
            label: Contacten via webcare
            help: Vragen die anders telefonisch waren binnengekomen.
            value: 200
            low: 0
            high: 1000
          difference:
            label: Besparing per contact
            value: 4
            low: 1
            high: 8
          fee: 1000
        investments:
          - { name: Tool, kind: licence, timing: once, amount: fee }
        returns:
          - { name: Verschuiving, kind: contact_shift, timing: yearly, contacts: contacts, cost_difference: difference }
        """

    static func replacing(_ old: String, with new: String) -> String {
        precondition(labelled.contains(old), "test setup: `\(old)` not in the scenario")
        return labelled.replacingOccurrences(of: old, with: new)
    }

    @Test func labelsAndHelpAreRead() throws {
        let inputs = try scenario(Self.labelled).inputs
        #expect(inputs.map(\.label) == ["Contacten via webcare", "Besparing per contact", nil])
        #expect(inputs.map(\.help) == ["Vragen die anders telefonisch waren binnengekomen.", nil, nil])
        #expect(inputs.map(\.displayName) == ["Contacten via webcare", "Besparing per contact", "fee"])
    }

    @Test func aBlankLabelIsRejected() {
        let error = scenarioError { _ = try scenario(Self.replacing("label: Besparing per contact", with: "label: \"  \"")) }
        #expect(error?.key == "inputs.difference.label")
        #expect(error?.line == 11)
        #expect(error?.problem == "is empty; expected text for people, or leave the key out")
    }

    @Test func aLabelMustBeASingleValue() {
        let error = scenarioError { _ = try scenario(Self.replacing("help: Vragen die anders telefonisch waren binnengekomen.", with: "help: [a, b]")) }
        #expect(error?.key == "inputs.contacts.help")
        #expect(error?.problem.contains("expected a single value, found a list") == true)
    }

    @Test func twoInputsMayNotShareALabel() {
        let error = scenarioError { _ = try scenario(Self.replacing("label: Besparing per contact", with: "label: contacten via Webcare")) }
        #expect(error?.key == "inputs.difference.label")
        #expect(error?.line == 11)
        #expect(error?.problem == "the label \"contacten via Webcare\" is also the label of `contacts` (line 4); expected a label per input")
    }

    @Test func aMisspelledKeyGetsASuggestion() {
        let error = scenarioError { _ = try scenario(Self.replacing("label: Besparing per contact", with: "lable: Besparing per contact")) }
        #expect(error?.problem.contains("unknown key `lable`") == true)
        #expect(error?.problem.contains("`label`") == true)
    }

    @Test func theExportCarriesLabelsAndHelpOrNull() throws {
        let text = ModelExport.json(try compiled(Self.labelled)).text
        struct Exported: Decodable {
            struct Input: Decodable { var name: String; var label: String?; var help: String? }
            var inputs: [Input]
        }
        let inputs = try JSONDecoder().decode(Exported.self, from: Data(text.utf8)).inputs
        #expect(inputs.map(\.label) == ["Contacten via webcare", "Besparing per contact", nil])
        #expect(inputs.map(\.help) == ["Vragen die anders telefonisch waren binnengekomen.", nil, nil])
        #expect(text.contains("\"label\": null"))
    }

    @Test func theReportShowsLabelsBesideTheIdentifiers() throws {
        let model = try compiled(Self.labelled)
        var analysis = ROIAnalysis(model: model)
        analysis.vary = (try VaryRange.parse("contacts=100..300:100"), try WhatIf.vary(model, try VaryRange.parse("contacts=100..300:100")))
        analysis.tornado = try WhatIf.tornado(model)
        analysis.goalSeek = try WhatIf.goalSeek(model, input: "contacts", target: 0, metric: .roi, within: nil)
        let text = ROIReport.text(analysis)
        #expect(text.contains("What-if: contacts (Contacten via webcare) varied, --vary contacts=100..300:100 (other inputs at their values)\n"))
        #expect(text.contains("Goal seek: ROI reaches 0.0% at contacts (Contacten via webcare) = 250\n"))
        let tornado = text.components(separatedBy: "Tornado:")[1].split(separator: "\n").map(String.init)
        #expect(tornado[1].hasPrefix("input       label                  low"))
        #expect(tornado.contains { $0.hasPrefix("difference  Besparing per contact    1") })
        #expect(tornado.contains { $0.hasPrefix("contacts    Contacten via webcare    0") })

        let twoWay = try WhatIf.twoWay(model, rows: try VaryRange.parse("contacts=100..200:100"), columns: try VaryRange.parse("difference=2..4:2"))
        var both = ROIAnalysis(model: model)
        both.twoWay = twoWay
        #expect(ROIReport.text(both).contains("What-if: ROI for contacts (Contacten via webcare) (rows) × difference (Besparing per contact) (columns)"))
    }

    @Test func withoutLabelsTheTornadoHasNoLabelColumn() throws {
        let model = try compiled(Self.labelled.replacingOccurrences(of: "    label: Contacten via webcare\n", with: "")
            .replacingOccurrences(of: "    label: Besparing per contact\n", with: ""))
        var analysis = ROIAnalysis(model: model)
        analysis.tornado = try WhatIf.tornado(model)
        let text = ROIReport.text(analysis)
        #expect(text.contains("\ninput       low"))
        #expect(!text.contains("label"))
    }

    /// The example scenarios label every input (in Dutch), for the calculator's form.
    @Test func everyExampleInputHasALabel() throws {
        for path in try exampleScenarioPaths() {
            let read = try ScenarioLoader.load(path: path)
            for input in read.inputs { #expect(input.label != nil, "\(path): \(input.name)") }
        }
    }
}
