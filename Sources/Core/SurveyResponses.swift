/// A survey year's accepted answers, as scoring and statistics use them: one response per
/// gemeente and the count of answers that named none. Unlike Ingest's `SurveyYear` it holds no
/// rejects and no report, so nothing of an export's original rows travels with it.
public struct SurveyResponses: Sendable, Hashable {
    public var year: Int
    /// Name of the scoring model the year's mapping names, e.g. `meetlat-2012`.
    public var model: String
    /// Accepted responses, one per gemeente, sorted by CBS code.
    public var responses: [Response]
    /// Answers that named no gemeente (not used).
    public var anonymous: Int

    public init(year: Int, model: String, responses: [Response], anonymous: Int = 0) {
        self.year = year
        self.model = model
        self.responses = responses
        self.anonymous = anonymous
    }
}
