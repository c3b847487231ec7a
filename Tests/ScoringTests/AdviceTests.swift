import Core
import Foundation
import Ingest
import Pipeline
import Support
import Testing
@testable import Scoring

/// "Hoe kom ik hoger?": the answers file scores again to the ranking, and every advised change
/// is what the whole ranking gives when the changed answers are scored and ranked afresh by
/// `Ranker` (the code of `meetlat score`), not by a second formula.
@Suite(.enabled(if: FileManager.default.fileExists(
    atPath: Fixtures.surveys.appendingPathComponent("2013/mapping.yaml").path)))
struct AdviceTests {
    let folder = SurveyFolder(Fixtures.surveys)

    func scored(_ year: Int, _ reference: Reference) throws -> ScoredYear {
        try ScoringRun.score(year: year, in: folder, reference: reference, uncertainty: nil, showProgress: false)
    }

    @Test(arguments: [2011, 2012, 2013])
    func answersFileScoresToTheRanking(year: Int) throws {
        let reference = try folder.reference()
        let scored = try scored(year, reference)
        // Through the file's bytes, as the site and `meetlat advise` read it.
        let data = try JSONFile.encoded(scored.answers)
        let answers = try JSONFile.decode(ScoredAnswers.self, from: data, path: "\(year)-answers.json")
        #expect(answers == scored.answers)
        let advisor = try Advisor(model: scored.model, ranking: scored.ranking, answers: answers)
        for entry in scored.ranking.entries {
            #expect(advisor.totals[entry.code] == entry.total, "\(entry.name)")
            #expect(advisor.rank(of: entry.total, excluding: entry.code) == entry.rank, "\(entry.name)")
        }
        // Only the fields the model reads.
        let fields = ScoredAnswers.fields(of: scored.model)
        #expect(answers.gemeenten.allSatisfy { Set($0.answers.keys).isSubset(of: fields) })
        #expect(answers.gemeenten.map(\.code) == scored.ranking.entries.map(\.code))
    }

    /// The survey with `edits` made to one gemeente's answers and measured counts, ranked by `Ranker`.
    func reranked(_ scored: ScoredYear, _ reference: Reference, code: String, edits: [AnswerEdit]) throws -> RankedGemeente {
        var survey = scored.survey.accepted
        var observations = try folder.observations(year: scored.ranking.year, reference: reference)
        for edit in edits {
            if let field = edit.field, let value = edit.value, let index = survey.responses.firstIndex(where: { $0.gemeente == code }) {
                survey.responses[index].values[field] = value.value
            }
            if let channel = edit.channel, let count = edit.count, let current = observations {
                observations = YearObservations(year: current.year, file: current.file, channels: current.channels,
                                                synthetic: current.synthetic,
                                                observations: current.observations.map {
                                                    var changed = $0
                                                    if $0.gemeente == code && $0.channel == channel { changed.count = count }
                                                    return changed
                                                })
            }
        }
        let ranking = try Ranker.rank(survey, model: scored.model, reference: reference, observations: observations)
        return try #require(ranking.entries.first { $0.code == code })
    }

