// swift-tools-version: 6.1
import PackageDescription

let swift6: [SwiftSetting] = [.swiftLanguageMode(.v6)]

var package = Package(
  name: "bilan",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "bilan", targets: ["bilan"]),
    .library(name: "SurveyDefinition", targets: ["SurveyDefinition"]),
    .library(name: "ResponseStore", targets: ["ResponseStore"]),
    .library(name: "PostgresStore", targets: ["PostgresStore"]),
    .library(name: "Questionnaire", targets: ["Questionnaire"]),
    .library(name: "Aggregation", targets: ["Aggregation"]),
    .library(name: "ExcelReport", targets: ["ExcelReport"]),
    .library(name: "MarkdownReport", targets: ["MarkdownReport"]),
    .library(name: "XLSForm", targets: ["XLSForm"]),
    .library(name: "Room", targets: ["Room"]),
    .library(name: "LiveSummary", targets: ["LiveSummary"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    .package(url: "https://github.com/drmohundro/SWXMLHash", from: "8.1.1"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-nio-ssh", from: "0.15.1"),
    .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
  ],
  targets: [
    // MARK: Libraries
    // What every module shares: display width, the text sanitiser, JSON
    // strings, atomic durable files, dates, hashing, the tool's own words.
    .target(
      name: "BilanBase",
      dependencies: [.product(name: "Crypto", package: "swift-crypto")],
      swiftSettings: swift6
    ),
    .target(
      name: "SurveyDefinition",
      dependencies: ["BilanBase", .product(name: "Yams", package: "Yams")],
      swiftSettings: swift6
    ),
    .target(
      name: "ResponseStore",
      dependencies: [
        "BilanBase",
        "SurveyDefinition",
        .product(name: "GRDB", package: "GRDB.swift"),
        // SQLite's C API, to read rows in place (StoredResponseReader).
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
        .product(name: "CSV", package: "CSV.swift"),
      ],
      swiftSettings: swift6
    ),
    // The shared server store (a regional network's PostgreSQL database), behind the same
    // ResponseRepository protocol. Only this module imports PostgresNIO: the SQLite path
    // of every command starts no event loop and touches none of it.
    .target(
      name: "PostgresStore",
      dependencies: [
        "BilanBase",
        "SurveyDefinition",
        "ResponseStore",
        .product(name: "PostgresNIO", package: "postgres-nio"),
      ],
      swiftSettings: swift6
    ),
    .target(
      name: "Rehearsal",
      dependencies: ["BilanBase", "SurveyDefinition", "ResponseStore"],
      resources: [.embedInCode("Resources/cooperation-pelussin-2015.yaml")],
      swiftSettings: swift6
    ),
    .target(
      name: "Questionnaire",
      dependencies: [
        "BilanBase", "SurveyDefinition", "ResponseStore", .product(name: "Yams", package: "Yams"),
      ],
      swiftSettings: swift6
    ),
    .target(
      name: "Aggregation",
      dependencies: ["BilanBase", "SurveyDefinition", "ResponseStore"],
      swiftSettings: swift6
    ),
    .target(
      name: "MarkdownReport",
      dependencies: [
        "BilanBase",
        "SurveyDefinition",
        "Aggregation",
        .product(name: "Mustache", package: "swift-mustache"),
      ],
      resources: [
        .embedInCode("Templates/synthese.fr.mustache"),
        .embedInCode("Templates/synthesis.en.mustache"),
        .embedInCode("Templates/synthese-consolidee.fr.mustache"),
        .embedInCode("Templates/consolidated-synthesis.en.mustache"),
      ],
      swiftSettings: swift6
    ),
    .systemLibrary(
      name: "CXLSXWriter",
      pkgConfig: "xlsxwriter",
      providers: [.apt(["libxlsxwriter-dev"])]
    ),
    // The Swift wrapper of libxlsxwriter: the only module that imports it.
    .target(
      name: "XLSXWriter",
      dependencies: ["BilanBase", "CXLSXWriter"],
      swiftSettings: swift6
    ),
    // XLSForm (ODK, KoboToolbox) in and out: read with ZIPFoundation + SWXMLHash, written with XLSXWriter.
    .target(
      name: "XLSForm",
      dependencies: [
        "SurveyDefinition", "XLSXWriter",
        .product(name: "Yams", package: "Yams"),
        .product(name: "CSV", package: "CSV.swift"),
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        .product(name: "SWXMLHash", package: "SWXMLHash"),
      ],
      swiftSettings: swift6
    ),
    .target(
      name: "ExcelReport",
      dependencies: ["BilanBase", "SurveyDefinition", "ResponseStore", "Aggregation", "XLSXWriter"],
      swiftSettings: swift6
    ),

    // The report from end to end (load, check, aggregate, write, publish): what
    // `report`, `demo` and `live` call.
    .target(
      name: "ReportPipeline",
      dependencies: [
        "BilanBase", "SurveyDefinition", "ResponseStore", "PostgresStore", "Aggregation", "ExcelReport",
        "MarkdownReport",
      ],
      swiftSettings: swift6
    ),
    // `bilan serve`: the questionnaire over SSH, one participant per connection
    // (swift-nio-ssh; swift-crypto for the host key). Only this module imports NIO.
    .target(
      name: "Room",
      dependencies: [
        "BilanBase", "SurveyDefinition", "ResponseStore", "Questionnaire",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOSSH", package: "swift-nio-ssh"),
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      swiftSettings: swift6
    ),
    // `bilan live`: the projector's summary, the engine's figures refreshed as answers arrive.
    .target(
      name: "LiveSummary",
      dependencies: [
        "BilanBase", "SurveyDefinition", "ResponseStore", "Aggregation", "ReportPipeline", "Questionnaire",
      ],
      swiftSettings: swift6
    ),

    // MARK: Executable
    .executableTarget(
      name: "bilan",
      dependencies: [
        "BilanBase",
        "SurveyDefinition",
        "ResponseStore",
        "PostgresStore",
        "Questionnaire",
        "Aggregation",
        "ExcelReport",
        "MarkdownReport",
        "ReportPipeline",
        "Rehearsal",
        "XLSForm",
        "Room",
        "LiveSummary",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: swift6
    ),

    // MARK: Tests
    .testTarget(
      name: "BilanBaseTests",
      dependencies: ["BilanBase", "TestSupport"],
      resources: [.copy("Fixtures")],
      swiftSettings: swift6
    ),
    .target(
      name: "TestSupport",
      dependencies: ["SurveyDefinition"],
      path: "Tests/TestSupport",
      swiftSettings: swift6
    ),
    .testTarget(
      name: "SurveyDefinitionTests",
      dependencies: ["BilanBase", "SurveyDefinition", "TestSupport"],
      resources: [.copy("Fixtures")],
      swiftSettings: swift6
    ),
    .testTarget(
      name: "MarkdownReportTests",
      dependencies: ["MarkdownReport", "Aggregation", "SurveyDefinition", "ResponseStore", "TestSupport"],
      exclude: ["Snapshots"],
      swiftSettings: swift6
    ),
    .testTarget(
      name: "RehearsalTests",
      dependencies: ["Rehearsal", "SurveyDefinition", "ResponseStore", "TestSupport"],
      swiftSettings: swift6
    ),
    .testTarget(
      name: "CXLSXWriterTests",
      dependencies: ["CXLSXWriter", "TestSupport"],
      swiftSettings: swift6
    ),
    .testTarget(
      name: "QuestionnaireTests",
      dependencies: ["BilanBase", "Questionnaire", "SurveyDefinition", "ResponseStore", "TestSupport"],
      exclude: ["Snapshots", "Fixtures"],
      swiftSettings: swift6
    ),
    .testTarget(
      name: "ExcelReportTests",
      dependencies: [
        "BilanBase", "ExcelReport", "XLSXWriter", "Aggregation", "ResponseStore", "SurveyDefinition",
        "TestSupport",
      ],
      swiftSettings: swift6
    ),
    .testTarget(
      name: "AggregationTests",
      dependencies: [
        "BilanBase",
        "Aggregation", "SurveyDefinition", "ResponseStore", "TestSupport",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ],
      exclude: ["Fixtures"],
      swiftSettings: swift6
    ),
    .testTarget(
      name: "ResponseStoreTests",
      dependencies: [
        "BilanBase",
        "ResponseStore", "SurveyDefinition", "TestSupport",
        .product(name: "GRDB", package: "GRDB.swift"),
      ],
      exclude: ["Fixtures"],
      swiftSettings: swift6
    ),
    .testTarget(
      name: "ReliabilityTests",
      dependencies: [
        "BilanBase",
        "TestSupport", "SurveyDefinition", "ResponseStore",
        .product(name: "GRDB", package: "GRDB.swift"),
      ],
      exclude: ["Fixtures"],
      swiftSettings: swift6
    ),
    .testTarget(
      name: "XLSFormTests",
      dependencies: ["XLSForm", "SurveyDefinition", "TestSupport"],
      exclude: ["Fixtures"],
      swiftSettings: swift6
    ),
    .testTarget(
      name: "RoomTests",
      dependencies: [
        "Room", "SurveyDefinition", "ResponseStore", "TestSupport",
        .product(name: "GRDB", package: "GRDB.swift"),
      ],
      exclude: ["Fixtures"],
      swiftSettings: swift6
    ),
    .testTarget(
      name: "LiveSummaryTests",
      dependencies: ["LiveSummary", "Aggregation", "SurveyDefinition", "ResponseStore", "TestSupport"],
      swiftSettings: swift6
    ),
    .testTarget(
      name: "PostgresStoreTests",
      dependencies: ["BilanBase", "PostgresStore", "ResponseStore", "SurveyDefinition", "TestSupport"],
      swiftSettings: swift6
    ),
    .testTarget(
      name: "bilanTests",
      dependencies: ["TestSupport"],
      swiftSettings: swift6
    ),
  ]
)

// MARK: Fuzzing
// libFuzzer targets, added only when BILAN_FUZZ=1 (Tests/Fuzz/run.sh sets it and
// builds them with `--sanitize=fuzzer --sanitize=address` in .build-fuzz).
// A fuzzer has no `main` of its own (libFuzzer's runtime provides it), so these
// executables cannot link in the ordinary build: keep them out of it.
if Context.environment["BILAN_FUZZ"] == "1" {
  let fuzzers: [(name: String, dependencies: [Target.Dependency])] = [
    ("FuzzSurvey", ["SurveyDefinition"]),
    ("FuzzCondition", ["SurveyDefinition"]),
    ("FuzzCSVImport", ["ResponseStore", "SurveyDefinition"]),
    ("FuzzJSONLImport", ["ResponseStore", "SurveyDefinition"]),
  ]
  for fuzzer in fuzzers {
    package.targets.append(
      .executableTarget(
        name: fuzzer.name,
        dependencies: fuzzer.dependencies,
        path: "Tests/Fuzz/\(fuzzer.name)",
        exclude: ["corpus", "\(fuzzer.name).dict"],
        swiftSettings: swift6
      ))
  }
}
