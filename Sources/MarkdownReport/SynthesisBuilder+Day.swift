import Aggregation
import Foundation
import SurveyDefinition

extension SynthesisBuilder {
  // MARK: The day

  /// The day recalled from the survey's `event`: when, where, who organised
  /// and ran it, its objectives and its programme.
  func dayContext() -> DayContext? {
    guard let event = results.survey.event else { return nil }
    let date = event.date.flatMap { prose.longDate(iso: $0, weekday: true) }
    let place = event.place.map(md)
    let name = event.name.map { typography.quoted(md($0)) }
    let facilitators = event.facilitators.map(md)
    var sentence: String
    if isFrench {
      let day = name.map { "la journée " + $0 } ?? "la journée"
      if let organiser = event.organiser.map(md) {
        let lead = [date.map { "le " + $0 }, place.map { "à " + $0 }].compactMap { $0 }
        sentence =
          (lead.isEmpty ? "" : lead.joined(separator: ", ") + ", ") + organiser + " a organisé " + day
        if let facilitators { sentence += ", animée par " + facilitators }
      } else {
        sentence = day + " s’est tenue" + (date.map { " le " + $0 } ?? "") + (place.map { " à " + $0 } ?? "")
        if let facilitators { sentence += typography.semicolon + "elle était animée par " + facilitators }
      }
    } else {
      let day = name.map { "the day " + $0 } ?? "the day"
      if let organiser = event.organiser.map(md) {
        let lead = [date.map { "on " + $0 }, place.map { "in " + $0 }].compactMap { $0 }
        sentence = (lead.isEmpty ? "" : lead.joined(separator: ", ") + ", ") + organiser + " held " + day
        if let facilitators { sentence += ", run by " + facilitators }
      } else {
        sentence = day + " took place" + (date.map { " on " + $0 } ?? "") + (place.map { " in " + $0 } ?? "")
        if let facilitators { sentence += typography.semicolon + "it was run by " + facilitators }
      }
    }
    let objectives = listItems(event.objectives.map(md))
    let programme = event.programme.enumerated().map { index, part in
      let last = index == event.programme.count - 1
      return ProgrammeContext(
        title: md(part.title),
        summary: part.summary.map {
          md($0) + (last ? "." : (isFrench ? typography.semicolon.dropLast() : ";"))
        })
    }
    return DayContext(
      paragraph: Prose.capitalised(sentence) + ".",
      objectivesIntro: objectives.isEmpty
        ? nil
        : word("Ses objectifs étaient de", "Its objectives were to") + typography.colon.trimmingSuffixSpace,
      objectives: objectives,
      programmeIntro: programme.isEmpty
        ? nil
        : word(
          "Le programme comportait \(numberWord(programme.count, feminine: false)) temps",
          "The programme had \(numberWord(programme.count, feminine: false)) part\(programme.count == 1 ? "" : "s")"
        )
          + typography.colon.trimmingSuffixSpace,
      programme: programme)
  }

  /// Items of a list that continues a sentence: `;` after each, `.` after the last.
  func listItems(_ items: [String]) -> [String] {
    items.enumerated().map { index, item in
      let end = index == items.count - 1 ? "." : (isFrench ? Typography.narrowNoBreakSpace + ";" : ";")
      return item + end
    }
  }

  /// `trois` / `three` for 1 to 10, digits beyond.
  func numberWord(_ n: Int, feminine: Bool) -> String {
    let french = [
      "zéro", feminine ? "une" : "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf",
      "dix",
    ]
    let english = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    guard (0...10).contains(n) else { return typography.integer(n) }
    return isFrench ? french[n] : english[n]
  }

  // MARK: Who answered

  /// How many answered, and who they are: each single question of the
  /// sections that describe who answered (the profile), counted with the
  /// values of fewer than k respondents pooled; where they come from.
  func attendanceContext() -> AttendanceContext? {
    let counts = results.counts
    guard counts.included > 0 || counts.registered != nil else { return nil }
    var sentences = [responseSentence()]
    if let partial = partialSentence() { sentences.append(partial) }
    var tables: [CaptionedTable] = []
    for summary in results.questions
    where profileSectionIDs.contains(summary.sectionID) && summary.item == nil
      && (summary.type == "single" || summary.type == "boolean")
    {
      if let table = profileTable(summary) { tables.append(table) }
    }
    return AttendanceContext(sentences: sentences, tables: tables, territory: territorySentence())
  }

