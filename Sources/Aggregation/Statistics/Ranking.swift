/// Competition ranks ("1224"): 1 for the highest value, ties share a rank,
/// `nil` values get no rank.
public enum CompetitionRanking {
  public static func ranks(_ values: [Double?]) -> [Int?] {
    values.map { value in
      guard let value else { return nil }
      return 1 + values.reduce(0) { count, other in (other.map { $0 > value } ?? false) ? count + 1 : count }
    }
  }
}
