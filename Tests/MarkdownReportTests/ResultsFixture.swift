import Aggregation
import Foundation
import SurveyDefinition
import TestSupport

/// A fixed, engine-shaped set of results for the reference survey: twelve
/// complete responses drawn from a seeded generator, summarised with simple
/// formulas. It exercises every part of the synthesis (scales, matrices, the
/// tools loop, a ranking, breakdowns with suppressed cells, verbatims with a
/// hostile one and one from a small group); the engine's own tests check the
/// statistics, these check how they are written.
enum ResultsFixture {
  static let surveyPath = Repository.path("Surveys/cooperation-pelussin-2015.yaml")

  static func survey() throws -> Survey { try Survey.load(path: surveyPath) }

  /// Twelve respondents' answers, deterministic.
  static func answers(_ survey: Survey) -> [Answers] {
    var generator = SeededGenerator(seed: 2015)
    var result: [Answers] = []
    let roles = [
      "elu", "agent", "agent", "elu", "societe_civile", "agent", "elu", "agent", "elu", "agent", "elu",
      "societe_civile",
    ]
    let structures = [
      "commune", "intercommunalite", "pnr", "intercommunalite", "association", "pays_petr", "commune", "pnr",
      "intercommunalite", "intercommunalite", "commune", "gal",
    ]
    for index in 0..<12 {
      var answers: Answers = ["role": .code(roles[index]), "structure": .code(structures[index])]
      for instance in survey.instances {
        let key = instance.key
        switch instance.question.kind {
        case .scale(let scale):
          // Skewed towards the top, as after a good day.
          let point = min(scale.max, scale.min + 1 + generator.next(3) + (generator.next(4) == 0 ? 0 : 1))
          answers[key] = .integer(point)
        case .matrix(let rows, let scale):
          for row in rows {
            answers["\(key).\(row.code)"] = .integer(min(scale.max, scale.min + 1 + generator.next(4)))
          }
        case .nps:
          answers[key] = .integer(min(10, 5 + generator.next(6)))
        case .single(let choices, _)
        where instance.question.id != "role" && instance.question.id != "structure":
          answers[key] = .code(choices[generator.next(choices.count)].code)
        case .multiple(let choices, _, _, _, let exclusive):
          let pool = choices.filter { !exclusive.contains($0.code) }
          let picked = pool.filter { _ in generator.next(3) == 0 }
          answers[key] = .codes((picked.isEmpty ? [pool[generator.next(pool.count)]] : picked).map(\.code))
        case .ranking(let choices, let pick):
          var pool = choices.map(\.code)
          var ranked: [String] = []
          for _ in 0..<pick { ranked.append(pool.remove(at: min(generator.next(3), pool.count - 1))) }
          answers[key] = .codes(ranked)
        case .boolean:
          answers[key] = .boolean(generator.next(3) != 0)
        default:
          break
        }
      }
      result.append(answers)
    }
    return result
  }

  static let verbatims: [(key: String, text: String, role: String)] = [
    (
      "commentaires", "Une journée très riche, merci ! Les échanges entre territoires étaient précieux.",
      "agent"
    ),
    ("commentaires", "| <script> [x](y) # =1+1", "elu"),
    ("commentaires", "Contactez-moi au [masqué] pour la suite.", "agent"),
    // Not masked, as if the engine had missed them: the synthesis masks again.
    ("commentaires", "Écrivez à claire.dupont@exemple.fr ou au 06 12 34 56 78.", "elu"),
    ("commentaires", "Trop court sur la convention de partenariat.", "societe_civile"),
    ("premiere_action", "Présenter le plan de coopération au prochain bureau communautaire.", "elu"),
    ("premiere_action", "# Réunir les partenaires du GAL *avant* l’été", "agent"),
  ]

