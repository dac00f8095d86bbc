import BilanBase
import Foundation
import SurveyDefinition
import Testing

@Suite struct SchemaHashTests {
  let survey = RulesFixture.survey

  /// The fixture with `change` applied to the question `id`.
  func changing(_ id: String, _ change: (inout Question) -> Void) -> Survey {
    var copy = survey
    for s in copy.sections.indices {
      for q in copy.sections[s].questions.indices where copy.sections[s].questions[q].id == id {
        change(&copy.sections[s].questions[q])
      }
    }
    return copy
  }

  @Test func theSchemaListsEveryKeyWithWhatItAccepts() {
    let schema = survey.answerSchema
    #expect(schema.map(\.key) == survey.fields.map(\.key))
    let byKey = Dictionary(uniqueKeysWithValues: schema.map { ($0.key, $0) })
    #expect(
      byKey["role"] == FieldSchema(key: "role", type: .code, codes: ["elu", "technicien", "autre", "other"]))
    #expect(byKey["role.other"] == FieldSchema(key: "role.other", type: .text, maxLength: 500))
    #expect(
      byKey["interets"]
        == FieldSchema(
          key: "interets", type: .codes, codes: ["a", "b", "c", "aucun", "other"], min: 2, max: 3))
    #expect(
      byKey["freins"]
        == FieldSchema(key: "freins", type: .codes, codes: ["c1", "c2", "c3", "c4"], min: 3, max: 3))
    #expect(
      byKey["valeur.plan"] == FieldSchema(key: "valeur.plan", type: .integer, min: 1, max: 5, naAllowed: true)
    )
    #expect(
      byKey["temps.plan.decryptage"]
        == FieldSchema(key: "temps.plan.decryptage", type: .integer, min: 1, max: 4))
    #expect(byKey["recommandation"] == FieldSchema(key: "recommandation", type: .integer, min: 0, max: 10))
    #expect(byKey["age"] == FieldSchema(key: "age", type: .integer, min: 18, max: 99))
    #expect(byKey["budget"] == FieldSchema(key: "budget", type: .number, min: 0))
    #expect(byKey["mandat"] == FieldSchema(key: "mandat", type: .text, maxLength: 20))
    #expect(byKey["courriel"] == FieldSchema(key: "courriel", type: .contact))
    #expect(byKey["suivi"] == FieldSchema(key: "suivi", type: .boolean))
  }

  @Test func theSchemaRoundTripsThroughJSON() throws {
    let data = try JSONEncoder().encode(survey.answerSchema)
    #expect(try JSONDecoder().decode([FieldSchema].self, from: data) == survey.answerSchema)
  }

  @Test func theHashIsStableAndIgnoresWhatDoesNotChangeStorage() {
    let hash = survey.schemaHash
    #expect(hash.count == 64 && hash.allSatisfy(\.isHexDigit))
    #expect(RulesFixture.survey.schemaHash == hash)
    var relabelled = changing("role") {
      $0.label = LocalizedText(["fr": "Votre rôle", "en": "Your role"])
      $0.required = false
      $0.condition = .value(.boolean(true))
      $0.help = LocalizedText(plain: "Aide")
    }
    relabelled.id = "autre-id"
    relabelled.version = 7
    relabelled.title = LocalizedText(plain: "Autre titre")
    relabelled.sections[0].title = LocalizedText(plain: "Autre section")
    #expect(relabelled.schemaHash == hash)
    // The stored form of the schema, pinned: a change of the canonical text is a
    // change of every stored response's hash, so it must be deliberate.
    let tiny = Survey(
      id: "t", version: 1, title: LocalizedText(plain: "T"), languages: ["fr"],
      sections: [
        Section(
          id: "s", title: LocalizedText(plain: "S"),
          questions: [
            Question(id: "q", kind: .scale(Scale(min: 1, max: 5)), label: LocalizedText(plain: "Q"))
          ])
      ])
    #expect(tiny.schemaHash == ContentHash.hex(of: "bilan-answer-schema 1\nq\tinteger\t-\t1.0\t5.0\t-\t-\n"))
    // python3 -c "import hashlib; print(hashlib.sha256(b'bilan-answer-schema 1\nq\tinteger\t-\t1.0\t5.0\t-\t-\n').hexdigest())"
    #expect(tiny.schemaHash == "ef4954ca44c582181961ace1901aec96314ffc35d08906ecc3686261b6720c7f")
  }

  @Test func theHashChangesWithHowAnswersAreStored() {
    let hash = survey.schemaHash
    let renamedCode = changing("role") {
      $0.kind = .single(choices: RulesFixture.choices("elu", "technicienne", "autre"), other: true)
    }
    let noOther = changing("role") {
      $0.kind = .single(choices: RulesFixture.choices("elu", "technicien", "autre"), other: false)
    }
    let narrowedScale = changing("valeur") {
      $0.kind = .scale(Scale(min: 1, max: 4, notApplicable: RulesFixture.accord.notApplicable))
    }
    let noNotApplicable = changing("valeur") { $0.kind = .scale(Scale(min: 1, max: 5)) }
    let integerNumber = changing("budget") { $0.kind = .number(min: 0, max: nil, integer: true) }
    let boundedNumber = changing("budget") { $0.kind = .number(min: 0, max: 1e6, integer: false) }
    let shorterText = changing("mandat") { $0.kind = .text(maxLength: 10) }
    let morePicks = changing("freins") {
      $0.kind = .ranking(choices: RulesFixture.choices("c1", "c2", "c3", "c4"), pick: 4)
    }
    let renamedQuestion = changing("suivi") { $0.id = "suivi_projet" }
    var reordered = survey
    reordered.sections[0].questions.swapAt(1, 2)
    var fewerItems = survey
    fewerItems.sections[1].items.removeLast()
    let variants = [
      renamedCode, noOther, narrowedScale, noNotApplicable, integerNumber, boundedNumber, shorterText,
      morePicks,
      renamedQuestion, reordered, fewerItems,
    ]
    let hashes = variants.map(\.schemaHash)
    for (index, variant) in hashes.enumerated() {
      #expect(variant != hash, "variant \(index)")
    }
    #expect(Set(hashes).count == hashes.count)
  }
}
