import SurveyDefinition

/// Indicator values written as `bilan stats` writes them (the one rounding
/// rule, the language's decimal separator and percent sign), for renderers
/// outside this module such as `bilan live`.
public enum IndicatorFormat {
  /// `79 %`, `+21`, `4,1`, `72` (French) — `79%`, `4.1` (English).
  public static func value(_ value: Double, unit: IndicatorUnit, language: String) -> String {
    IndicatorTable.format(value, unit: unit, words: .init(language: language))
  }

  /// `[52 % ; 92 %]` (French), `[52%, 92%]` (English).
  public static func interval(_ low: Double, _ high: Double, unit: IndicatorUnit, language: String) -> String
  {
    let words = IndicatorTable.Words(language: language)
    return "[" + IndicatorTable.format(low, unit: unit, words: words) + words.separator
      + IndicatorTable.format(high, unit: unit, words: words) + "]"
  }

  /// `atteinte`, `non atteinte`, `non concluant` (met, not met, not conclusive).
  public static func verdict(_ verdict: TargetVerdict, language: String) -> String {
    IndicatorTable.Words(language: language).verdict(verdict)
  }

  /// `cible ≥ 80 %` — the target as people read it (as `bilan stats` writes it).
  public static func target(of indicator: IndicatorResult, language: String) -> String? {
    guard let written = indicator.target else { return nil }
    let words = IndicatorTable.Words(language: language)
    let readable = Target(parsing: written).map {
      $0.comparison.symbol + "\u{00A0}" + IndicatorTable.format($0.value, unit: indicator.unit, words: words)
    }
    return words.target + " " + (readable ?? written)
  }
}
