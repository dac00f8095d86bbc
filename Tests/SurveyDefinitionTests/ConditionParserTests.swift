import SurveyDefinition
import Testing

@Suite struct ConditionParserTests {
  private func reference(_ name: String, _ offset: Int) -> ConditionOperand {
    .reference(name, SourceRange(offset: offset, length: name.unicodeScalars.count))
  }

  @Test func everyComparisonOperator() throws {
    for comparison in ComparisonOperator.allCases {
      let parsed = try Condition.parse("note \(comparison.rawValue) 3")
      #expect(parsed == .comparison(reference("note", 0), comparison, .number(3)))
    }
  }

  @Test func stringsNumbersAndBooleans() throws {
    #expect(
      try Condition.parse("role != 'autre'") == .comparison(reference("role", 0), .notEqual, .string("autre"))
    )
    #expect(try Condition.parse("x == \"a b\"") == .comparison(reference("x", 0), .equal, .string("a b")))
    #expect(try Condition.parse("x == 'l\\'été'") == .comparison(reference("x", 0), .equal, .string("l'été")))
    #expect(try Condition.parse("x >= 2.5") == .comparison(reference("x", 0), .greaterOrEqual, .number(2.5)))
    #expect(try Condition.parse("x > -1") == .comparison(reference("x", 0), .greater, .number(-1)))
    #expect(
      try Condition.parse("suivi == true") == .comparison(reference("suivi", 0), .equal, .boolean(true)))
    #expect(try Condition.parse("false") == .value(.boolean(false)))
  }

  @Test func loneValueAndAnswered() throws {
    #expect(try Condition.parse("suivi") == .value(reference("suivi", 0)))
    #expect(
      try Condition.parse("answered(email)")
        == .value(.answered("email", SourceRange(offset: 9, length: 5))))
    #expect(
      try Condition.parse("not answered( q )")
        == .not(.value(.answered("q", SourceRange(offset: 14, length: 1)))))
  }

  @Test func dottedIdentifiers() throws {
    #expect(
      try Condition.parse("objectifs.explorer >= 4")
        == .comparison(reference("objectifs.explorer", 0), .greaterOrEqual, .number(4)))
    #expect(
      try Condition.parse("valeur.plan_cooperation.r1 < 2")
        == .comparison(reference("valeur.plan_cooperation.r1", 0), .less, .number(2)))
  }

  @Test func membershipAndContains() throws {
    #expect(
      try Condition.parse("role in ['elu', 'agent']")
        == .membership(reference("role", 0), [.string("elu"), .string("agent")]))
    #expect(try Condition.parse("n in [1]") == .membership(reference("n", 0), [.number(1)]))
    #expect(
      try Condition.parse("limites contains 'cout'") == .contains(reference("limites", 0), .string("cout")))
  }

  @Test func precedenceOrBelowAndBelowNot() throws {
    let a = Condition.value(reference("a", 0))
    let b = Condition.value(reference("b", 6))
    let c = Condition.value(reference("c", 11))
    #expect(try Condition.parse("a and b or c") == .or(.and(a, b), c))
    #expect(
      try Condition.parse("a or b and c")
        == .or(.value(reference("a", 0)), .and(.value(reference("b", 5)), .value(reference("c", 11)))))
    #expect(
      try Condition.parse("not a and b") == .and(.not(.value(reference("a", 4))), .value(reference("b", 10))))
    #expect(
      try Condition.parse("not x == 1") == .not(.comparison(reference("x", 4), .equal, .number(1))))
    #expect(try Condition.parse("not not a") == .not(.not(.value(reference("a", 8)))))
  }

  @Test func leftAssociativity() throws {
    let parsed = try Condition.parse("a or b or c")
    #expect(
      parsed == .or(.or(.value(reference("a", 0)), .value(reference("b", 5))), .value(reference("c", 10))))
  }

  @Test func parenthesesGroup() throws {
    #expect(
      try Condition.parse("(a or b) and c")
        == .and(.or(.value(reference("a", 1)), .value(reference("b", 6))), .value(reference("c", 13))))
    #expect(try Condition.parse("((a))") == .value(reference("a", 2)))
    #expect(try Condition.parse("(x) == 1") == .comparison(reference("x", 1), .equal, .number(1)))
    #expect(
      try Condition.parse("(a == 1) == true")
        == .comparison(.group(.comparison(reference("a", 1), .equal, .number(1))), .equal, .boolean(true)))
  }

  @Test func descriptionRoundTrips() throws {
    for text in [
      "a == 1 or b != 'x' and not c", "(a or b) and c", "not (a and b)", "role in ['elu', 'agent']",
      "limites contains 'cout'", "answered(email) and n >= 2.5", "(a == 1) == true",
    ] {
      let parsed = try Condition.parse(text)
      #expect(try Condition.parse(parsed.description).description == parsed.description)
    }
    #expect(try Condition.parse("(a or b) and c").description == "(a or b) and c")
    #expect(try Condition.parse("a or (b and c)").description == "a or b and c")
  }

  /// Found by the FuzzCondition fuzzer: a combining mark right after an
  /// escaped quote made one Character of both, and the quote was printed
  /// unescaped, so the printed condition did not parse.
  @Test func aQuoteFollowedByACombiningMarkStaysEscaped() throws {
    for text in ["x == 'm\\B<\\'\u{0356}n ['", "x == '\\\\\u{0301}'", "x in ['a\\'\u{0300}', 'b']"] {
      let parsed = try Condition.parse(text)
      let printed = parsed.description
      #expect(try Condition.parse(printed) == parsed, "\(printed)")
      #expect(try Condition.parse(printed).description == printed)
    }
  }

  @Test(arguments: [
    ("", ConditionSyntaxError.empty),
    ("   ", .empty),
    ("role = 'elu'", .unknownOperator("=", suggestion: "==", offset: 5)),
    ("a && b", .unknownOperator("&&", suggestion: "and", offset: 2)),
    ("a || b", .unknownOperator("||", suggestion: "or", offset: 2)),
    ("!a", .unknownOperator("!", suggestion: "not", offset: 0)),
    ("a <> 1", .unknownOperator("<>", suggestion: "!=", offset: 2)),
    ("role == 'elu", .unterminatedString(offset: 8)),
    ("a == 1 #", .unexpectedCharacter("#", offset: 7)),
    ("a ==", .unexpected(found: "the end of the condition", expected: "a value", offset: 4)),
    ("(a or b", .unexpected(found: "the end of the condition", expected: "')'", offset: 7)),
    ("a b", .unexpected(found: "'b'", expected: "'and', 'or' or the end of the condition", offset: 2)),
    (
      "a == 1 == 2",
      .unexpected(found: "'=='", expected: "'and', 'or' or the end of the condition", offset: 7)
    ),
    ("x in 'a'", .unexpected(found: "''a''", expected: "'[' after 'in'", offset: 5)),
    ("x in ['a' 'b']", .unexpected(found: "''b''", expected: "',' or ']'", offset: 10)),
    ("answered x", .unexpected(found: "'x'", expected: "'(' after 'answered'", offset: 9)),
    ("answered(1)", .unexpected(found: "'1'", expected: "a question id", offset: 9)),
    ("a and or b", .unexpected(found: "'or'", expected: "a value", offset: 6)),
    ("été == 1", .unexpectedCharacter("é", offset: 0)),
    ("x == 3a", .unexpectedCharacter("a", offset: 6)),
  ])
  func syntaxErrorsGiveTheirOffset(text: String, expected: ConditionSyntaxError) {
    #expect(throws: expected) { try Condition.parse(text) }
  }

  @Test func offsetsCountUnicodeScalars() throws {
    // "é" is one scalar: the column a YAML editor shows.
    #expect(throws: ConditionSyntaxError.unexpectedCharacter("#", offset: 11)) {
      try Condition.parse("x == 'été' #")
    }
  }
}