  /// The results, labels in `language`.
  static func results(_ survey: Survey, language: String) -> SurveyResults {
    let all = answers(survey)
    func label(_ text: LocalizedText) -> String { text.text(language) }
    var questions: [QuestionSummary] = []
    for instance in survey.instances {
      let key = instance.key
      let values = all.compactMap { $0[key] }
      var summary = QuestionSummary(
        key: key, questionID: instance.question.id, type: instance.question.kind.typeName,
        label: label(instance.label), sectionID: instance.section.id,
        sectionTitle: label(instance.sectionTitle),
        item: instance.item.map { CodeLabel(code: $0.code, label: label($0.label)) }, answered: values.count,
        notApplicable: 0, missing: all.count - values.count, distribution: [], sharesMaySumOver100: false,
        statistics: nil, nps: nil, ranking: nil, matrix: nil)
      switch instance.question.kind {
      case .scale(let scale):
        let points = values.compactMap { $0.numericValue }
        summary.distribution = distribution(
          points.map { String(Int($0)) },
          codes: scale.points.map { (String($0), scale.labels[$0].map(label) ?? "\($0)") })
        summary.statistics = statistics(points, scale: scale)
      case .matrix(let rows, let scale):
        summary.type = "matrix"
        summary.answered = all.count
        summary.matrix = MatrixSummary(
          rows: rows.map { row in
            let points = all.compactMap { $0["\(key).\(row.code)"]?.numericValue }
            return MatrixRowSummary(
              row: CodeLabel(code: row.code, label: label(row.label)), key: "\(key).\(row.code)",
              answered: points.count, notApplicable: 0, missing: all.count - points.count,
              distribution: distribution(
                points.map { String(Int($0)) },
                codes: scale.points.map { (String($0), scale.labels[$0].map(label) ?? "\($0)") }),
              statistics: statistics(points, scale: scale))
          }, completeRows: all.count, cronbachAlpha: 0.81)
      case .single(let choices, _):
        summary.distribution = distribution(
          values.compactMap(\.stringValue), codes: choices.map { ($0.code, label($0.label)) })
      case .boolean:
        summary.distribution = distribution(
          values.map { $0 == .boolean(true) ? "true" : "false" },
          codes: [("true", language == "fr" ? "Oui" : "Yes"), ("false", language == "fr" ? "Non" : "No")])
      case .multiple(let choices, _, _, _, _):
        summary.sharesMaySumOver100 = true
        summary.distribution = choices.map { choice in
          let count = values.filter {
            if case .codes(let codes) = $0 { codes.contains(choice.code) } else { false }
          }.count
          let share = Double(count) / Double(max(1, values.count))
          return DistributionEntry(
            value: choice.code, label: label(choice.label), count: count, share: share,
            percent: Int((share * 100).rounded()))
        }
      case .ranking(let choices, let pick):
        let entries = choices.map { choice -> (CodeLabel, Double, [Int]) in
          var rankCounts = Array(repeating: 0, count: pick)
          var points = 0
          for value in values {
            guard case .codes(let codes) = value, let position = codes.firstIndex(of: choice.code) else {
              continue
            }
            rankCounts[position] += 1
            points += pick - position
          }
          return (
            CodeLabel(code: choice.code, label: label(choice.label)), Double(points) / Double(values.count),
            rankCounts
          )
        }
        summary.ranking = RankingSummary(
          pick: pick, respondents: values.count,
          choices: entries.map { entry in
            RankingEntry(
              choice: entry.0, borda: entry.1, firstCount: entry.2[0],
              firstShare: Double(entry.2[0]) / Double(values.count),
              rankCounts: entry.2, rank: 1 + entries.filter { $0.1 > entry.1 }.count)
          })
      case .nps:
        let scores = values.compactMap(\.numericValue)
        let promoters = scores.filter { $0 >= 9 }.count
        let detractors = scores.filter { $0 <= 6 }.count
        let n = Double(scores.count)
        let p = Double(promoters) / n
        let d = Double(detractors) / n
        let se = 100 * ((p + d - (p - d) * (p - d)) / n).squareRoot()
        let score = 100 * (p - d)
        summary.nps = NPSSummary(
          n: scores.count, promoters: promoters, passives: scores.count - promoters - detractors,
          detractors: detractors, score: score, standardError: se, ciLow: max(-100, score - 1.96 * se),
          ciHigh: min(100, score + 1.96 * se))
        summary.distribution = distribution(
          scores.map { String(Int($0)) }, codes: (0...10).map { ("\($0)", "\($0)") })
      case .text, .longText:
        summary.answered = verbatims.filter { $0.key == key }.count
      case .email:
        continue
      default:
        break
      }
      questions.append(summary)
    }

    let roles = survey.question("role")!.question.kind.choices!
    let structures = survey.question("structure")!.question.kind.choices!
    let breakdowns = [("role", roles), ("structure", structures)].map { id, choices in
      BreakdownSummary(
        question: id, label: label(survey.question(id)!.question.label),
        groups: choices.map { choice in
          let count = all.filter { $0[id] == .code(choice.code) }.count
          return GroupSize(
            group: GroupRef(question: id, code: choice.code, label: label(choice.label)), count: count,
            belowMinimum: count > 0 && count < 3)
        }, unanswered: 0)
    }

    var indicators: [IndicatorResult] = []
    for indicator in survey.indicators {
      indicators.append(
        indicatorResult(indicator, survey: survey, answers: all, breakdowns: breakdowns, language: language))
    }

    let freeText = Dictionary(grouping: verbatims, by: \.key).sorted { $0.key < $1.key }.map { key, entries in
      FreeTextSummary(
        key: key, questionID: key, label: label(survey.question(key)!.question.label), item: nil,
        isOther: false,
        answers: entries.map { entry in
          FreeTextAnswer(
            text: entry.text, groups: ["role": entry.role], fromSmallGroup: entry.role == "societe_civile")
        }, wordFrequencies: [])
    }

    let event = survey.event!
    return SurveyResults(
      survey: SurveyIdentity(
        id: survey.id, version: survey.version, title: label(survey.title), languages: survey.languages,
        language: language,
        event: EventSummary(
          name: event.name.map(label), date: event.date, place: event.place, organiser: event.organiser,
          registered: event.registered)),
      counts: ResponseCounts(
        complete: 12, partial: 1, includesPartial: false, included: 12, registered: 15, responseRate: 0.8),
      lastResponseDate: ISO8601DateFormatter().date(from: "2015-03-05T17:12:00Z"), minGroupSize: 3,
      indicators: indicators, questions: questions,
      items: survey.sections.filter { $0.forEach != nil }.map { section in
        ItemSection(
          sectionID: section.id, title: label(section.title), itemList: section.forEach!,
          items: section.items.map { CodeLabel(code: $0.code, label: label($0.label)) },
          indicators: survey.indicators.filter { indicator in
            indicator.question.map { q in section.questions.contains { $0.id == q } } ?? false
          }.map(\.id))
      },
      breakdowns: breakdowns, freeText: freeText, schemaWarnings: [])
  }

