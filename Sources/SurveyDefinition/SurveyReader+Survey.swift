import BilanBase
import Foundation
import Yams

/// What the reader keeps about a question besides the model: where its parts
/// were written, for the checks that need the whole survey.
struct QuestionRecord {
  var question: Question
  var sectionIndex: Int
  /// Position in the asking order (file order).
  var flowIndex: Int
  /// The item list its section loops over.
  var loop: String?
  var idNode: Node
  var condition: ParsedCondition?
  /// `false` when a part it depends on (choices, scale) could not be resolved.
  var isComplete: Bool
}

struct SectionRecord {
  var section: Section
  var idNode: Node
  /// Flow index of its first question.
  var firstFlowIndex: Int
  var condition: ParsedCondition?
}

/// A parsed `when:` with what lint needs to point inside it.
struct ParsedCondition {
  var condition: Condition
  var literalOffsets: [Int]
  var node: Node
}

extension SurveyReader {
  static let topLevelKeys = [
    "id", "version", "title", "description", "languages", "event", "privacy", "choices", "scales", "items",
    "sections", "indicators", "breakdowns", "synthesis", "follows", "follow_up_token",
  ]

  func readSurvey(_ root: Node) -> Survey? {
    guard case .mapping(let top) = root else {
      error(
        root,
        "a survey file is a mapping of keys (id, version, title, languages, sections…), not \(describe(root))"
      )
      return nil
    }
    let fields = entries(top, allowed: Self.topLevelKeys, in: "the survey")
    requireKeys(["id", "version", "title", "languages", "sections"], in: fields, of: root, "the survey")

    if let node = fields["languages"]?.value { readLanguages(node) }
    var id = ""
    if let node = fields["id"]?.value, let value = string(node, "the survey id") {
      if !Self.isSurveyId(value) {
        error(node, "the survey id '\(value)' must use only lowercase letters a-z, digits and '-'")
      }
      id = value
    }
    var version = 1
    if let node = fields["version"]?.value, let value = integer(node, "'version'") {
      if value < 1 { error(node, "'version' must be 1 or more, not \(value)") }
      version = value
    }
    let title = fields["title"].flatMap { localizedText($0.value, "the survey title") }
    let description = fields["description"].flatMap { localizedText($0.value, "the survey description") }
    let event = fields["event"].flatMap { readEvent($0.value) }
    let privacy = fields["privacy"].flatMap { readPrivacy($0.value) } ?? Privacy()

    if let node = fields["choices"]?.value {
      readLists(node, kind: "choice list", key: "choices") { id, list in
        choiceLists[id] = list
        choiceListOrder.append(id)
      }
    }
    if let node = fields["scales"]?.value { readScales(node) }
    if let node = fields["items"]?.value {
      readLists(node, kind: "item list", key: "items") { id, list in
        itemLists[id] = list
        itemListOrder.append(id)
      }
    }
    if let node = fields["sections"]?.value { readSections(node) }
    checkConditions()
    let indicators =
      fields["indicators"].map { readIndicators($0.value, event: event, eventKey: fields["event"]) } ?? []
    let breakdowns = fields["breakdowns"].map { readBreakdowns($0.value) } ?? []
    let synthesis = fields["synthesis"].flatMap { readSynthesis($0.value) }
    var follows: FollowedSurvey?
    if let node = fields["follows"]?.value, let value = string(node, "'follows'") {
      if !Self.isSurveyId(value) {
        error(
          node, "'follows' names a survey id ('\(value)' is not one: lowercase letters a-z, digits and '-')")
      } else if value == id {
        error(
          node,
          "survey '\(id)' follows itself; 'follows' names the earlier survey whose responses this one follows up"
        )
      } else {
        follows = FollowedSurvey(id: value, location: location(node))
      }
    }
    let showsToken = fields["follow_up_token"].flatMap { boolean($0.value, "'follow_up_token'") } ?? false
    for indicator in indicators where indicator.among != nil && fields["follows"] == nil {
      error(
        at: indicator.among!.location.line, indicator.among!.location.column,
        "'among' of indicator '\(indicator.id)' reads the answers of the survey this one follows; add 'follows: SURVEY_ID' at the top level"
      )
    }

    guard let title, !hasErrors else { return nil }
    return Survey(
      id: id, version: version, title: title, description: description, languages: languages, event: event,
      privacy: privacy,
      choiceLists: choiceListOrder.compactMap { choiceLists[$0] },
      scales: scaleOrder.compactMap { scales[$0] },
      itemLists: itemListOrder.compactMap { itemLists[$0] },
      sections: sectionRecords.map(\.section),
      indicators: indicators, breakdowns: breakdowns, synthesis: synthesis, follows: follows,
      showsFollowUpToken: showsToken, sourcePath: file)
  }

