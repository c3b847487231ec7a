/// One size class in a post-stratified estimate.
public struct Stratum: Sendable, Hashable, Codable {
    /// Size class id.
    public var id: String
    /// Gemeenten in the class in the reference that year (N_h).
    public var population: Int
    /// Respondents in the class who answered the question (n_h).
    public var answered: Int
    /// Of those, how many gave the answer being estimated (x_h).
    public var successes: Int

    public init(id: String, population: Int, answered: Int, successes: Int) {
        self.id = id
        self.population = population
        self.answered = answered
        self.successes = successes
    }

    /// p_h = x_h / n_h, or `nil` when nobody in the class answered.
    public var proportion: Double? { answered > 0 ? Double(successes) / Double(answered) : nil }
}

/// A national estimate post-stratified by size class, with its 95 % interval.
///
/// Method (also printed in the output's notes, see `PostStratifiedEstimate.methodNote`):
/// - Point estimate: p_ps = Σ_h W_h·p_h with W_h = N_h / N, N_h the gemeenten of class h in the
///   reference that year and p_h = x_h / n_h the share among the class's respondents.
/// - Variance (stratified formula with finite-population correction, Cochran 1977, §5.3):
///   Var(p_ps) = Σ_h W_h² · (1 − n_h/N_h) · s_h² / n_h with s_h² = n_h·p_h(1−p_h)/(n_h − 1).
///   For a class with a single respondent s_h² cannot be estimated; the largest possible value,
///   1/4, is used instead (conservative).
/// - Interval: Wilson score interval at p_ps with the Kish effective sample size
///   n_eff = p_ps(1−p_ps) / Var(p_ps), truncated at the number of respondents n = Σ n_h
///   (Korn & Graubard 1998), so the interval is never narrower than a simple random sample of n
///   would give. When Var is 0 (every class answered unanimously) or p_ps is 0 or 1 (then
///   p(1−p)/Var is 0 although a class with one respondent gives Var > 0), n_eff = n.
/// - A class without respondents to the question (n_h = 0) has no p_h: it is left out and the
///   weights of the other classes are scaled up to sum to 1 (the estimate then assumes the class
///   resembles the others). Such classes are listed in `classesWithoutRespondents` and in the notes.
public struct PostStratifiedEstimate: Sendable, Hashable, Codable {
    /// p_ps in 0...1.
    public var estimate: Double
    public var variance: Double
    public var effectiveSampleSize: Double
    public var interval: ProportionInterval
    /// Classes that had gemeenten but no respondents to the question: left out, weights rescaled.
    public var classesWithoutRespondents: [String]

    public static let methodNote = StatText("""
        post-stratified: p = Σ W_h·p_h over size classes h, W_h = share of the year's gemeenten in \
        class h (reference); 95 % interval: Wilson at the Kish effective sample size \
        n_eff = p(1−p)/Var(p), Var from the stratified formula with finite-population correction, \
        n_eff truncated at the number of respondents
        """, dutch: """
        nationale schatting, naar grootteklasse gewogen: het percentage binnen elke grootteklasse weegt \
        mee naar het aandeel van die klasse in alle gemeenten van het jaar, zodat kleine gemeenten, die \
        minder vaak antwoordden, niet te licht wegen; de marge is het gebied waarbinnen het percentage \
        van alle gemeenten met 95 % zekerheid ligt, en nooit smaller dan bij het aantal gemeenten dat \
        antwoordde (hoe die marge wordt berekend, staat op de methodepagina)
        """)

    /// Estimates from `strata`; `nil` when no class has respondents to the question.
    public static func estimate(strata: [Stratum], z: Double = WilsonInterval.z95) -> PostStratifiedEstimate? {
        let observed = strata.filter { $0.answered > 0 && $0.population > 0 }
        let coveredPopulation = observed.reduce(0) { $0 + $1.population }
        guard coveredPopulation > 0 else { return nil }
        var estimate = 0.0
        var variance = 0.0
        for stratum in observed {
            let weight = Double(stratum.population) / Double(coveredPopulation)
            let n = Double(stratum.answered)
            let p = Double(stratum.successes) / n
            estimate += weight * p
            let sampledFraction = min(1, n / Double(stratum.population))
            let unitVariance = stratum.answered > 1 ? n * p * (1 - p) / (n - 1) : 0.25
            variance += weight * weight * (1 - sampledFraction) * unitVariance / n
        }
        let respondents = Double(observed.reduce(0) { $0 + $1.answered })
        let spread = estimate * (1 - estimate)
        let effective = variance > 0 && spread > 0 ? min(respondents, spread / variance) : respondents
        guard let interval = WilsonInterval.interval(proportion: min(1, max(0, estimate)), sampleSize: effective, z: z)
        else { return nil }
        let empty = strata.filter { $0.answered == 0 && $0.population > 0 }.map(\.id)
        return PostStratifiedEstimate(estimate: estimate, variance: variance, effectiveSampleSize: effective,
                                      interval: interval, classesWithoutRespondents: empty)
    }
}
