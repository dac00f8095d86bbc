import ResponseStore
import SurveyDefinition

/// What every connection of a room shares.
struct RoomContext: Sendable {
  let survey: Survey
  let repository: any ResponseRepository
  let configuration: RoomConfiguration
  let registry: ParticipantRegistry
  let gate: ConnectionGate
  let log: @Sendable (RoomEvent) -> Void
  /// The port participants connect to (the bound one when `--listen` said 0).
  let port: Int

  /// The participants' language.
  var language: String { configuration.language ?? survey.defaultLanguage }

  /// The store's device name of a participant: their response is resumed by it.
  static func device(of code: String) -> String { "ssh:" + code }
}
