import Aggregation
import Foundation
import PostgresStore
import ResponseStore
import SurveyDefinition

/// Where a follow-up survey (`follows:`) finds the responses of the survey it
/// follows, and their join: what `bilan report` and `bilan stats` feed the
/// engine (`AggregationOptions.followUp`).
public enum FollowUpSource {
  /// The join of `survey`'s responses in `store` (at `address`) with those of
  /// the survey it follows, or `nil` when it follows none.
  ///
  /// The followed definition is found among `candidates`, else beside the
  /// survey's file (`FollowUpCheck`). Its responses are read from
  /// `followedStore` (`--followed-store`) when given; else from the same
  /// database when `address` is a server (a network's database holds both
  /// surveys); else from the followed survey's own file
  /// (`Reports/SURVEY_ID/responses.sqlite`, or `BILAN_STORE`).
  public static func join(
    survey: Survey, store: any ResponseRepository, address: StoreAddress, followedStore: String?,
    candidates: [String] = []
  ) throws -> FollowUpJoin? {
    guard let followed = try FollowUpCheck.followed(by: survey, candidates: candidates) else { return nil }
    let followedAddress: StoreAddress =
      if let followedStore {
        try StoreAddress(followedStore)
      } else if address.isServer {
        address
      } else {
        try StoreAddress.resolve(option: nil, surveyID: followed.id)
      }
    let repository: any ResponseRepository
    do {
      if followedAddress == address {
        repository = store
      } else {
        repository = try followedAddress.open(surveyID: followed.id, create: false)
      }
    } catch {
      throw ReportError.followedStore(
        survey: survey.id, followed: followed.id, store: followedAddress.description,
        detail: error.errorDescription ?? "\(error)")
    }
    return try FollowUpJoin.prepare(
      survey: survey, store: store, followed: followed, followedStore: repository)
  }
}
