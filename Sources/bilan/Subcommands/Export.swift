import ArgumentParser
import BilanBase
import Foundation
import PostgresStore
import ResponseStore
import SurveyDefinition

extension Bilan {
  /// `bilan export SURVEY.yaml`: every response as JSON Lines or wide CSV.
  struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write every response, partial ones included, as JSON Lines or CSV.",
      discussion: """
        Responses come in the order they were started. Partial responses are included
        with their status. Contact data (email questions) is left out unless
        --include-contacts is given. Text is written as it was given: masking is for
        reports.

        jsonl (default): one JSON object per line, keys in a fixed order, answers in
          the survey's order; not-applicable is null, answers not given are absent.
        csv: one row per response, one column per answer key; a multiple question
          has one 0/1 column per choice (KEY/CODE), a ranking one column per rank
          (KEY/1, KEY/2…); na is not applicable, empty is not answered. UTF-8 with a
          byte-order mark, so Excel shows accents; a text starting with = + - @ gets
          a leading ' (removed again by `bilan import`).

        tokens: the mail merge of a follow-up survey (`follows:` in the format): one \
          row per complete response that left an email address, with the address, \
          its follow-up token (issued now if it has none, the same one every later \
          time) and the participant's language. Contact data: the file is written \
          readable by its owner only. The follow-up questionnaire asks for the token \
          (or takes `bilan ask FOLLOW-UP.yaml --token TOKEN`), never the email.

        With --output, the file is written whole or not at all (a temporary file
        renamed at the end). Exit status: 0 written, 1 bad survey or store,
        3 the output or the store could not be read or written.

        Examples:
          $ bilan export Surveys/cooperation-pelussin-2015.yaml > responses.jsonl
          $ bilan export Surveys/cooperation-pelussin-2015.yaml --format csv --labels --output reponses.csv
          $ bilan export survey.yaml --store laptop2/responses.sqlite --include-contacts --output contacts.jsonl
          $ bilan export Surveys/cooperation-pelussin-2015.yaml --format tokens --output publipostage.csv
        """
    )

    @Argument(help: ArgumentHelp("The survey definition.", valueName: "survey.yaml"))
    var survey: String

    @Option(
      help: ArgumentHelp(
        "The store: a file, or postgres://user@host/db (default $BILAN_STORE, else Reports/SURVEY_ID/responses.sqlite).",
        valueName: "path|url"))
    var store: String?

    @Option(help: "Output format: jsonl, csv, or tokens (email and follow-up token, for a mail merge).")
    var format: ResponseExporter.Format = .jsonl

    @Flag(help: "CSV: write choice labels instead of codes.")
    var labels = false

    @Option(help: ArgumentHelp("The language of labels (default: the survey's first).", valueName: "lang"))
    var lang: String?

    @Flag(help: "Include contact data (email questions).")
    var includeContacts = false

    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
      if labels && format != .csv { throw ValidationError("--labels applies to --format csv only.") }
      if includeContacts && format == .tokens {
        throw ValidationError("--format tokens is contact data already; drop --include-contacts.")
      }
    }

    func run() async throws {
      let survey = try Survey.load(path: self.survey)
      if let lang, !survey.languages.contains(lang) {
        throw ValidationError(
          "--lang \(lang): the survey is written in \(survey.languages.joined(separator: ", ")).")
      }
      let address = try StoreAddress.resolve(option: store, surveyID: survey.id)
      let exporter = ResponseExporter(
        survey: survey, format: format, labels: labels, includeContacts: includeContacts, language: lang)
      let store = try address.open(surveyID: survey.id, create: false)
      if let output {
        let file = try AtomicFile(path: output)
        try exporter.write(from: store) { data throws(FileWriteError) in try file.write(data) }
        try file.commit(mode: includeContacts || format == .tokens ? 0o600 : 0o644)
      } else {
        try exporter.write(from: store) { data in FileHandle.standardOutput.write(data) }
      }
    }
  }
}

extension ResponseExporter.Format: ExpressibleByArgument {}
