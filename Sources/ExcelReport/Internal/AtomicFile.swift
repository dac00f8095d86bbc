import Foundation
import XLSXWriter

/// Writes a file all at once: into a hidden temporary file of the
/// destination's folder, renamed over the destination only when complete.
/// Whatever fails, the temporary file is removed and the destination is left
/// as it was.
enum AtomicFile {
  static func write(to destination: URL, _ body: (_ temporaryPath: String) throws -> Void) throws {
    let folder = destination.deletingLastPathComponent()
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory),
      isDirectory.boolValue
    else {
      throw ExcelReportError.destinationNotWritable(path: folder.path, reason: "no such folder")
    }
    guard FileManager.default.isWritableFile(atPath: folder.path) else {
      throw ExcelReportError.destinationNotWritable(path: folder.path, reason: "permission denied")
    }
    let temporary = folder.appendingPathComponent(
      ".\(destination.lastPathComponent).\(UUID().uuidString).tmp")
    do {
      do {
        try body(temporary.path)
      } catch let error as XLSXWriterError {
        throw ExcelReportError(error)
      }
      guard FileManager.default.fileExists(atPath: temporary.path) else {
        throw ExcelReportError.writeFailed(path: destination.path, reason: "nothing was written")
      }
      if rename(temporary.path, destination.path) != 0 {
        let reason = String(cString: strerror(errno))
        throw ExcelReportError.writeFailed(path: destination.path, reason: reason)
      }
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw error
    }
  }
}
