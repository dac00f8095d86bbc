/// A form read from its sheets, in bilan's terms, before it is written as YAML.
/// Texts are maps from language code to text; rows are the sheets' row numbers.
struct FormDraft {
  var id: String
  var version: Int
  var title: [String: String]
  var languages: [String]
  var choiceLists: [DraftList] = []
  var scales: [DraftScale] = []
  var itemLists: [DraftList] = []
  var sections: [DraftSection] = []
  /// Blocks of the `bilan` sheet (`event`, `indicators`…), as YAML, with their row.
  var extras: [(key: String, yaml: String, row: Int)] = []
}

struct DraftChoice: Equatable {
  var code: String
  var label: [String: String]
  var row: Int
  /// The French label's gender (`m`, `f`), from the bilan column.
  var gender: String?
}

struct DraftList {
  var name: String
  var choices: [DraftChoice]
  var row: Int
}

struct DraftScale {
  var name: String
  var min: Int
  var max: Int
  var labels: [Int: [String: String]]
  var topBox: Int?
  var notApplicable: [String: String]?
  var row: Int
}

enum DraftKind {
  case single(list: String, other: Bool)
  case multiple(list: String, other: Bool, min: Int?, max: Int?, exclusive: [String])
  case scale(String)
  case nps
  case matrix(rows: [DraftChoice], scale: String)
  case ranking(list: String, pick: Int?)
  case text(maxLength: Int?)
  case longText(maxLength: Int?)
  case number(min: Double?, max: Double?, integer: Bool)
  case boolean
  case email
}

struct DraftQuestion {
  var id: String
  var kind: DraftKind
  var label: [String: String]
  var help: [String: String]?
  var required: Bool
  /// The bilan condition, once translated.
  var when: String?
  var row: Int
  /// Lines written as comments above the question (a constraint message bilan does not show…).
  var notes: [String] = []
}

struct DraftSection {
  var id: String
  var title: [String: String]
  var intro: [String: String]?
  var forEach: String?
  var when: String?
  var questions: [DraftQuestion] = []
  var row: Int
  /// The group's sheet name, `nil` for questions outside any group.
  var groupName: String?
}
