/// Turns the bytes read from a terminal in raw mode into keys.
///
/// Bytes may arrive split anywhere (a UTF-8 character or an escape sequence
/// across two reads): the decoder keeps what is incomplete for the next
/// `decode`. An ESC with nothing after it stays pending until the caller, after
/// a short wait with no more input, calls `flushEscape()`.
public struct KeyDecoder: Sendable {
  private var buffer: [UInt8] = []
  private var pasting = false
  private var pasted: [UInt8] = []

  public init() {}

  /// Whether an incomplete sequence waits for more bytes (the caller should
  /// wait briefly, then call `flushEscape()`).
  public var hasPending: Bool { !buffer.isEmpty }

  /// The keys `bytes` complete.
  public mutating func decode(_ bytes: [UInt8]) -> [Key] {
    buffer.append(contentsOf: bytes)
    var keys: [Key] = []
    while !buffer.isEmpty {
      if pasting {
        guard consumePaste(into: &keys) else { break }
        continue
      }
      guard let (key, length) = parse(buffer[...]) else { break }
      buffer.removeFirst(length)
      if let key { keys.append(key) }
    }
    return keys
  }

  /// Called when no byte followed a lone ESC (or an incomplete sequence) in time.
  public mutating func flushEscape() -> [Key] {
    guard !buffer.isEmpty, !pasting else { return [] }
    var keys: [Key] = []
    if buffer.first == 0x1B {
      buffer.removeFirst()
      keys.append(.escape)
      if let next = buffer.first, next != 0x1B, next >= 0x20, next < 0x7F {
        // Alt+letter: read as the letter alone.
        buffer.removeFirst()
        keys.append(.character(Character(Unicode.Scalar(next))))
      }
    }
    keys.append(contentsOf: decode([]))
    if !buffer.isEmpty {  // an incomplete UTF-8 character: drop it
      buffer.removeAll()
    }
    return keys
  }

  /// Collects pasted bytes until `ESC [ 2 0 1 ~`. Returns false when more bytes are needed.
  private mutating func consumePaste(into keys: inout [Key]) -> Bool {
    let end: [UInt8] = [0x1B, 0x5B, 0x32, 0x30, 0x31, 0x7E]
    if let range = firstRange(of: end, in: buffer) {
      pasted.append(contentsOf: buffer[..<range.lowerBound])
      buffer.removeFirst(range.upperBound)
      pasting = false
      let text = String(decoding: pasted, as: UTF8.self)
      pasted.removeAll()
      if !text.isEmpty { keys.append(.paste(text)) }
      return true
    }
    // Keep a possible partial end marker in the buffer.
    let keep = min(buffer.count, end.count - 1)
    pasted.append(contentsOf: buffer.dropLast(keep))
    buffer = Array(buffer.suffix(keep))
    return false
  }

  private func firstRange(of needle: [UInt8], in haystack: [UInt8]) -> Range<Int>? {
    guard haystack.count >= needle.count else { return nil }
    for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
      if Array(haystack[start..<(start + needle.count)]) == needle { return start..<(start + needle.count) }
    }
    return nil
  }

  /// The key at the start of `bytes` and how many bytes it used; `nil` when
  /// the bytes are an incomplete prefix. A `nil` key means bytes to ignore.
  private mutating func parse(_ bytes: ArraySlice<UInt8>) -> (Key?, Int)? {
    let first = bytes[bytes.startIndex]
    switch first {
    case 0x1B:
      return parseEscape(bytes)
    case 0x0D:
      // A CR LF pair from a terminal sending both counts once.
      if bytes.count > 1, bytes[bytes.startIndex + 1] == 0x0A { return (.enter, 2) }
      return (.enter, 1)
    case 0x0A:
      // A line feed alone is Ctrl-J, what Ctrl-Enter sends on most terminals (Enter sends CR in raw mode).
      return (.controlEnter, 1)
    case 0x09: return (.tab, 1)
    case 0x7F, 0x08: return (.backspace, 1)
    case 0x00: return (nil, 1)
    case 0x01...0x1A:
      return (.control(Character(Unicode.Scalar(first + 0x60))), 1)
    case 0x1C...0x1F: return (nil, 1)
    case 0x20...0x7E:
      return (.character(Character(Unicode.Scalar(first))), 1)
    default:
      return parseUTF8(bytes)
    }
  }

  private func parseUTF8(_ bytes: ArraySlice<UInt8>) -> (Key?, Int)? {
    let first = bytes[bytes.startIndex]
    let length: Int
    switch first {
    case 0xC2...0xDF: length = 2
    case 0xE0...0xEF: length = 3
    case 0xF0...0xF4: length = 4
    default: return (nil, 1)  // a stray continuation or invalid byte
    }
    guard bytes.count >= length else { return nil }
    let slice = bytes.prefix(length)
    for byte in slice.dropFirst() where byte & 0xC0 != 0x80 { return (nil, 1) }
    let text = String(decoding: slice, as: UTF8.self)
    guard let scalar = text.unicodeScalars.first, scalar.value != 0xFFFD else { return (nil, length) }
    if (0x80...0x9F).contains(scalar.value) { return (nil, length) }
    return (.character(Character(scalar)), length)
  }

  private mutating func parseEscape(_ bytes: ArraySlice<UInt8>) -> (Key?, Int)? {
    let start = bytes.startIndex
    guard bytes.count > 1 else { return nil }  // lone ESC: wait for the timeout
    let second = bytes[start + 1]
    if second == 0x5B {  // CSI
      var index = start + 2
      while index < bytes.endIndex {
        let byte = bytes[index]
        if (0x40...0x7E).contains(byte) {
          let parameters = String(decoding: bytes[(start + 2)..<index], as: UTF8.self)
          let length = index - start + 1
          return (csiKey(parameters: parameters, final: byte, length: length), length)
        }
        if !(0x20...0x3F).contains(byte) { return (.escape, 1) }
        index += 1
      }
      return nil
    }
    if second == 0x4F {  // SS3: ESC O A …
      guard bytes.count > 2 else { return nil }
      let key: Key? =
        switch bytes[start + 2] {
        case 0x41: .up
        case 0x42: .down
        case 0x43: .right
        case 0x44: .left
        case 0x48: .home
        case 0x46: .end
        case 0x4D: .enter
        default: nil
        }
      return (key, 3)
    }
    if second == 0x1B { return (.escape, 1) }
    // ESC + other byte (Alt+key): give the escape now, the key next.
    return (.escape, 1)
  }

  private mutating func csiKey(parameters: String, final: UInt8, length: Int) -> Key? {
    let numbers = parameters.split(separator: ";").map { Int($0) ?? 0 }
    switch final {
    case 0x41: return .up
    case 0x42: return .down
    case 0x43: return .right
    case 0x44: return .left
    case 0x48: return .home
    case 0x46: return .end
    case 0x5A: return .backTab
    case 0x75:  // CSI 13;5u: Ctrl-Enter where keys are reported with their modifiers
      return numbers.first == 13 && numbers.count > 1 && numbers[1] > 1 ? .controlEnter : nil
    case 0x7E:
      if numbers.first == 27, numbers.count == 3, numbers[2] == 13 {
        return numbers[1] > 1 ? .controlEnter : .enter
      }
      switch numbers.first ?? 0 {
      case 1, 7: return .home
      case 4, 8: return .end
      case 3: return .delete
      case 5: return .pageUp
      case 6: return .pageDown
      case 200:
        pasting = true
        return nil
      default: return nil
      }
    default: return nil
    }
  }
}
