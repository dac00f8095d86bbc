/// A group of questions asked together, possibly once per item of an item list.
public struct Section: Sendable, Hashable {
  public var id: String
  public var title: LocalizedText
  public var intro: LocalizedText?
  /// The item list the section loops over (`for_each`), if any.
  public var forEach: String?
  /// The items of that list, resolved at load time (empty without `for_each`).
  public var items: [Choice]
  /// The section is asked only when this holds.
  public var condition: Condition?
  public var questions: [Question]
  public var location: SourceLocation

  public init(
    id: String, title: LocalizedText, intro: LocalizedText? = nil, forEach: String? = nil,
    items: [Choice] = [], condition: Condition? = nil, questions: [Question],
    location: SourceLocation = SourceLocation(file: "", line: 0, column: 0)
  ) {
    self.id = id
    self.title = title
    self.intro = intro
    self.forEach = forEach
    self.items = items
    self.condition = condition
    self.questions = questions
    self.location = location
  }
}
