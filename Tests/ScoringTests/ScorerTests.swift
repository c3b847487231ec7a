import Core
import Testing
@testable import Scoring

@Suite struct ScorerTests {
    let model2011: ScoringModel
    let model2012: ScoringModel
    let model2013: ScoringModel

    init() throws {
        model2011 = try Fixtures.model("meetlat-2011")
        model2012 = try Fixtures.model("meetlat-2012")
        model2013 = try Fixtures.model("meetlat-2013")
    }

    /// A complete 2012 answer: 6 channels, known counts, all seven purposes.
    func response2012(_ values: [String: FieldValue] = [:]) -> Response {
        var all: [String: FieldValue] = [
            "channels": .selection(["twitter", "facebook", "linkedin", "youtube", "yammer", "hyves"]),
            "followers.twitter": Fixtures.count(2_150),
            "followers.facebook": Fixtures.count(800),
            "followers.linkedin": Fixtures.count(300),
            "usage.informeren": .choice("vaak"), "usage.reageren": .choice("vaak"),
            "usage.interacteren": .choice("soms"), "usage.crisiscommunicatie": .choice("vaak"),
            "usage.signaleren": .choice("vaak"), "usage.pers_volgen": .choice("soms"),
            "usage.pers_reageren": .choice("niet"),
        ]
        for (key, value) in values { all[key] = value }
        return Response(gemeente: "GM0405", row: 7, values: all)
    }

    @Test func modelsHaveTheSpecMaxima() {
        #expect(model2011.maximum == 30)
        #expect(model2012.maximum == 230)
        #expect(model2012.parts.map(\.maximum) == [40, 120, 70])
        #expect(model2013.maximum == 230)
        #expect(model2013.parts.map(\.maximum) == [40, 120, 70])
        for model in [model2011, model2012, model2013] {
            #expect(model.description != nil && model.dimensions.allSatisfy { $0.description != nil })
        }
    }

    @Test func scores2012ByPart() throws {
        let score = try Scorer(model: model2012).score(response2012(), inhabitants: 71_703)
        // presence 6 × 5; followers 12 + (3.200/71.703 → 4,46 → 4) + (1.200/71.703 → 1,67 → 2); usage 4×10 + 2×5.
        #expect(score.parts == ["presence": 30, "followers": 18, "usage": 50])
        #expect(score.total == 98)
        #expect(score.flags.isEmpty)
        #expect(score.explainedTotal == score.total)
    }

    @Test func explanationLineForAFollowerCount() throws {
        let score = try Scorer(model: model2012).score(response2012(), inhabitants: 71_703)
        let line = try #require(score.explanation.first { $0.field == "followers.twitter" })
        #expect(line.answer == "2.150")
        #expect(line.points == 12)
        #expect(line.label == "Twitter (volgers)")
        #expect(line.reason == "2.150 van 71.703 inwoners = 2,998 % × 4 = 11,99 → 12 punten (half naar boven afgerond)")
    }

    /// The lines are published (Rankings/, the gemeente pages): they read as Dutch sentences.
    @Test func explanationLinesAreDutch() throws {
        let score = try Scorer(model: model2012).score(response2012(), inhabitants: 71_703)
        func line(_ label: String) throws -> ExplanationLine { try #require(score.explanation.first { $0.label == label }) }
        #expect(try line("Twitter").answer == "ja")
        #expect(try line("Twitter").reason == "actief op Twitter: 5 punten")
        #expect(try line("Pinterest").reason == "niet actief op Pinterest")
        let informing = try line("Burgers informeren")
        #expect(informing.answer == "vaak")
        #expect(informing.reason == "'vaak' levert 10 punten op (niet: 0, soms: 5, vaak: 10)")
        // One point is `punt`, not `punten`: 1.200 of 71.703 → 6,69 → 2 points, 700 → 3,90 → 4, 150 → 0,84 → 1.
        let one = try Scorer(model: model2012).score(response2012(["followers.linkedin": Fixtures.count(150)]), inhabitants: 71_703)
        #expect(one.explanation.first { $0.field == "followers.linkedin" }?.reason
            == "150 van 71.703 inwoners = 0,209 % × 4 = 0,84 → 1 punt (half naar boven afgerond)")
    }

