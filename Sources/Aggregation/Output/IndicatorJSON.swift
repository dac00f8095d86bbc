import BilanBase
import Foundation

/// The indicators as `bilan stats --format json` prints them (spec/cli.md):
/// an array with one object per indicator row, keys in the contract's order,
/// values unrounded.
public enum IndicatorJSON {
  /// One object per row, one row per line: overall rows first, then each
  /// breakdown's groups (the order of `IndicatorResult.rows`).
  ///
  /// Keys: `indicator`, `kind`, `item`, `group`, then `n`, `value`, `ci_low`,
  /// `ci_high` — or, for a withheld cell, `suppressed: true` and `suppression`
  /// (`below_minimum` / `complementary`) instead — then `target`, `met`, and
  /// `rank` on the rows of items and borda choices. Then the extensions of
  /// the contract: `verdict` (`met`, `not_met`, `not_conclusive`: the target
  /// as the interval supports it; `null` without a target), `count` (how many
  /// respondents a proportion counts), `parts` (a share of several answers,
  /// each answer's own count: `[{"answer":"oui_annee","count":2,"value":0.15,…}]`)
  /// and `clearly_ahead_of` (on ranked rows: the items whose interval lies
  /// wholly below this one's). With partial responses included, each object
  /// ends with `"includes_partial":true`.
  public static func render(_ results: SurveyResults) -> String {
    var lines: [String] = []
    for indicator in results.indicators {
      let ranked = indicator.perItem || indicator.kind == .borda
      for row in indicator.rows {
        var fields: [(String, String)] = [
          ("indicator", string(indicator.id)),
          ("kind", string(indicator.kind.rawValue)),
          ("item", row.item.map { string($0.code) } ?? "null"),
          ("group", row.group.map { "{\(string($0.question)):\(string($0.code))}" } ?? "null"),
        ]
        if row.suppressed {
          fields.append(("suppressed", "true"))
          fields.append(("suppression", row.suppression.map { string($0.rawValue) } ?? "null"))
        } else {
          fields.append(("n", row.n.map(String.init) ?? "null"))
          fields.append(("value", number(row.value)))
          fields.append(("ci_low", number(row.ciLow)))
          fields.append(("ci_high", number(row.ciHigh)))
        }
        fields.append(("target", indicator.target.map(string) ?? "null"))
        fields.append(("met", row.met.map { $0 ? "true" : "false" } ?? "null"))
        if ranked, !row.suppressed { fields.append(("rank", row.rank.map(String.init) ?? "null")) }
        fields.append(("verdict", row.verdict.map { string($0.rawValue) } ?? "null"))
        if let count = row.count { fields.append(("count", String(count))) }
        if let parts = row.parts {
          let objects = parts.map { part in
            "{\"answer\":\(string(part.answer.code)),\"count\":\(part.count),\"value\":\(number(part.share)),"
              + "\"ci_low\":\(number(part.ciLow)),\"ci_high\":\(number(part.ciHigh))}"
          }
          fields.append(("parts", "[" + objects.joined(separator: ",") + "]"))
        }
        if ranked, let ahead = row.clearlyAheadOf {
          fields.append(("clearly_ahead_of", "[" + ahead.map(string).joined(separator: ",") + "]"))
        }
        if results.counts.includesPartial { fields.append(("includes_partial", "true")) }
        lines.append("{" + fields.map { "\(string($0.0)):\($0.1)" }.joined(separator: ",") + "}")
      }
    }
    return lines.isEmpty ? "[]" : "[" + lines.joined(separator: ",\n ") + "]"
  }

  /// A JSON number (shortest representation that reads back exactly), `null` when absent or not finite.
  static func number(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "null" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
  }

  /// A JSON string literal.
  static func string(_ value: String) -> String { JSONText.quoted(value) }
}
