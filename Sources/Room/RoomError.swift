import Foundation

/// Why `bilan serve` cannot open its room.
public enum RoomError: Error, LocalizedError, Equatable, Sendable {
  /// `--listen` is not `ADDRESS[:PORT]`.
  case badListenAddress(String, reason: String)
  /// The address and port cannot be listened on (in use, not this machine's).
  case cannotListen(address: String, reason: String)
  /// The host key file exists but cannot be read as a host key.
  case unreadableHostKey(path: String, reason: String)
  /// The host key file can be read by other accounts: it would let them pose as this server.
  case hostKeyTooOpen(path: String, mode: UInt16)
  /// The host key cannot be written beside the store.
  case cannotWriteHostKey(path: String, reason: String)
  /// A session code given with `--code` is too short or not letters and digits.
  case badSessionCode(String)
  /// Another option out of its range (the message names it).
  case badOption(String)

  public var errorDescription: String? {
    switch self {
    case .badListenAddress(let text, let reason):
      "--listen \(text): \(reason) (expected ADDRESS[:PORT], e.g. 0.0.0.0:2222, 127.0.0.1:2222, [::1]:2222 or :2222)"
    case .cannotListen(let address, let reason):
      "cannot listen on \(address): \(reason); choose another address or port with --listen"
    case .unreadableHostKey(let path, let reason):
      "\(path): not a bilan host key (\(reason)); move it away and a new key is made at the next start"
    case .hostKeyTooOpen(let path, let mode):
      "\(path): the host key can be read by other accounts (mode \(String(mode, radix: 8))); "
        + "run `chmod 600 \(path)`"
    case .cannotWriteHostKey(let path, let reason):
      "\(path): cannot write the host key: \(reason)"
    case .badSessionCode(let code):
      "--code '\(code)': a session code is 4 to 32 letters or digits"
    case .badOption(let message): message
    }
  }

  /// Whether the user can fix it by changing what they gave (exit 1), rather than an I/O failure (3).
  public var isInputError: Bool {
    switch self {
    case .badListenAddress, .cannotListen, .hostKeyTooOpen, .badSessionCode, .badOption, .unreadableHostKey:
      true
    case .cannotWriteHostKey: false
    }
  }
}