    @Test func explanationCoversEveryAnswerUsed() throws {
        let score = try Scorer(model: model2012).score(response2012(), inhabitants: 71_703)
        #expect(score.explanation.filter { $0.dimension == "presence" }.count == 8)
        #expect(score.explanation.filter { $0.dimension == "followers" }.map(\.field)
            == ["followers.twitter", "followers.facebook", "followers.linkedin"])
        #expect(score.explanation.filter { $0.dimension == "usage" }.count == 7)
        let pinterest = try #require(score.explanation.first { $0.label == "Pinterest" })
        #expect(pinterest.answer == ExplanationLine.notChosen && pinterest.points == 0)
    }

    @Test func unknownCountScoresZeroAndIsFlagged() throws {
        let missing = try Scorer(model: model2012).score(response2012(["followers.facebook": .missing]), inhabitants: 71_703)
        #expect(missing.parts["followers"] == 14)
        #expect(missing.flags == ["unknown:followers.facebook"])
        #expect(missing.explanation.first { $0.field == "followers.facebook" }?.answer == "niet ingevuld")

        var values = response2012().values
        values["followers.linkedin"] = nil
        let absent = try Scorer(model: model2012).score(Response(gemeente: "GM0405", row: 7, values: values), inhabitants: 71_703)
        #expect(absent.flags == ["unknown:followers.linkedin"])
        #expect(absent.explanation.first { $0.field == "followers.linkedin" }?.answer == "niet gevraagd")
        #expect(absent.explainedTotal == absent.total)
    }

    @Test func zeroCountScoresZeroWithoutFlag() throws {
        let score = try Scorer(model: model2012).score(response2012(["followers.facebook": Fixtures.count(0)]), inhabitants: 71_703)
        #expect(score.parts["followers"] == 14)
        #expect(score.flags.isEmpty)
        #expect(score.explanation.first { $0.field == "followers.facebook" }?.points == 0)
    }

    @Test func countAboveInhabitantsIsKeptCappedAndSuspect() throws {
        let score = try Scorer(model: model2012).score(response2012(["followers.twitter": Fixtures.count(9_500)]), inhabitants: 9_000)
        #expect(score.flags == ["suspect:followers.twitter"])
        let line = try #require(score.explanation.first { $0.field == "followers.twitter" })
        #expect(line.points == 40)
        #expect(line.reason == "9.500 van 9.000 inwoners = 105,556 % × 4 = 422,22 → maximaal 40 punten; "
            + "meer dan het aantal inwoners: opvallend (toeristische gemeente of gekochte volgers?)")
        // Exactly as many followers as inhabitants is not suspect.
        let equal = try Scorer(model: model2012).score(response2012(["followers.twitter": Fixtures.count(9_000)]), inhabitants: 9_000)
        #expect(!equal.flags.contains("suspect:followers.twitter"))
    }

    @Test func approximateCountIsUsedAndFlagged() throws {
        let score = try Scorer(model: model2012).score(
            response2012(["followers.twitter": Fixtures.count(2_150, approximate: true)]), inhabitants: 71_703)
        #expect(score.parts["followers"] == 18)
        #expect(score.flags == ["approximate:followers.twitter"])
        #expect(score.explanation.first { $0.field == "followers.twitter" }?.answer == "ca. 2.150")
    }

    @Test func fractionalCountIsRoundedAndFlaggedNegativeIsSuspect() throws {
        let fractional = try Scorer(model: model2012).score(
            response2012(["followers.twitter": Fixtures.count(2_149.5)]), inhabitants: 71_703)
        #expect(fractional.flags == ["approximate:followers.twitter"])
        #expect(fractional.explanation.first { $0.field == "followers.twitter" }?.reason.hasSuffix("; gerekend als 2.150") == true)
        let negative = try Scorer(model: model2012).score(
            response2012(["followers.twitter": Fixtures.count(-5)]), inhabitants: 71_703)
        #expect(negative.flags == ["suspect:followers.twitter"])
        #expect(negative.parts["followers"] == 6)
    }

    @Test func choiceOutsideThePointsTableIsAClearError() throws {
        #expect {
            try Scorer(model: model2012).score(response2012(["usage.reageren": .choice("altijd")]), inhabitants: 71_703)
        } throws: { error in
            let text = String(describing: error)
            return text.contains("usage.reageren") && text.contains("'altijd'") && text.contains("niet, soms, vaak")
                && text.contains("GM0405") && text.contains("row 7")
        }
    }

    @Test func wrongAnswerTypeIsAClearError() throws {
        #expect {
            try Scorer(model: model2012).score(response2012(["followers.twitter": .choice("veel")]), inhabitants: 71_703)
        } throws: { error in
            String(describing: error) == "model meetlat-2012, dimension followers: field followers.twitter of GM0405 (row 7) "
                + "holds the choice 'veel', expected a count; check the field's type in the year's mapping.yaml"
        }
        #expect {
            try Scorer(model: model2012).score(response2012(["usage.reageren": .number(7.5, approximate: false)]), inhabitants: 71_703)
        } throws: { error in
            String(describing: error).contains("holds the number 7.5, expected a single choice")
        }
    }

    @Test func unansweredPurposeScoresZeroAndIsFlagged() throws {
        let score = try Scorer(model: model2012).score(response2012(["usage.reageren": .missing]), inhabitants: 71_703)
        #expect(score.parts["usage"] == 40)
        #expect(score.flags == ["unknown:usage.reageren"])
    }

    @Test func channelsOutsideTheModelEarnNothingButAreShown() throws {
        let score = try Scorer(model: model2012).score(
            response2012(["channels": .selection(["twitter", "instagram"])]), inhabitants: 71_703)
        #expect(score.parts["presence"] == 5)
        let instagram = try #require(score.explanation.first { $0.label == "instagram" })
        #expect(instagram.points == 0 && instagram.answer == ExplanationLine.chosen)
        #expect(instagram.reason == "'instagram' levert geen punten op in het model meetlat-2012")
    }

    /// The options read back from the lines: the model's channels in its order, then the others.
    @Test func reportedOptionsReadTheLinesBack() throws {
        let presence = try #require(model2012.dimensions.first { $0.id == "presence" })
        guard case .presence(let rule) = presence.rule else { Issue.record("presence is not a presence rule"); return }
        let score = try Scorer(model: model2012).score(
            response2012(["channels": .selection(["twitter", "other", "instagram"])]), inhabitants: 71_703)
        let options = try #require(rule.reportedOptions(in: score.explanation, dimension: "presence"))
        #expect(options.map(\.value) == rule.options.map(\.value) + ["instagram", "other"])
        #expect(options.filter(\.chosen).map(\.value) == ["twitter", "instagram", "other"])
        #expect(options.filter { !$0.isScored }.map(\.value) == ["instagram", "other"])
        #expect(options.first { $0.value == "twitter" } == ReportedOption(value: "twitter", label: "Twitter", chosen: true, points: 5))
        #expect(options.map(\.points).reduce(0, +) == score.parts["presence"])
        let other = try #require(score.explanation.first { $0.label == "other" })
        #expect(rule.unscoredValue(of: other) == "other")
        #expect(score.explanation.filter { rule.unscoredValue(of: $0) != nil }.count == 2)
        #expect(PresenceRule.unscoredReason("Ander", model: "meetlat-2012") == "'Ander' levert geen punten op in het model meetlat-2012")

        let unanswered = try Scorer(model: model2012).score(response2012(["channels": .missing]), inhabitants: 71_703)
        #expect(rule.reportedOptions(in: unanswered.explanation, dimension: "presence") == nil)
    }

    // MARK: - 2011

    @Test func selfScoresAreSummed() throws {
        let response = Response(gemeente: "GM0405", row: 2, values: [
            "selfscore.twitter": .choice("5"), "selfscore.facebook": .choice("3"), "selfscore.linkedin": .choice("geen"),
            "selfscore.hyves": .choice("1"), "selfscore.youtube": .choice("2"), "selfscore.yammer": .missing,
        ])
        let score = try Scorer(model: model2011).score(response, inhabitants: 71_703)
        #expect(score.parts == ["selfscore": 11])
        #expect(score.total == 11)
        #expect(score.flags == ["unknown:selfscore.yammer"])
        #expect(score.explanation.map(\.points) == [5, 3, 0, 1, 2, 0])
    }

    @Test func fullSelfScoreIsThirty() throws {
        let values = Dictionary(uniqueKeysWithValues: ["twitter", "facebook", "linkedin", "hyves", "youtube", "yammer"]
            .map { ("selfscore.\($0)", FieldValue.choice("5")) })
        let score = try Scorer(model: model2011).score(Response(gemeente: "GM0405", row: 2, values: values), inhabitants: 100)
        #expect(score.total == 30)
    }

    // MARK: - 2013

    static let applications = ["zenden", "crisiscommunicatie", "omgevingsanalyse", "vragen_luisteren",
                               "signalen_oppikken", "analyses", "beleidsinput", "discussies", "burgerparticipatie",
                               "cocreatie", "bestuur_delen", "ambtenaren_delen"]

    /// A 2013 response whose ratings give Σ(rating − 1) = `sum`, the rest unanswered.
    func response2013(sum: Int) -> Response {
        var values: [String: FieldValue] = ["channels": .selection([])]
        var remaining = sum
        for application in Self.applications {
            let above = min(9, remaining)
            remaining -= above
            values["application.\(application)"] = above > 0 ? Fixtures.count(Double(above + 1)) : .missing
        }
        return Response(gemeente: "GM0405", row: 3, values: values)
    }

    /// usage = (140·Σ + 108) / 216: half up at Σ = 27 (17,5 → 18) and Σ = 81 (52,5 → 53, where
    /// rounding to even would give 52).
    @Test(arguments: [(0, 0), (1, 1), (26, 17), (27, 18), (80, 52), (81, 53), (82, 53), (107, 69), (108, 70)])
    func usage2013RoundsHalfUp(sum: Int, points: Int) throws {
        let score = try Scorer(model: model2013).score(response2013(sum: sum), inhabitants: 50_000)
        #expect(score.parts["usage"] == points)
        #expect(score.explainedTotal == score.total)
    }

    @Test func unansweredApplicationCountsAsOne() throws {
        var values = response2013(sum: 0).values
        values["application.zenden"] = Fixtures.count(10)
        values["application.cocreatie"] = nil          // not asked: also the minimum
        let score = try Scorer(model: model2013).score(Response(gemeente: "GM0405", row: 3, values: values), inhabitants: 50_000)
        // Σ = 9 → 70 × 9 / 108 = 5,83 → 6.
        #expect(score.parts["usage"] == 6)
        #expect(score.flags.contains("unknown:application.analyses"))
        #expect(score.flags.contains("unknown:application.cocreatie"))
        let unanswered = try #require(score.explanation.first { $0.field == "application.analyses" })
        #expect(unanswered.answer == "niet ingevuld" && unanswered.points == nil)
        #expect(unanswered.reason == "geen antwoord: telt als 1, 0 boven het minimum 1 (wordt hieronder opgeteld)")
        #expect(score.explanation.first { $0.field == "application.cocreatie" }?.answer == "niet gevraagd")
        let sumLine = try #require(score.explanation.last)
        #expect(sumLine.answer == "opgeteld 9 van 108" && sumLine.points == 6)
        #expect(sumLine.reason == "70 × 9 / 108 = 5,83 → 6 punten (half naar boven afgerond)")
        #expect(score.explanation.filter { $0.dimension == "usage" }.dropLast().allSatisfy { $0.points == nil })
    }

    @Test func ratingOutsideTheScaleIsClampedAndSuspect() throws {
        var values = response2013(sum: 0).values
        values["application.zenden"] = Fixtures.count(12)
        let score = try Scorer(model: model2013).score(Response(gemeente: "GM0405", row: 3, values: values), inhabitants: 50_000)
        #expect(score.parts["usage"] == 6)   // counted as 10
        #expect(score.flags.contains("suspect:application.zenden"))
    }

    @Test func presence2013CountsInstagramAndOtherButNotHyves() throws {
        var values = response2013(sum: 0).values
        values["channels"] = .selection(["instagram", "other", "hyves", "twitter"])
        let score = try Scorer(model: model2013).score(Response(gemeente: "GM0405", row: 3, values: values), inhabitants: 50_000)
        #expect(score.parts["presence"] == 15)
    }

    @Test func weightedDimensionExplainsItsWeight() throws {
        var model = model2012
        model.dimensions[2].weight = 2
        let score = try Scorer(model: model).score(response2012(), inhabitants: 71_703)
        #expect(score.parts["usage"] == 50)
        #expect(score.total == 30 + 18 + 2 * 50)
        let weightLine = try #require(score.explanation.last)
        #expect(weightLine.answer == "gewicht 2" && weightLine.points == 50)
        #expect(weightLine.reason == "50 punten × gewicht 2 = 100 punten")
        #expect(score.explainedTotal == score.total)
        #expect(model.maximum == 40 + 120 + 140)
    }
}