  // MARK: Simple statistics

  static func distribution(_ values: [String], codes: [(String, String)]) -> [DistributionEntry] {
    let total = Double(max(1, values.count))
    let shares = codes.map { code in Double(values.filter { $0 == code.0 }.count) / total }
    // Largest remainder, so the percentages add up to 100.
    var percents = shares.map { Int(($0 * 100).rounded(.down)) }
    let order = shares.indices.sorted {
      (shares[$0] * 100).truncatingRemainder(dividingBy: 1)
        > (shares[$1] * 100).truncatingRemainder(dividingBy: 1)
    }
    var missing = values.isEmpty ? 0 : 100 - percents.reduce(0, +)
    for index in order where missing > 0 {
      percents[index] += 1
      missing -= 1
    }
    return codes.enumerated().map { index, code in
      DistributionEntry(
        value: code.0, label: code.1, count: values.filter { $0 == code.0 }.count, share: shares[index],
        percent: percents[index])
    }
  }

  /// 97.5 % quantiles of Student's t for 1…30 degrees of freedom (scipy.stats.t.ppf(0.975, df)).
  static let tQuantiles = [
    12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004, 2.262157, 2.228139,
    2.200985, 2.178813, 2.160369, 2.144787, 2.131450, 2.119905, 2.109816, 2.100922, 2.093024, 2.085963,
    2.079614, 2.073873, 2.068658, 2.063899, 2.059539, 2.055529, 2.051831, 2.048407, 2.045230, 2.042272,
  ]

