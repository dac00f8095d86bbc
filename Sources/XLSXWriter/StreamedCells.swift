internal import CXLSXWriter
import Dispatch
import Foundation

/// A run of raw-data cells for one kind of sheet ("Données" or "Données
/// (libellés)"), prepared on the thread that reads the responses and written
/// to libxlsxwriter by a `StreamedCellWriter` lane.
///
/// Texts are kept as NUL-terminated bytes in one buffer, so that writing a
/// cell is one C call with no conversion.
package struct CellBatch {
  package enum Kind: UInt8 {
    case text
    case number
    case date
  }

  package struct Cell {
    /// Index of the sheet in the lane's sheet list (continuations of a sheet kind).
    package var sheet: Int32
    package var column: UInt16
    package var kind: Kind
    package var row: UInt32
    /// The text's offset in `bytes`, or the number's bit pattern.
    package var payload: UInt64
  }

  package private(set) var bytes: [CChar] = []
  package private(set) var cells: [Cell] = []

  package var isEmpty: Bool { cells.isEmpty }

  package init(reservingCells count: Int = 0) {
    cells.reserveCapacity(count)
    bytes.reserveCapacity(count * 8)
  }

  /// A text already prepared by `CellText.prepare`, as NUL-terminated bytes.
  package mutating func append(text: ContiguousArray<CChar>, sheet: Int, row: Int, column: Int) {
    cells.append(
      Cell(
        sheet: Int32(sheet), column: UInt16(column), kind: .text, row: UInt32(row),
        payload: UInt64(bytes.count)))
    bytes.append(contentsOf: text)
  }

  package mutating func append(number: Double, sheet: Int, row: Int, column: Int, date: Bool = false) {
    cells.append(
      Cell(
        sheet: Int32(sheet), column: UInt16(column), kind: date ? .date : .number, row: UInt32(row),
        payload: number.bitPattern))
  }
}

/// Writes `CellBatch`es to their sheets on background threads while the
/// responses are still being read, converted and aggregated.
///
/// libxlsxwriter is not thread-safe as a whole, but in constant-memory mode
/// a worksheet's cells touch only that worksheet (strings are written inline,
/// not into the workbook's shared-string table), and a format whose index is
/// already assigned is only read. So each sheet kind gets its own lane
/// there; otherwise (shared strings) both kinds share one lane. In both
/// modes no other thread calls libxlsxwriter until `drain()` has returned.
package final class StreamedCellWriter: @unchecked Sendable {
  private let lanes: [DispatchQueue]
  /// At most `inFlight` batches queued per lane: memory stays bounded when
  /// the writers are slower than the reader.
  private let slots: [DispatchSemaphore]
  private let group = DispatchGroup()
  private let lock = NSLock()
  private var failure: XLSXWriterError?

  /// - Parameter separateLanes: one thread per sheet kind (constant-memory
  ///   mode only); otherwise one thread for both.
  package init(kinds: Int, separateLanes: Bool, inFlight: Int = 2) {
    let count = separateLanes ? kinds : 1
    lanes = (0..<count).map { DispatchQueue(label: "bilan.raw-data.\($0)") }
    slots = (0..<count).map { _ in DispatchSemaphore(value: inFlight) }
  }

  /// Queues `batch` for the sheets of kind `kind` (`sheets[i]` is the sheet
  /// the cells with `sheet == i` go to). `dateFormat` must come from
  /// `Workbook.indexedFormat(_:)`: the lanes only read it.
  package func submit(_ batch: CellBatch, kind: Int, sheets: [Worksheet], dateFormat: IndexedFormat?) {
    guard !batch.isEmpty else { return }
    let lane = min(kind, lanes.count - 1)
    slots[lane].wait()
    let work = SendableBox((batch, sheets.map(\.handle), sheets.map(\.name), dateFormat?.pointer))
    lanes[lane].async(group: group) { [self] in
      defer { slots[lane].signal() }
      guard !failed else { return }
      let (batch, sheets, names, dateFormat) = work.value
      if let error = Self.write(batch, sheets: sheets, names: names, dateFormat: dateFormat) {
        record(error)
      }
    }
  }

  /// Waits for every queued batch; throws the first failure.
  package func drain() throws {
    group.wait()
    lock.lock()
    defer { lock.unlock() }
    if let failure { throw failure }
  }

  private var failed: Bool {
    lock.lock()
    defer { lock.unlock() }
    return failure != nil
  }

  private func record(_ error: XLSXWriterError) {
    lock.lock()
    defer { lock.unlock() }
    if failure == nil { failure = error }
  }

  private static func write(
    _ batch: CellBatch, sheets: [UnsafeMutablePointer<lxw_worksheet>], names: [String],
    dateFormat: UnsafeMutablePointer<lxw_format>?
  ) -> XLSXWriterError? {
    batch.bytes.withUnsafeBufferPointer { bytes -> XLSXWriterError? in
      guard let base = bytes.baseAddress else { return nil }
      for cell in batch.cells {
        let sheet = sheets[Int(cell.sheet)]
        let row = lxw_row_t(cell.row)
        let column = lxw_col_t(cell.column)
        let code: lxw_error
        let function: String
        switch cell.kind {
        case .text:
          // worksheet_write_string never interprets "=…": participant text stays text.
          code = worksheet_write_string(sheet, row, column, base + Int(cell.payload), nil)
          function = "worksheet_write_string"
        case .number:
          code = worksheet_write_number(sheet, row, column, Double(bitPattern: cell.payload), nil)
          function = "worksheet_write_number"
        case .date:
          code = worksheet_write_number(sheet, row, column, Double(bitPattern: cell.payload), dateFormat)
          function = "worksheet_write_number"
        }
        guard code == LXW_NO_ERROR else {
          let message = lxw_strerror(code).map { String(cString: $0) } ?? "unknown error"
          return .library(
            function: function, code: Int(code.rawValue), message: message,
            context: "“\(names[Int(cell.sheet)])”!\(columnName(Int(cell.column)))\(Int(cell.row) + 1)")
        }
      }
      return nil
    }
  }
}

/// Hands values that are only ever used by one thread at a time to a lane.
package struct SendableBox<Value>: @unchecked Sendable {
  package let value: Value
  package init(_ value: Value) { self.value = value }
}
