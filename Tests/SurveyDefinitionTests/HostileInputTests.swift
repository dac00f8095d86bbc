import Foundation
import SurveyDefinition
import Testing

/// Inputs built to exhaust the stack or the memory: refused with a clear
/// message, never a crash. The fuzzers (Tests/Fuzz) run the same kind of
/// input at random; what they found is pinned here.
@Suite struct HostileConditionTests {
  static let limit = 100

  @Test func parenthesesHundredThousandDeepAreRefused() {
    let text = String(repeating: "(", count: 100_000) + "a" + String(repeating: ")", count: 100_000)
    #expect(throws: ConditionSyntaxError.tooDeep(limit: Self.limit, offset: Self.limit)) {
      try Condition.parse(text)
    }
  }

  @Test func notHundredThousandTimesIsRefused() {
    let text = String(repeating: "not ", count: 100_000) + "a"
    #expect(throws: ConditionSyntaxError.tooDeep(limit: Self.limit, offset: 4 * Self.limit)) {
      try Condition.parse(text)
    }
  }

  @Test func aChainOfHundredThousandAndIsRefused() {
    // `a and a and …` is a left-deep tree: each `and` is one level more.
    let text = Array(repeating: "a", count: 100_000).joined(separator: " and ")
    let error = #expect(throws: ConditionSyntaxError.self) { try Condition.parse(text) }
    #expect(error?.message.contains("nested more than 100 levels deep") == true)
    // `a` alone is two levels (a value, as a condition); the 99th `and` makes 101.
    #expect(error?.offset == 99 * 6 - 4)
  }

  @Test func nestedGroupsWithChainsAreMeasuredAsTheirTree() throws {
    // Each `(… or x) == true` adds three levels (comparison, group, `or`)
    // with one pair of parentheses: 40 of them are 120 levels.
    let deep = (0..<40).reduce("a") { inner, _ in "(\(inner) or x) == true" }
    #expect(throws: ConditionSyntaxError.self) { try Condition.parse(deep) }
    let shallow = (0..<20).reduce("a") { inner, _ in "(\(inner) or x) == true" }
    let printed = try Condition.parse(shallow).description
    #expect(printed == shallow)
    #expect(try Condition.parse(printed).description == printed)
  }

  @Test func conditionsUpToTheLimitStillParse() throws {
    let parentheses = String(repeating: "(", count: 99) + "a" + String(repeating: ")", count: 99)
    #expect(try Condition.parse(parentheses) == .value(.reference("a", SourceRange(offset: 99, length: 1))))
    let chain = Array(repeating: "a == 1", count: 98).joined(separator: " or ")
    #expect(try Condition.parse(chain).description == chain)
    let nots = String(repeating: "not ", count: 98) + "a"
    #expect(try Condition.parse(nots).description == nots)
  }

  @Test func aSurveyWithADeepConditionGetsADiagnosticAtTheCondition() {
    let when = String(repeating: "(", count: 50_000) + "role" + String(repeating: ")", count: 50_000)
    let yaml = """
      id: deep
      version: 1
      title: {fr: Profond}
      languages: [fr]
      sections:
        - id: s
          title: {fr: S}
          questions:
            - {id: role, type: boolean, label: {fr: Rôle}}
            - {id: suite, type: text, label: {fr: Suite}, when: "\(when)"}

      """
    let diagnostics = SurveyLinter.lint(yaml: yaml, file: "deep.yaml")
    let error = diagnostics.first { $0.isError }
    #expect(error?.location.line == 10)
    #expect(error?.message.contains("nested more than 100 levels deep") == true)
    #expect(throws: SurveyLoadError.self) { try Survey.load(yaml: yaml, file: "deep.yaml") }
  }

  /// Found by FuzzCondition: `55555555555555555555` printed as `5.555555555555556e+19`,
  /// which the condition language cannot read back.
  @Test(arguments: [
    ("x == 55555555555555555555", "x == 55555555555555560000"),
    ("x > 1000000000000000", "x > 1000000000000000"),
    ("x < 0.0000001", "x < 0.0000001"),
    ("x != -123456789012345678901.5", "x != -123456789012345680000"),
    ("x >= 0.000000000000000000012345", "x >= 0.000000000000000000012345"),
  ])
  func largeAndSmallNumbersPrintWithoutAnExponent(text: String, printed: String) throws {
    let condition = try Condition.parse(text)
    #expect(condition.description == printed)
    let reparsed = try Condition.parse(printed)
    guard case .comparison(_, _, .number(let original)) = condition,
      case .comparison(_, _, .number(let again)) = reparsed
    else {
      Issue.record("\(text) is not a comparison with a number")
      return
    }
    #expect(again == original)
  }

  @Test func aNumberTooLargeForADoubleIsRefused() {
    let digits = String(repeating: "9", count: 400)
    let error = #expect(throws: ConditionSyntaxError.numberTooLarge(digits, offset: 5)) {
      try Condition.parse("x == \(digits)")
    }
    #expect(error?.message == "the number 99999999999999999999… is too large")
  }
}