  /// “Sur les 15 personnes inscrites, 14 ont répondu au questionnaire (93 %).”
  func responseSentence() -> String {
    let counts = results.counts
    let responses = counts.complete
    guard let registered = counts.registered else {
      return word(
        "Le questionnaire a reçu \(prose.counted(responses, "réponse complète", "réponses complètes", "", "")).",
        "The questionnaire received \(prose.counted(responses, "", "", "complete response", "complete responses"))."
      )
    }
    let percent = typography.integer(Rounding.percent(responses, of: registered)) + typography.percentSign
    let people = prose.people(registered)
    if isFrench {
      switch responses {
      case 0: return "Aucune des \(people) inscrites n’a répondu au questionnaire."
      case registered where registered == 1: return "La seule personne inscrite a répondu au questionnaire."
      case registered: return "Les \(people) inscrites ont toutes répondu au questionnaire."
      case let r where r > registered:
        return
          "Le questionnaire a reçu \(typography.integer(r)) réponses pour \(people) inscrite\(registered > 1 ? "s" : "")."
      case 1: return "Sur les \(people) inscrites, une seule a répondu au questionnaire (\(percent))."
      default:
        return
          "Sur les \(people) inscrites, \(typography.integer(responses)) ont répondu au questionnaire (\(percent))."
      }
    }
    switch responses {
    case 0: return "None of the \(people) registered answered the questionnaire."
    case registered where registered == 1: return "The only person registered answered the questionnaire."
    case registered: return "All \(people) registered answered the questionnaire."
    case let r where r > registered:
      return "The questionnaire received \(typography.integer(r)) responses for \(people) registered."
    case 1: return "Of the \(people) registered, only one answered the questionnaire (\(percent))."
    default:
      return
        "Of the \(people) registered, \(typography.integer(responses)) answered the questionnaire (\(percent))."
    }
  }

  /// The questionnaires begun but not finished, and whether they count.
  func partialSentence() -> String? {
    let partial = results.counts.partial
    guard partial > 0 else { return nil }
    if results.counts.includesPartial {
      return word(
        "\(partial == 1 ? "Le questionnaire commencé mais non terminé est compté" : "Les \(typography.integer(partial)) questionnaires commencés mais non terminés sont comptés"), question par question.",
        "\(partial == 1 ? "The questionnaire begun but not finished is counted" : "The \(typography.integer(partial)) questionnaires begun but not finished are counted"), question by question."
      )
    }
    let count = Prose.capitalised(numberWord(partial, feminine: false))
    if isFrench {
      return partial == 1
        ? "Un questionnaire a été commencé sans être terminé" + typography.colon + "il n’est pas compté."
        : (partial <= 10 ? count : "Au total, \(typography.integer(partial))")
          + " questionnaires ont été commencés sans être terminés" + typography.colon
          + "ils ne sont pas comptés."
    }
    return partial == 1
      ? "One questionnaire was begun but not finished: it is not counted."
      : (partial <= 10 ? count : "In all, \(typography.integer(partial))")
        + " questionnaires were begun but not finished: they are not counted."
  }

