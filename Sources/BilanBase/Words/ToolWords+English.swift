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
    room: Room(
      reconnection: { "Your code: \($0). If the connection drops, resume where you stopped by typing:" },
      sent: "Thank you! Your answers have been sent.",
      kept: { "Your answers are saved. To resume where you stopped, type:\r\n    \($0)" },
      timedOut: {
        "Questionnaire closed after \($0) without a key. Your answers are saved. "
          + "To resume where you stopped, type:\r\n    \($1)"
      },
      stopping: {
        "The session is over: the questionnaire stops. Your answers are saved. "
          + "To resume where you stopped, type:\r\n    \($0)"
      },
      unknownCode: {
        "No questionnaire under way for the code “\($0)” (already sent, or mistyped).\r\n"
          + "To answer, type:\r\n    \($1)"
      },
      noTerminal: { "This questionnaire needs a terminal. Type:\r\n    \($0)" },
      notAShell: {
        "This server offers a questionnaire only (no commands, no file transfer). Type:\r\n    \($0)"
      },
      storeFailed: "The questionnaire can no longer save your answers. Please tell the facilitator.",
      toAnswer: "To answer, open a terminal and type:",
      password: "Password (session code): ",
      noPassword: "No password (open room, --open).",
      fingerprint: "Server fingerprint, to compare: ",
      clients:
        "Windows: PowerShell · macOS: Terminal · Linux: a terminal. Answer “yes” about the fingerprint.",
      status: {
        "Answering: \($0) · sent since opening: \($1) · complete responses in the store: \($2)"
          + " · connections: \($3)"
      },
      stopHint: "Ctrl-C  stop the server",
      stopQuestion: {
        "Stop the server? \($0) questionnaire\($0 == 1 ? "" : "s") under way, answers saved.  Y yes · N no"
      },
      yesKeys: "yY"
    ),
    live: Live(
      responses: { $0 == 1 ? "complete response" : "complete responses" },
      underWay: { " (\($0) under way)" },
      waiting: {
        "Results appear from \($0) complete responses (\($1) so far): below that, someone could be recognised."
      },
      keyIndicators: "Key indicators",
      quotes: "Quotes",
      points: "pts",
      noClearDifference: "No clear difference between them: their intervals overlap.",
      clearlyAhead: { "Clearly ahead: \($0)" },
      updated: { "Updated at \($0) · n = \($1)" },
      intervals: "95% intervals",
      nothingBelow: { "nothing below \($0) responses" },
      quit: "Q: quit",
      colon: ": "
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