  static func meanInterval(_ values: [Double]) -> (Double, Double?, Double?) {
    let n = Double(values.count)
    let mean = values.reduce(0, +) / n
    guard values.count >= 2 else { return (mean, nil, nil) }
    let sd = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (n - 1)).squareRoot()
    let half = tQuantiles[min(values.count - 2, 29)] * sd / n.squareRoot()
    return (mean, mean - half, mean + half)
  }

  static func wilson(_ count: Int, _ n: Int) -> (Double, Double) {
    let z = 1.959964
    let p = Double(count) / Double(n)
    let nn = Double(n)
    let centre = (p + z * z / (2 * nn)) / (1 + z * z / nn)
    let half = z / (1 + z * z / nn) * (p * (1 - p) / nn + z * z / (4 * nn * nn)).squareRoot()
    return (max(0, centre - half), min(1, centre + half))
  }

  static func statistics(_ points: [Double], scale: Scale) -> ScaleStatistics {
    let (mean, low, high) = meanInterval(points)
    let sorted = points.sorted()
    let median =
      sorted.count % 2 == 1
      ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    let top = points.filter { scale.topPoints.contains(Int($0)) }.count
    let bottom = points.filter { scale.bottomPoints.contains(Int($0)) }.count
    let n = Double(points.count)
    return ScaleStatistics(
      n: points.count, mean: mean, median: median, standardDeviation: nil, ciLow: low, ciHigh: high,
      minimum: sorted.first, maximum: sorted.last, topBoxCount: top, topBox: Double(top) / n,
      bottomBoxCount: bottom,
      bottomBox: Double(bottom) / n, net: Double(top - bottom) / n)
  }

  /// One indicator, overall and per breakdown group, with suppression.
  static func indicatorResult(
    _ indicator: Indicator, survey: Survey, answers all: [Answers], breakdowns: [BreakdownSummary],
    language: String
  ) -> IndicatorResult {
    let loopItems: [Choice]? = indicator.question.flatMap { survey.question($0)?.section }.flatMap {
      $0.forEach == nil ? nil : $0.items
    }
    let unit: IndicatorUnit
    switch indicator.kind {
    case .mean: unit = .scaleUnits
    case .topBox, .share, .responseRate: unit = .proportion
    case .nps: unit = .points
    case .borda: unit = .bordaPoints
    case .index: unit = .index
    }
    /// Value, n, interval over a set of responses, for one item.
    func compute(_ responses: [Answers], item: Choice?) -> (Double, Int, Double?, Double?)? {
      let key = item.map { "\(indicator.question!).\($0.code)" } ?? indicator.question ?? ""
      switch indicator.kind {
      case .responseRate:
        return (Double(responses.count) / 15, responses.count, nil, nil)
      case .mean:
        let values = responses.compactMap { $0[key]?.numericValue }
        guard !values.isEmpty else { return nil }
        let (mean, low, high) = meanInterval(values)
        return (mean, values.count, low, high)
      case .topBox:
        let scale = survey.question(indicator.question!)!.question.kind.scale!
        let values = responses.compactMap { $0[key]?.numericValue }
        guard !values.isEmpty else { return nil }
        let count = values.filter { scale.topPoints.contains(Int($0)) }.count
        let (low, high) = wilson(count, values.count)
        return (Double(count) / Double(values.count), values.count, low, high)
      case .share:
        let values = responses.compactMap { $0[key] }
        guard !values.isEmpty else { return nil }
        let count = values.filter { indicator.values.contains($0) }.count
        let (low, high) = wilson(count, values.count)
        return (Double(count) / Double(values.count), values.count, low, high)
      case .nps:
        let scores = responses.compactMap { $0[key]?.numericValue }
        guard !scores.isEmpty else { return nil }
        let n = Double(scores.count)
        let p = Double(scores.filter { $0 >= 9 }.count) / n
        let d = Double(scores.filter { $0 <= 6 }.count) / n
        let se = 100 * ((p + d - (p - d) * (p - d)) / n).squareRoot()
        return (
          100 * (p - d), scores.count, max(-100, 100 * (p - d) - 1.96 * se),
          min(100, 100 * (p - d) + 1.96 * se)
        )
      case .index:
        let means = responses.compactMap { response -> Double? in
          let values = indicator.questions.compactMap { response[$0]?.numericValue }.map {
            ($0 - 1) / 4 * 100
          }
          return values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
        }
        guard !means.isEmpty else { return nil }
        let (mean, low, high) = meanInterval(means)
        return (mean, means.count, low, high)
      case .borda:
        return nil
      }
    }
    var rows: [IndicatorRow] = []
    if indicator.kind == .borda {
      let choices = survey.question(indicator.question!)!.question.kind.choices!
      let values = all.compactMap { $0[indicator.question!] }
      let scores = choices.map { choice in
        Double(
          values.map { value -> Int in
            guard case .codes(let codes) = value, let position = codes.firstIndex(of: choice.code) else {
              return 0
            }
            return 3 - position
          }.reduce(0, +)) / Double(values.count)
      }
      for (index, choice) in choices.enumerated() {
        rows.append(
          IndicatorRow(
            item: CodeLabel(code: choice.code, label: choice.label.text(language)), group: nil,
            n: values.count,
            value: scores[index], ciLow: nil, ciHigh: nil, met: nil,
            rank: 1 + scores.filter { $0 > scores[index] }.count,
            suppressed: false, suppression: nil))
      }
    } else {
      let items: [Choice?] = loopItems ?? [nil]
      func rowsFor(_ responses: [Answers], group: GroupRef?) -> [IndicatorRow] {
        let computed = items.map { compute(responses, item: $0) }
        return zip(items, computed).map { item, value in
          let verdict: TargetVerdict? = value.flatMap { v -> TargetVerdict? in
            guard let target = indicator.target else { return nil }
            let interval = v.2.flatMap { low in v.3.map { ConfidenceInterval(low: low, high: $0) } }
            return TargetVerdict.decide(
              target: target, value: v.0, interval: interval, unit: unit, isEstimate: true)
          }
          return IndicatorRow(
            item: item.map { CodeLabel(code: $0.code, label: $0.label.text(language)) }, group: group,
            n: value?.1,
            value: value?.0, ciLow: value?.2, ciHigh: value?.3,
            met: value.flatMap { v in indicator.target.map { $0.isMet(by: v.0) } },
            verdict: verdict,
            rank: loopItems == nil
              ? nil : 1 + computed.filter { ($0?.0 ?? -.infinity) > (value?.0 ?? .infinity) }.count,
            suppressed: false, suppression: nil)
        }
      }
      rows += rowsFor(all, group: nil)
      for breakdown in breakdowns {
        let present = breakdown.groups.filter { $0.count > 0 }
        let small = present.filter(\.belowMinimum)
        // Complementary suppression: with one small group, the next smallest goes too.
        let complementary =
          small.count == 1
          ? present.filter { !$0.belowMinimum }.min { $0.count < $1.count }.map { [$0.group.code] } ?? [] : []
        for group in present {
          if group.belowMinimum || complementary.contains(group.group.code) {
            for item in items {
              rows.append(
                .suppressed(
                  item: item.map { CodeLabel(code: $0.code, label: $0.label.text(language)) },
                  group: group.group,
                  reason: group.belowMinimum ? .belowMinimum : .complementary))
            }
          } else {
            rows += rowsFor(
              all.filter { $0[breakdown.question] == .code(group.group.code) }, group: group.group)
          }
        }
      }
    }
    let question = indicator.question.flatMap { survey.question($0)?.question }
    return IndicatorResult(
      id: indicator.id, kind: indicator.kind,
      label: (indicator.label ?? question?.label ?? LocalizedText(plain: indicator.id)).text(language),
      question: indicator.question, questions: indicator.questions, unit: unit,
      target: indicator.target?.source,
      targetValue: indicator.target?.value, perItem: loopItems != nil, rows: rows)
  }
}

/// A small linear congruential generator: the same seed, the same answers.
struct SeededGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next(_ bound: Int) -> Int {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return Int((state >> 33) % UInt64(bound))
  }
}