  /// One profile question counted, the values of fewer than k respondents
  /// (and those who did not answer) pooled so that none can be worked out.
  func profileTable(_ summary: QuestionSummary) -> CaptionedTable? {
    let k = results.minGroupSize
    let entries = summary.distribution
    guard !entries.isEmpty, summary.answered > 0 else { return nil }
    let decisions = CellSuppression.decide(
      groupCounts: entries.map(\.count), overall: summary.answered + summary.missing + summary.notApplicable,
      minimum: k)
    var rows: [RowContext] = []
    var pooled = summary.missing + summary.notApplicable
    var pooledLabels: [String] = []
    for (entry, decision) in zip(entries, decisions) where entry.count > 0 {
      if decision == nil {
        rows.append(RowContext(cells: [md(entry.label), typography.integer(entry.count)]))
      } else {
        pooled += entry.count
        pooledLabels.append(md(entry.label))
      }
    }
    var note: String?
    if pooled > 0 {
      let label =
        pooledLabels.isEmpty
        ? word("Sans réponse", "No answer")
        : word("Autres réponses", "Other answers")
          + (summary.missing > 0 ? word(" ou sans réponse", " or no answer") : "")
      rows.append(
        RowContext(cells: [
          label, pooled < k ? word("moins de \(k)", "fewer than \(k)") : typography.integer(pooled),
        ]))
      if !pooledLabels.isEmpty {
        note =
          word(
            "Regroupées pour qu’aucun groupe de moins de \(k) personnes n’apparaisse" + typography.colon,
            "Pooled so that no group of fewer than \(k) people shows" + typography.colon)
          + prose.list(pooledLabels.map(typography.quoted)) + "."
      }
    }
    guard !rows.isEmpty else { return nil }
    return CaptionedTable(
      caption: md(summary.label),
      table: TableContext(
        header: [word("Réponse", "Answer"), word("Répondants", "Respondents")], rows: rows),
      note: note)
  }

  /// Where respondents come from (`synthesis: territory`): how many places,
  /// and those named by at least k respondents, the others never named.
  func territorySentence() -> String? {
    guard let id = survey.synthesis?.territory else { return nil }
    let k = results.minGroupSize
    var names: [(key: String, label: String, count: Int)] = []
    if let summary = results.freeText.first(where: { $0.key == id && !$0.isOther }) {
      var index: [String: Int] = [:]
      for answer in summary.answers {
        let key = Self.placeKey(answer.text)
        guard !key.isEmpty else { continue }
        if let position = index[key] {
          names[position].count += 1
        } else {
          index[key] = names.count
          names.append((key, answer.text, 1))
        }
      }
    } else if let summary = results.question(id) {
      names = summary.distribution.filter { $0.count > 0 }.map { ($0.value, $0.label, $0.count) }
    }
    guard !names.isEmpty else { return nil }
    let answered = names.reduce(0) { $0 + $1.count }
    let decisions = CellSuppression.decide(groupCounts: names.map(\.count), overall: answered, minimum: k)
    let shown = zip(names, decisions).filter { $1 == nil }.map(\.0).sorted { $0.count > $1.count }
    let places = prose.counted(
      names.count, "territoire différent", "territoires différents", "area", "different areas")
    var text = word("Les répondants viennent de ", "Respondents come from ") + places
    if names.count == 1 {
      text = word(
        "Les répondants viennent tous du même territoire", "Respondents all come from the same area")
    } else if shown.isEmpty {
      text += word(
        ", aucun n’en réunissant \(k) ou plus" + typography.colon + "ils ne sont pas nommés",
        ", none with \(k) respondents or more: they are not named")
    } else {
      let listed = shown.map {
        md(MarkdownText.collapseWhitespace($0.label)) + " (" + typography.integer($0.count) + ")"
      }
      text +=
        typography.semicolon
        + word(
          "\(shown.count == 1 ? "celui qui réunit" : "ceux qui réunissent") au moins \(k) répondants"
            + typography.colon,
          "\(shown.count == 1 ? "the one with" : "those with") at least \(k) respondents" + typography.colon)
        + prose.list(listed)
    }
    return text + "."
  }

  /// A place name compared without case, accents or extra spaces.
  static func placeKey(_ text: String) -> String {
    MarkdownText.collapseWhitespace(text).folding(
      options: [.caseInsensitive, .diacriticInsensitive], locale: nil
    )
    .trimmingCharacters(in: .punctuationCharacters.union(.whitespaces))
  }
}

extension String {
  /// `text :` → `text :` without the space a colon leaves before what follows.
  var trimmingSuffixSpace: String { hasSuffix(" ") ? String(dropLast()) : self }
}
