import Foundation

/// Strings made once from UTF-8 bytes: the same bytes give back the same
/// `String` (sharing its storage), without allocating or hashing a `String`.
///
/// Reading a store repeats a few dozen answer keys, codes, languages and
/// schema hashes in every response; this keeps one copy of each. The bytes
/// are hashed (FNV-1a) into an open-addressing table of entries whose bytes
/// live end to end in one array. A caller that knows which entry is likely
/// (the same key in the previous response) checks it with `compare`, one
/// `memcmp`, before the hash lookup.
///
/// At most `capacity` distinct texts are kept; past that, new texts are
/// made into new `String`s each time (a store of free texts must not grow
/// the table without bound).
struct TextInterner {
  private struct Entry {
    var start: Int
    var count: Int
    var string: String
  }

  /// The bytes of every entry, end to end.
  private var bytes: [UInt8] = []
  private var entries: [Entry] = []
  /// Entry index + 1 by hash slot; 0 is an empty slot. A power of two long.
  private var slots: [Int32]
  private let capacity: Int

  init(capacity: Int = 1 << 16) {
    self.capacity = capacity
    slots = Array(repeating: 0, count: 256)
  }

  /// The entry holding `text`, creating it when new; `nil` once the table is full.
  mutating func entry(_ text: UnsafeBufferPointer<UInt8>) -> Int32? {
    let hash = Self.hash(text)
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let stored = slots[slot]
      if stored == 0 { break }
      if holds(Int(stored) - 1, text) { return stored - 1 }
      slot = (slot + 1) & mask
    }
    guard entries.count < capacity else { return nil }
    let index = Int32(entries.count)
    entries.append(
      Entry(start: bytes.count, count: text.count, string: String(decoding: text, as: UTF8.self)))
    bytes.append(contentsOf: text)
    slots[slot] = index + 1
    // Keep the table at most half full.
    if entries.count * 2 > slots.count { grow() }
    return index
  }

  /// The string of an entry `entry(_:)` returned.
  func string(_ entry: Int32) -> String { entries[Int(entry)].string }

  /// The string of `text`: the interned one, or a new one once the table is full.
  mutating func string(_ text: UnsafeBufferPointer<UInt8>) -> String {
    if let entry = entry(text) { return entries[Int(entry)].string }
    return String(decoding: text, as: UTF8.self)
  }

  /// How an entry's bytes compare to `text`'s, as SQLite's BINARY collation
  /// does (`memcmp`, then the shorter first): negative, zero or positive.
  func compare(_ entry: Int32, _ text: UnsafeBufferPointer<UInt8>) -> Int {
    let entry = entries[Int(entry)]
    let common = min(entry.count, text.count)
    if common > 0 {
      let order = bytes.withUnsafeBufferPointer { stored in
        memcmp(stored.baseAddress! + entry.start, text.baseAddress!, common)
      }
      if order != 0 { return Int(order) }
    }
    return entry.count - text.count
  }

  private func holds(_ index: Int, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
    let entry = entries[index]
    guard entry.count == text.count else { return false }
    guard let base = text.baseAddress, entry.count > 0 else { return true }
    return bytes.withUnsafeBufferPointer { stored in
      memcmp(stored.baseAddress! + entry.start, base, entry.count) == 0
    }
  }

  private mutating func grow() {
    var larger = [Int32](repeating: 0, count: slots.count * 2)
    let mask = larger.count - 1
    bytes.withUnsafeBufferPointer { stored in
      for (index, entry) in entries.enumerated() {
        let text = UnsafeBufferPointer(rebasing: stored[entry.start..<entry.start + entry.count])
        var slot = Int(truncatingIfNeeded: Self.hash(text)) & mask
        while larger[slot] != 0 { slot = (slot + 1) & mask }
        larger[slot] = Int32(index) + 1
      }
    }
    slots = larger
  }

  private static func hash(_ text: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text {
      hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }
    // Fold the high bits in: the table uses the low ones.
    return hash ^ (hash >> 32)
  }
}
