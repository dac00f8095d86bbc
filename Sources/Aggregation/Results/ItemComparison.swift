/// How the items of one block compare — the tools of the overall figures or
/// of one breakdown group, the choices of a Borda ranking — as reports may
/// state it: which come first, which are tied, which are clearly apart.
///
/// Built from the engine's rows (`rank` on reported values, `clearlyAheadOf`
/// from the intervals, see `ClearDifference`); rows without a value and
/// withheld rows are left out.
public struct ItemComparison: Sendable, Equatable {
  public struct Entry: Sendable, Equatable {
    public var item: CodeLabel
    /// The unrounded value.
    public var value: Double
    /// The value as reports show it: equal reported values are a tie.
    public var reported: Double
    public var n: Int
    public var rank: Int
    /// Codes of the entries whose interval lies wholly below this one's.
    public var clearlyAheadOf: [String]

    public init(item: CodeLabel, value: Double, reported: Double, n: Int, rank: Int, clearlyAheadOf: [String])
    {
      self.item = item
      self.value = value
      self.reported = reported
      self.n = n
      self.rank = rank
      self.clearlyAheadOf = clearlyAheadOf
    }
  }

  /// Best first (rank, then the items' order).
  public var entries: [Entry]

  public init(entries: [Entry]) {
    self.entries = entries
  }

  /// The rows of one block, ranked, in the order reports list them.
  public init(rows: [IndicatorRow], unit: IndicatorUnit) {
    let ranked = rows.enumerated().compactMap { offset, row -> (Int, Entry)? in
      guard !row.suppressed, let item = row.item, let value = row.value, let rank = row.rank else {
        return nil
      }
      return (
        offset,
        Entry(
          item: item, value: value, reported: unit.reported(value), n: row.n ?? 0, rank: rank,
          clearlyAheadOf: row.clearlyAheadOf ?? [])
      )
    }
    entries = ranked.sorted { ($0.1.rank, $0.0) < ($1.1.rank, $1.0) }.map(\.1)
  }

  /// No entry is clearly ahead of another: “no clear difference at n = …”.
  public var noClearDifference: Bool { entries.allSatisfy { $0.clearlyAheadOf.isEmpty } }

  /// The entries no other entry is clearly ahead of, best first: what may be
  /// said to come first. Every other entry is clearly behind at least one of them.
  public var leaders: [Entry] {
    let behind = Set(entries.flatMap(\.clearlyAheadOf))
    return entries.filter { !behind.contains($0.item.code) }
  }

  /// The entries clearly behind at least one other, best first.
  public var trailing: [Entry] {
    let behind = Set(entries.flatMap(\.clearlyAheadOf))
    return entries.filter { behind.contains($0.item.code) }
  }

  /// The entries sharing the first place (same reported value).
  public var tiedFirst: [Entry] { entries.filter { $0.rank == entries.first?.rank } }

  /// The smallest and largest n of the entries.
  public var nRange: ClosedRange<Int>? {
    guard let low = entries.map(\.n).min(), let high = entries.map(\.n).max() else { return nil }
    return low...high
  }
}

extension IndicatorResult {
  /// The comparison of the items (or Borda choices) of the overall figures
  /// (`group` nil) or of one breakdown group; `nil` for an indicator that is
  /// neither per item nor Borda. A Borda question inside a loop compares the
  /// choices of `loopItem`.
  public func comparison(group: GroupRef? = nil, loopItem: String? = nil) -> ItemComparison? {
    guard perItem || kind == .borda else { return nil }
    var block = rows.filter { $0.group == group }
    if kind == .borda, perItem {
      guard let loopItem else { return nil }
      block = block.filter { $0.item?.code.hasPrefix(loopItem + ".") == true }
    }
    return ItemComparison(rows: block, unit: unit)
  }
}