/// YAML built to exhaust the stack, the memory or the time of the loader.
@Suite struct HostileYAMLTests {
  func errors(_ yaml: String) -> [Diagnostic] {
    SurveyLinter.lint(data: Data(yaml.utf8), file: "hostile.yaml").filter(\.isError)
  }

  @Test func flowCollectionsHundredThousandDeepAreRefused() {
    let yaml =
      "id: x\nsections: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    let errors = errors(yaml)
    #expect(errors.map(\.message) == ["the YAML is nested more than 64 levels deep"])
    #expect(errors.first?.location.line == 2)
  }

  @Test func blockSequencesHundredThousandDeepAreRefused() {
    let yaml = "id: x\nsections:\n" + String(repeating: "- ", count: 100_000) + "x\n"
    #expect(errors(yaml).map(\.message) == ["the YAML is nested more than 64 levels deep"])
  }

  /// Nine anchors of nine aliases each: 9⁹ (387 million) values once expanded.
  static let bombLevels = (1...9).map { level in
    let value = level == 1 ? "\"lol\"" : "*l\(level - 1)"
    return "l\(level): &l\(level) [" + Array(repeating: value, count: 9).joined(separator: ", ") + "]"
  }

  @Test func anAliasBombIsRefused() throws {
    let yaml = (Self.bombLevels + ["id: *l9"]).joined(separator: "\n") + "\n"
    let clock = ContinuousClock()
    var errors: [Diagnostic] = []
    let elapsed = clock.measure { errors = self.errors(yaml) }
    #expect(
      errors.map(\.message) == [
        "the YAML expands to more than 600000 values once its aliases are repeated (anchors and aliases nested too often)"
      ])
    #expect(elapsed < .seconds(5))
  }

  /// Found reading Yams for the fuzzer: to find duplicate keys Yams hashes
  /// every mapping key, walking an alias key's whole expansion (387 million
  /// values here) before the loader's own count could refuse it.
  @Test func anAliasBombUsedAsAKeyIsRefusedQuickly() throws {
    let yaml = (Self.bombLevels + ["? *l9", ": 1"]).joined(separator: "\n") + "\n"
    let clock = ContinuousClock()
    var errors: [Diagnostic] = []
    let elapsed = clock.measure { errors = self.errors(yaml) }
    #expect(errors.count == 1)
    #expect(errors.first?.message.hasPrefix("the YAML expands to more than 600000 values") == true)
    #expect(elapsed < .seconds(5))
  }

  @Test func aRecursiveAliasIsAnError() {
    let errors = errors("id: &a [*a]\n")
    #expect(errors.count == 1)
    #expect(errors.first?.message.contains("undefined alias") == true)
  }

  @Test func bytesThatAreNotUTF8AreRefusedWithTheirPlace() {
    var data = Data("id: x\ntitle: {fr: \"R".utf8)
    data.append(0xE9)  // é in Latin-1
    data.append(contentsOf: Data("union\"}\n".utf8))
    let errors = SurveyLinter.lint(data: data, file: "latin1.yaml").filter(\.isError)
    #expect(
      errors.map(\.description) == [
        "latin1.yaml:2:15: error: the file is not valid UTF-8 (byte 0xE9); save it as UTF-8"
      ])
  }
}
