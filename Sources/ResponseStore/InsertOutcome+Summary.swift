extension InsertOutcome {
  /// What `bilan import` says of one file: `FILE: 15 added, 0 already
  /// present`, with what else the user should know (responses erased earlier,
  /// a file imported before, copies that differ, responses answered with an
  /// earlier definition: `earlierSchemaCount`).
  public func summary(file: String, earlierSchemaCount: Int) -> String {
    var text = "\(file): \(added) added, \(alreadyPresent) already present"
    if erased > 0 {
      text += ", \(erased) erased earlier with `bilan delete` (not added again)"
    }
    if fileAlreadyImported {
      text += " (this file was imported before)"
    } else if differing > 0 {
      text +=
        " (\(differing) of them differ from the stored copy, which was kept; "
        + "compare with `bilan export`)"
    }
    if earlierSchemaCount > 0 && !fileAlreadyImported {
      text +=
        "\n\(file): \(earlierSchemaCount) response\(earlierSchemaCount == 1 ? " was" : "s were") "
        + "answered with an earlier definition of the survey; `bilan lint SURVEY --store PATH` explains the changes"
    }
    return text
  }
}
