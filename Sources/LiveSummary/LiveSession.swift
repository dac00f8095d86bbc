import Aggregation
import Foundation
import Questionnaire
import ReportPipeline
import ResponseStore
import SurveyDefinition

/// `bilan live`: the projector's summary on a terminal, refreshed as answers
/// arrive in the store (from `bilan serve`, `ask` or an import, in this
/// process or another).
///
/// The figures come from the report pipeline (`ReportPipeline.results()`:
/// the engine, as the workbook and the synthesis compute them). The store is
/// asked every `interval` seconds how many responses it holds (a cheap
/// count); the figures are computed again when that changes, and at least
/// every `recomputeEvery` seconds (a correction or an erasure changes no count).
public final class LiveSession {
  let survey: Survey
  let pipeline: ReportPipeline
  let repository: any ResponseRepository
  let device: TerminalDevice
  let painter: Painter
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

  /// - Parameters:
  ///   - pipeline: the report pipeline of the survey (one survey, its store).
  ///   - repository: the same store, asked for its counts.
  public init(
    pipeline: ReportPipeline, repository: any ResponseRepository, device: TerminalDevice,
    environment: [String: String], quotes: Bool = false, interval: Double = 1, recomputeEvery: Double = 30
  ) {
    self.survey = pipeline.surveys[0]
    self.pipeline = pipeline
    self.repository = repository
    self.device = device
    self.painter = Painter(device: device, palette: .fromEnvironment(environment))
    self.quotes = quotes
    self.interval = interval
    self.recomputeEvery = recomputeEvery
  }

  /// Runs until the facilitator leaves; the terminal is restored on return.
  public func run() throws -> Outcome {
    device.enter()
    defer { device.leave() }
    var board = LiveBoard(
      results: try pipeline.results(), quotes: quotes,
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
            results: try pipeline.results(),
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