/// Flags: stable ids in Rankings/, one Dutch sentence per id for people.
@Suite struct ScoreFlagTests {
    let model2012: ScoringModel
    let model2013: ScoringModel

    init() throws {
        model2012 = try Fixtures.model("meetlat-2012")
        model2013 = try Fixtures.model("meetlat-2013")
    }

    @Test func idsReadBackAndRejectOtherText() {
        #expect(ScoreFlag(id: "approximate:followers.facebook") == ScoreFlag(.approximate, field: "followers.facebook"))
        #expect(ScoreFlag(.suspect, field: "followers.twitter").id == "suspect:followers.twitter")
        for text in ["", "approximate", "approximate:", "guess:followers.twitter", "followers.twitter"] {
            #expect(ScoreFlag(id: text) == nil)
        }
    }

    @Test(arguments: [
        ("approximate:followers.facebook", "Facebook (likes): schatting of afgerond aantal, gebruikt zoals opgegeven"),
        ("unknown:followers.linkedin", "LinkedIn (connecties): onbekend aantal: telt als 0 punten"),
        ("suspect:followers.twitter", "Twitter (volgers): meer volgers dan inwoners (of een negatief aantal): opvallend"),
        ("unknown:usage.reageren", "Om te reageren: geen antwoord: telt als 0 punten"),
        ("unknown:channels", "Aanwezigheid: geen antwoord, geen kanaal geteld (0 punten)"),
        ("unknown:grade", "grade: geen antwoord"),
    ])
    func sentencesFor2012(id: String, sentence: String) throws {
        let flag = try #require(ScoreFlag(id: id))
        #expect(flag.sentence(in: model2012) == sentence)
    }

