import Foundation

/// A follow-up survey (`follows: SURVEY_ID`) against the survey it follows:
/// where that survey's definition is, and whether what the follow-up reads
/// of it (`among:` of its indicators) exists there.
public enum FollowUpCheck {
  /// The file defining survey `id`: the first of `candidates` whose top-level
  /// `id:` is `id`, else the first `.yaml`/`.yml` file (in name order) in the
  /// folder of `path`, the follow-up's own file, that is.
  public static func locate(_ id: String, candidates: [String] = [], beside path: String) -> String? {
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
    let own = URL(fileURLWithPath: path).standardizedFileURL.path
    let siblings =
      ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
      .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
      .map { folder.appendingPathComponent($0).path }
    for candidate in candidates + siblings
    where URL(fileURLWithPath: candidate).standardizedFileURL.path != own && declaredID(candidate) == id {
      return candidate
    }
    return nil
  }

  /// The top-level `id:` of a survey file, read from its text without loading it.
  static func declaredID(_ path: String) -> String? {
    guard let data = try? SurveyLinter.read(path: path) else { return nil }
    for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
    where line.hasPrefix("id:") {
      var value = line.dropFirst(3).trimmingCharacters(in: .whitespaces)
      if let comment = value.range(of: " #") { value = String(value[..<comment.lowerBound]) }
      return value.trimmingCharacters(in: CharacterSet(charactersIn: "\"' "))
    }
    return nil
  }

  /// The followed survey of `survey`, loaded from `locate`'s file, or `nil`
  /// when `survey` follows none. Throws `.invalid` with an error at
  /// `follows:` when no file defines it or it does not load, and with the
  /// problems `check` finds.
  public static func followed(
    by survey: Survey, candidates: [String] = []
  ) throws(SurveyLoadError) -> Survey? {
    guard let follows = survey.follows else { return nil }
    guard let path = locate(follows.id, candidates: candidates, beside: survey.sourcePath) else {
      let folder = URL(fileURLWithPath: survey.sourcePath).deletingLastPathComponent().relativePath
      throw .invalid([
        Diagnostic(
          .error, at: follows.location,
          "unknown survey '\(follows.id)' in 'follows': no survey file with this id beside this one (in \(folder)/)"
            + (candidates.isEmpty ? "" : " or among the files given"))
      ])
    }
    let original: Survey
    do {
      original = try Survey.load(path: path)
    } catch {
      throw .invalid([
        Diagnostic(
          .error, at: follows.location,
          "the survey '\(follows.id)' it follows (\(path)) has errors: `bilan lint \(path)` lists them")
      ])
    }
    let problems = check(survey, original: original)
    if problems.contains(where: \.isError) { throw .invalid(problems) }
    return original
  }

  /// What lint says of follow-up `survey` given the definition it follows.
  public static func check(_ survey: Survey, original: Survey) -> [Diagnostic] {
    guard let follows = survey.follows else { return [] }
    var problems: [Diagnostic] = []
    if let further = original.follows {
      problems.append(
        Diagnostic(
          .error, at: follows.location,
          "'\(original.id)' is itself a follow-up (of '\(further.id)'); 'follows' names the survey of the event, "
            + "'\(further.id)'"))
    }
    for indicator in survey.indicators {
      guard let among = indicator.among else { continue }
      problems += checkAmong(among, of: indicator, in: survey, original: original)
    }
    return problems.sortedByPosition()
  }

  private static func checkAmong(
    _ among: OriginalAnswers, of indicator: Indicator, in survey: Survey, original: Survey
  ) -> [Diagnostic] {
    let context = "'among' of indicator '\(indicator.id)'"
    func error(_ message: String, at location: SourceLocation? = nil) -> Diagnostic {
      Diagnostic(.error, at: location ?? among.location, message)
    }
    let parts = among.question.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    guard let (question, section) = original.question(parts[0]) else {
      let ids = original.allQuestions.map(\.question.id)
      return [
        error(
          "unknown question '\(parts[0])' of survey '\(original.id)' in \(context)"
            + EditDistance.hint(for: parts[0], among: ids))
      ]
    }
    switch question.kind {
    case .single, .multiple, .boolean: break
    default:
      return [
        error(
          "question '\(question.id)' of survey '\(original.id)' in \(context) is a \(question.kind.typeName) "
            + "question; 'among' selects respondents by a single, multiple or yes/no answer")
      ]
    }
    var problems: [Diagnostic] = []
    if let loop = section.forEach {
      let codes = section.items.map(\.code)
      if parts.count == 2 {
        if !codes.contains(parts[1]) {
          problems.append(
            error(
              "unknown answer key '\(among.question)' of survey '\(original.id)' in \(context)"
                + EditDistance.hint(for: among.question, among: codes.map { "\(question.id).\($0)" })))
        }
      } else if parts.count > 2 {
        problems.append(
          error("unknown answer key '\(among.question)' of survey '\(original.id)' in \(context)"))
      } else {
        // Per item: the follow-up's question is asked for the same items.
        let own = indicator.question.flatMap { survey.question(String($0.split(separator: ".")[0])) }
        let ownItems = own?.section.forEach == nil ? nil : own?.section.items.map(\.code)
        let fixed = indicator.question.map { $0.split(separator: ".").count > 1 } ?? false
        if let ownItems, !fixed {
          let missing = ownItems.filter { !codes.contains($0) }
          if !missing.isEmpty {
            problems.append(
              error(
                "\(context): item\(missing.count == 1 ? "" : "s") \(missing.map { "'\($0)'" }.joined(separator: ", ")) "
                  + "of this survey \(missing.count == 1 ? "is" : "are") not among the items of '\(loop)' in survey "
                  + "'\(original.id)' (\(codes.joined(separator: ", "))); the follow-up's items keep the codes of the survey it follows"
              ))
          }
        } else {
          problems.append(
            error(
              "'\(question.id)' is asked once per item of '\(loop)' in survey '\(original.id)', but the question "
                + "of indicator '\(indicator.id)' is not; name one item, as in '\(question.id).\(codes.first ?? "item")'"
            ))
        }
      }
    } else if parts.count > 1 {
      problems.append(
        error("unknown answer key '\(among.question)' of survey '\(original.id)' in \(context)"))
    }
    let codes = (question.kind.choices ?? []).map(\.code) + (question.kind.hasOther ? ["other"] : [])
    for (index, value) in among.values.enumerated() {
      let location = among.valueLocations.indices.contains(index) ? among.valueLocations[index] : nil
      if case .boolean = question.kind {
        if case .boolean = value { continue }
        problems.append(
          error(
            "'values' of \(context) must be true or false for the yes/no question '\(question.id)'",
            at: location))
        continue
      }
      guard case .code(let code) = value, codes.contains(code) else {
        let text: String
        if case .boolean(let flag) = value { text = "\(flag)" } else { text = value.stringValue ?? "" }
        let hint = EditDistance.hint(for: text, among: codes)
        problems.append(
          error(
            "'\(text)' in 'values' of \(context) is not a code of question '\(question.id)' of survey "
              + "'\(original.id)'" + (hint.isEmpty ? " (its codes: \(codes.joined(separator: ", ")))" : hint),
            at: location))
        continue
      }
    }
    return problems
  }
}
