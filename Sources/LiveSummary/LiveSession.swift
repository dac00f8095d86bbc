import Aggregation
import Foundation
import Questionnaire
import ResponseStore
import SurveyDefinition

/// `bilan live`: the projector's summary on a terminal, refreshed as answers
/// arrive in the store (from `bilan serve`, `ask` or an import, in this
/// process or another).
///
/// The store is asked every `interval` seconds how many responses it holds
/// (a cheap count); the figures are computed again by the engine when that
/// changes, and at least every `recomputeEvery` seconds (a correction or an
/// erasure changes no count).
public final class LiveSession {
  let survey: Survey
  let repository: any ResponseRepository
  let device: TerminalDevice
  let painter: Painter
  let language: String
  let quotes: Bool
  let interval: Double
  let recomputeEvery: Double

  /// How the summary was left.
  public enum Outcome: Sendable, Equatable {
    /// Q, Esc or Ctrl-C.
    case quit
    /// SIGTERM, SIGHUP or SIGINT from outside.
    case terminated(Int32)
  }

  public init(
    survey: Survey, repository: any ResponseRepository, device: TerminalDevice, environment: [String: String],
    language: String? = nil, quotes: Bool = false, interval: Double = 1, recomputeEvery: Double = 30
  ) {
    self.survey = survey
    self.repository = repository
    self.device = device
    self.painter = Painter(device: device, palette: .fromEnvironment(environment))
    self.language = language ?? survey.defaultLanguage
    self.quotes = quotes
    self.interval = interval
    self.recomputeEvery = recomputeEvery
  }

  /// The engine's results over the store's complete responses.
  public static func results(
    survey: Survey, repository: any ResponseRepository, language: String
  ) throws
    -> SurveyResults
  {
    var aggregator = try Aggregator(
      survey: survey, options: AggregationOptions(includePartial: false, language: language, breakdowns: []))
    try repository.forEachResponse(survey: survey.id, includePartial: true) { aggregator.add($0) }
    return aggregator.results()
  }

  /// Runs until the facilitator leaves; the terminal is restored on return.
  public func run() throws -> Outcome {
    device.enter()
    defer { device.leave() }
    var board = LiveBoard(
      results: try Self.results(survey: survey, repository: repository, language: language), quotes: quotes,
      updated: Date())
    var seen = try counts()
    var computedAt = Date()
    while true {
      let size = device.size()
      painter.draw(board.render(width: size.columns, height: size.rows), size: size, cursor: nil)
      switch device.nextEvent(timeout: interval) {
      case .timeout:
        let now = try counts()
        if now != seen || Date().timeIntervalSince(computedAt) >= recomputeEvery {
          seen = now
          computedAt = Date()
          board = LiveBoard(
            results: try Self.results(survey: survey, repository: repository, language: language),
            quotes: quotes, updated: computedAt)
        }
      case .signal(.resize), .signal(.resumed): painter.invalidate()
      case .signal(.interrupt): return .terminated(SIGINT)
      case .signal(.terminate(let number)): return .terminated(number)
      case .key(let key):
        switch key {
        case .control("c"), .character("q"), .character("Q"), .escape: return .quit
        case .control("l"): painter.invalidate()
        case .control("z"):
          device.suspend()
          painter.invalidate()
        default: break
        }
      }
    }
  }

  /// Complete and partial responses in the store: a change means new figures.
  private func counts() throws(StoreError) -> (Int, Int) {
    (
      try repository.count(survey: survey.id, includePartial: false),
      try repository.count(survey: survey.id, includePartial: true)
    )
  }
}
