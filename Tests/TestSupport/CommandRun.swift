import Foundation

/// The result of running a command to completion.
public struct CommandResult: Sendable {
  public var status: Int32
  public var stdout: String
  public var stderr: String
}

/// Runs the built `bilan` with `arguments`, feeding `input` on standard input.
@discardableResult
public func runBilan(
  _ arguments: [String], input: String? = nil, environment: [String: String] = [:],
  currentDirectory: URL? = nil
) throws -> CommandResult {
  try runProcess(
    Repository.bilanExecutable, arguments, input: input, environment: environment,
    currentDirectory: currentDirectory)
}

/// Runs `executable` with `arguments` to completion and captures its output.
public func runProcess(
  _ executable: URL, _ arguments: [String], input: String? = nil, environment: [String: String] = [:],
  currentDirectory: URL? = nil
) throws -> CommandResult {
  let process = Process()
  process.executableURL = executable
  process.arguments = arguments
  var env = ProcessInfo.processInfo.environment
  for (key, value) in environment { env[key] = value }
  process.environment = env
  if let currentDirectory { process.currentDirectoryURL = currentDirectory }
  let outPipe = Pipe()
  let errPipe = Pipe()
  let inPipe = Pipe()
  process.standardOutput = outPipe
  process.standardError = errPipe
  process.standardInput = inPipe
  try process.run()
  if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
  try? inPipe.fileHandleForWriting.close()
  // Read both pipes concurrently so a full pipe never blocks the child.
  let errBox = DataBox()
  let group = DispatchGroup()
  group.enter()
  DispatchQueue.global().async {
    errBox.data = errPipe.fileHandleForReading.readDataToEndOfFile()
    group.leave()
  }
  let out = outPipe.fileHandleForReading.readDataToEndOfFile()
  group.wait()
  process.waitUntilExit()
  return CommandResult(
    status: process.terminationStatus,
    stdout: String(decoding: out, as: UTF8.self),
    stderr: String(decoding: errBox.data, as: UTF8.self))
}

private final class DataBox: @unchecked Sendable {
  var data = Data()
}
