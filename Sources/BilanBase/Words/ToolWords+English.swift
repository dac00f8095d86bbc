extension ToolWords {
  /// The tool's words in English.
  package static let english = ToolWords(
    engine: Engine(
      other: "Other",
      yes: "Yes",
      no: "No",
      responseRate: "Response rate",
      keyRemoved: "key no longer in the survey: its answers are not counted",
      typeChanged: { "type changed from \($0) to \($1)" },
      codesRemoved: { "codes no longer in the list: \($0)" },
      rangeNarrowed: { "range narrowed from \($0) to \($1)" },
      notApplicableRemoved: "the not-applicable answer is no longer offered",
      maxLengthReduced: { "texts limited to \($1) characters (was \($0.map(String.init) ?? "unlimited"))" },
      unrecordedSchema: "responses answered with another version of the survey, whose schema was not kept"
    ),
    stats: Stats(
      complete: "Complete responses",
      partial: "partial",
      partialIncluded: "included in the figures",
      partialExcluded: "not counted",
      registered: "registered",
      lastResponse: "Last response",
      confidence: "95% confidence intervals",
      minimum: { "no group of fewer than \($0) people published" },
      target: "target",
      item: "Item",
      group: "Group",
      value: "Value",
      interval: "95% CI",
      met: "Target",
      rank: "Rank",
      everyone: "All",
      noClearDifference: { "No clear difference between the items at n = \($0): their intervals overlap." },
      clearlyFirst: { "Clearly ahead at n = \($1): \($0) (interval above at least one other)." },
      verdictMet: "met",
      verdictNotMet: "not met",
      verdictNotConclusive: "not conclusive",
      changes: "Survey changes",
      hidden: { "hidden (< \($0))" }
    ),
    headlines: Headlines(
      responses: { "Responses: \($0) complete" },
      ofRegistered: { " of \($0) registered (\($1))" },
      target: { "target \($0) \($1)" },
      met: "met",
      notMet: "not met",
      notConclusive: "not conclusive"
    ),
    dates: Dates(
      months: [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
      ],
      weekdays: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
      long: { day, month, year, weekday in (weekday.map { $0 + " " } ?? "") + "\(day) \(month) \(year)" }
    )
  )
}