    @Test func ratingSentencesSayWhatTheScaleDid() throws {
        let sentences = ScoreFlag.sentences(["approximate:application.analyses", "suspect:application.zenden",
                                             "unknown:application.cocreatie", "not a flag"], in: model2013)
        let labels = model2013.dimensions.compactMap { dimension -> String? in
            guard case .scaledRatings(let rule) = dimension.rule else { return nil }
            return rule.fields.first { $0.field == "application.analyses" }?.label
        }
        let analyses = try #require(labels.first)
        #expect(sentences[0] == "\(analyses): geen heel cijfer: half naar boven afgerond")
        #expect(sentences[1].hasSuffix(": cijfer buiten de schaal 1–10: telt als het dichtstbijzijnde cijfer op de schaal"))
        #expect(sentences[2].hasSuffix(": geen antwoord: telt als cijfer 1"))
        #expect(sentences[3] == "not a flag")
    }

    /// Every flag the scorer sets is an id `ScoreFlag` reads and renders with the model's label.
    @Test func everyFlagTheScorerSetsHasALabelledSentence() throws {
        let response = Response(gemeente: "GM0405", row: 7, values: [
            "channels": .missing, "followers.twitter": .number(80_000, approximate: false),
            "followers.facebook": .number(800.5, approximate: false), "followers.linkedin": .number(300, approximate: true),
            "usage.informeren": .missing,
        ])
        let score = try Scorer(model: model2012).score(response, inhabitants: 71_703)
        #expect(score.flags.count >= 5)
        for id in score.flags {
            let flag = try #require(ScoreFlag(id: id))
            #expect(flag.id == id)
            #expect(!flag.sentence(in: model2012).hasPrefix(flag.field + ":"))
        }
    }
}