  private func readLanguages(_ node: Node) {
    guard let elements = sequence(node, "'languages'") else { return }
    guard !elements.isEmpty else {
      error(node, "'languages' is empty; list the survey's languages, the default first, as in [fr, en]")
      return
    }
    var valid = true
    var seen: [String: Int] = [:]
    for element in elements {
      guard let language = string(element, "a language") else {
        valid = false
        continue
      }
      if !Self.isLanguage(language) {
        error(element, "language '\(language)' is not a language code such as 'fr' or 'en'")
        valid = false
      } else if let line = seen[language] {
        error(element, "duplicate language '\(language)' (first at line \(line))")
      } else {
        seen[language] = location(element).line
        languages.append(language)
      }
    }
    languagesAreKnown = valid
  }

  private func readEvent(_ node: Node) -> Event? {
    guard let mapping = mapping(node, "'event'") else { return nil }
    let fields = entries(
      mapping,
      allowed: [
        "name", "date", "place", "organiser", "registered", "facilitators", "objectives", "programme",
        "time_zone",
      ], in: "'event'",
      misplaced: ["organizer": "unknown key 'organizer' in 'event'; did you mean 'organiser'?"])
    var event = Event()
    event.name = fields["name"].flatMap { localizedText($0.value, "the event name") }
    if let dateNode = fields["date"]?.value, let date = string(dateNode, "the event date") {
      if CalendarDay(date) != nil {
        event.date = date
      } else {
        error(dateNode, "the event date '\(date)' must be a date written YYYY-MM-DD, as in 2015-03-05")
      }
    }
    event.place = fields["place"].flatMap { string($0.value, "the event place") }
    event.organiser = fields["organiser"].flatMap { string($0.value, "the event organiser") }
    registeredIsWritten = fields["registered"] != nil
    if let registeredNode = fields["registered"]?.value,
      let registered = integer(registeredNode, "'registered' of the event")
    {
      if registered < 1 {
        error(registeredNode, "'registered' of the event must be 1 or more, not \(registered)")
      } else {
        event.registered = registered
      }
    }
    event.facilitators = fields["facilitators"].flatMap { localizedText($0.value, "the event facilitators") }
    if let node = fields["objectives"]?.value, let elements = sequence(node, "the event objectives") {
      event.objectives = elements.compactMap { localizedText($0, "an objective of the event") }
    }
    if let node = fields["programme"]?.value, let elements = sequence(node, "the event programme") {
      event.programme = elements.compactMap(readProgrammePart)
    }
    if let node = fields["time_zone"]?.value, let zone = string(node, "the event time zone") {
      if TimeZone(identifier: zone) == nil {
        error(node, "unknown time zone '\(zone)'; write an IANA name such as Europe/Paris")
      } else {
        event.timeZone = zone
      }
    }
    return event
  }

  private func readProgrammePart(_ node: Node) -> ProgrammePart? {
    guard let mapping = mapping(node, "a part of the event programme") else { return nil }
    let fields = entries(mapping, allowed: ["title", "summary"], in: "a part of the event programme")
    requireKeys(["title"], in: fields, of: node, "a part of the event programme")
    guard let title = fields["title"].flatMap({ localizedText($0.value, "the title of a programme part") })
    else { return nil }
    return ProgrammePart(
      title: title,
      summary: fields["summary"].flatMap { localizedText($0.value, "the summary of a programme part") })
  }

  private func readPrivacy(_ node: Node) -> Privacy? {
    guard let mapping = mapping(node, "'privacy'") else { return nil }
    let fields = entries(mapping, allowed: ["min_group_size", "notice"], in: "'privacy'")
    var privacy = Privacy()
    if let sizeNode = fields["min_group_size"]?.value, let size = integer(sizeNode, "'min_group_size'") {
      if size < 1 {
        error(sizeNode, "'min_group_size' must be 1 or more, not \(size)")
      } else {
        if size < 3 {
          warning(
            sizeNode,
            "'min_group_size' \(size) lets reports publish groups of \(size == 1 ? "one person" : "two people"); 3 or more protects participants"
          )
        }
        privacy.minGroupSize = size
      }
    }
    privacy.notice = fields["notice"].flatMap { localizedText($0.value, "the privacy notice") }
    return privacy
  }

