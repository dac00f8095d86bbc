import Aggregation
import Foundation
import Testing

@Suite struct ResultTypesTests {
  @Test func aSuppressedRowCarriesNoFigure() throws {
    let group = GroupRef(question: "role", code: "other", label: "Autre")
    let row = IndicatorRow.suppressed(item: nil, group: group, reason: .belowMinimum)
    #expect(row.suppressed)
    #expect(row.n == nil && row.value == nil && row.ciLow == nil && row.ciHigh == nil)
    #expect(row.met == nil && row.rank == nil)
    let json = String(decoding: try JSONEncoder().encode(row), as: UTF8.self)
    #expect(!json.contains("\"value\""))
    #expect(!json.contains("\"n\""))
  }
}