    @Test(arguments: [2011, 2012, 2013])
    func everyStepIsWhatTheRankingGives(year: Int) throws {
        let reference = try folder.reference()
        let scored = try scored(year, reference)
        let advisor = try Advisor(model: scored.model, ranking: scored.ranking, answers: scored.answers)
        let entries = scored.ranking.entries
        // The top, a tie, the middle and the bottom of the edition.
        let tied = try #require(entries.indices.first { $0 > 0 && entries[$0].total == entries[$0 - 1].total })
        let picks = [entries[0], entries[tied], entries[entries.count / 2], entries[entries.count - 1]]
        var measuredSteps = 0
        for entry in picks {
            let advice = try advisor.advice(for: entry.code)
            #expect(advice.total == entry.total && advice.rank == entry.rank)
            let best = try #require(advice.best, "\(entry.name) \(year)")
            let combined = try reranked(scored, reference, code: entry.code, edits: best.steps.flatMap(\.edits))
            #expect((combined.total, combined.rank) == (best.total, best.rank), "\(entry.name) \(year)")
            #expect(best.total >= (advice.dimensions.flatMap(\.steps).map(\.total).max() ?? 0))
            for step in advice.dimensions.flatMap(\.steps).prefix(6) {
                let single = try reranked(scored, reference, code: entry.code, edits: step.edits)
                #expect((single.total, single.rank) == (step.total, step.rank), "\(entry.name) \(year) \(step.label)")
                #expect(step.gain == step.total - entry.total && step.gain > 0)
                measuredSteps += step.edits.filter { $0.channel != nil }.count
            }
            #expect(advice.peers.count <= 5)
            for peer in advice.peers {
                let other = try #require(entries.first { $0.code == peer.code })
                #expect(other.sizeClass == entry.sizeClass && other.total > entry.total)
            }
        }
        // 2013 scores measured counts: some advice there changes a measured count.
        if year == 2013 { #expect(measuredSteps > 0) }
    }

    /// `Advisor` scores every change it tries by scoring again only the dimensions that read a
    /// changed answer or measured count (`Scorer.total(changing:)`), and ranks by binary search:
    /// for every gemeente of every demo year (the committed Rankings/), each dimension alone gives
    /// its part of the full score, and every advised step and the best steps together give the
    /// total and rank that a full score of the changed answers file gives.
    @Test(arguments: [2011, 2012, 2013])
    func rescoringTheChangedDimensionsEqualsAFullScore(year: Int) throws {
        let ranking = try RankingFile.load(year: year, rankings: Fixtures.rankings)
        let answers = try ScoredAnswers.load(year: year, rankings: Fixtures.rankings)
        let model = try Fixtures.model(ranking.model)
        let scorer = Scorer(model: model)
        let advisor = try Advisor(model: model, ranking: ranking, answers: answers)
        let observations = answers.yearObservations
        var changes = 0, measured = 0
        for set in answers.gemeenten {
            let full = try scorer.score(set.response, inhabitants: set.inhabitants, observations: observations)
            for dimension in model.dimensions {
                let points = try scorer.points(dimension, set.response, inhabitants: set.inhabitants, observations: observations)
                #expect(points == full.parts[dimension.id], "\(set.name) \(dimension.id)")
            }
            let advice = try advisor.advice(for: set.code)
            var steps: [(edits: [AnswerEdit], total: Int, rank: Int)] = advice.dimensions.flatMap(\.steps).map {
                ($0.edits, $0.total, $0.rank)
            }
            if let best = advice.best { steps.append((best.steps.flatMap(\.edits), best.total, best.rank)) }
            for step in steps {
                let changed = step.edits.reduce(answers) { $1.applied(to: $0, code: set.code) }
                let changedSet = try #require(changed.gemeenten.first { $0.code == set.code })
                let total = try scorer.score(changedSet.response, inhabitants: changedSet.inhabitants,
                                             observations: changed.yearObservations).total
                let rank = 1 + answers.gemeenten.filter { $0.code != set.code && advisor.totals[$0.code]! > total }.count
                #expect(try advisor.total(of: set.code, with: step.edits) == total, "\(set.name) \(year)")
                #expect((step.total, step.rank) == (total, rank), "\(set.name) \(year)")
                changes += 1
                measured += step.edits.filter { $0.channel != nil }.count
            }
        }
        #expect(changes > answers.gemeenten.count)
        // 2013 scores measured counts: changes of a measured count are among those compared.
        if year == 2013 { #expect(measured > 0) }
    }

    @Test func peersAreTheFiveJustAbove() throws {
        let reference = try folder.reference()
        let scored = try scored(2012, reference)
        let advisor = try Advisor(model: scored.model, ranking: scored.ranking, answers: scored.answers)
        let entry = scored.ranking.entries[scored.ranking.entries.count / 2]
        let above = scored.ranking.entries.filter { $0.sizeClass == entry.sizeClass && $0.total > entry.total }
        let peers = try advisor.advice(for: entry.code).peers
        #expect(peers.map(\.code) == above.suffix(5).map(\.code))
        #expect(peers.allSatisfy { $0.lead > 0 })
    }
}