  /// `choices:` and `items:`: a mapping from list id to a list of choices.
  private func readLists(_ node: Node, kind: String, key: String, store: (String, ChoiceList) -> Void) {
    guard let mapping = mapping(node, "'\(key)'") else { return }
    for (keyNode, value) in mapping {
      guard let id = code(keyNode, "the \(kind) id") else { continue }
      if let list = choices(value, "\(kind) '\(id)'") {
        store(id, ChoiceList(id: id, choices: list))
      } else {
        brokenDefinitions.insert("\(kind):\(id)")
      }
    }
  }

  private func readScales(_ node: Node) {
    guard let mapping = mapping(node, "'scales'") else { return }
    for (keyNode, value) in mapping {
      guard let id = code(keyNode, "the scale id") else { continue }
      guard let scaleMapping = self.mapping(value, "scale '\(id)'") else {
        brokenDefinitions.insert("scale:\(id)")
        continue
      }
      let fields = entries(scaleMapping, allowed: Self.scaleKeys, in: "scale '\(id)'")
      if let scale = readScale(fields, node: value, id: id, context: "scale '\(id)'") {
        scales[id] = scale
        scaleOrder.append(id)
      } else {
        brokenDefinitions.insert("scale:\(id)")
      }
    }
  }

  static let scaleKeys = ["min", "max", "labels", "top_box", "not_applicable"]

  /// A scale from its keys (in `scales:` or inline in a question).
  func readScale(
    _ fields: [String: (key: Node, value: Node)], node: Node, id: String?, context: String
  ) -> Scale? {
    requireKeys(["min", "max"], in: fields, of: node, context)
    let errorsBefore = diagnostics.filter(\.isError).count
    let minimum = fields["min"].flatMap { integer($0.value, "'min' of \(context)") }
    let maximum = fields["max"].flatMap { integer($0.value, "'max' of \(context)") }
    var bounds: ClosedRange<Int>?
    if let minimum, let maximum, let maxNode = fields["max"]?.value {
      if minimum >= maximum {
        error(maxNode, "scale bounds out of order in \(context): min \(minimum) is not below max \(maximum)")
      } else if maximum - minimum > 100 {
        error(maxNode, "\(context) has \(maximum - minimum + 1) points; a scale has at most 101")
      } else {
        bounds = minimum...maximum
      }
    }
    let pointCount = bounds.map { $0.count } ?? 0
    var topBox = max(1, min(2, pointCount - 1))
    if let topNode = fields["top_box"]?.value, let value = integer(topNode, "'top_box' of \(context)"),
      let bounds
    {
      if value < 1 || value >= bounds.count {
        error(
          topNode,
          "'top_box' \(value) of \(context) must be between 1 and \(bounds.count - 1) (fewer than its \(bounds.count) points)"
        )
      } else {
        topBox = value
      }
    }
    var labels: [Int: LocalizedText] = [:]
    var pointsOutside = false
    if let labelsNode = fields["labels"]?.value, let mapping = mapping(labelsNode, "'labels' of \(context)") {
      for (pointNode, textNode) in mapping {
        guard let point = integer(pointNode, "a point of \(context)") else { continue }
        if let bounds, !bounds.contains(point) {
          pointsOutside = true
          error(
            pointNode,
            "label for point \(point) is outside \(context) (\(bounds.lowerBound) to \(bounds.upperBound))")
          continue
        }
        if let text = localizedText(textNode, "the label of point \(point) of \(context)") {
          labels[point] = text
        }
      }
      if let bounds, !pointsOutside, !labels.isEmpty, labels.count != bounds.count,
        Set(labels.keys) != [bounds.lowerBound, bounds.upperBound]
      {
        let given = labels.keys.sorted().map(String.init).joined(separator: ", ")
        warning(
          labelsNode,
          "\(context) labels points \(given) only: label every point or only the two ends")
      }
    }
    let notApplicable = fields["not_applicable"].flatMap {
      localizedText($0.value, "'not_applicable' of \(context)")
    }
    guard let bounds, diagnostics.filter(\.isError).count == errorsBefore else { return nil }
    return Scale(
      id: id, min: bounds.lowerBound, max: bounds.upperBound, labels: labels, topBox: topBox,
      notApplicable: notApplicable)
  }
}
