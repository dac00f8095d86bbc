import Foundation
import NIOConcurrencyHelpers

/// The last events of the room, for its screen (the full log goes to standard error).
public final class RoomLog: Sendable {
  private let events = NIOLockedValueBox<[RoomEvent]>([])
  private let capacity: Int

  private let printing: Bool

  /// - Parameter printing: each event is also written to standard error, a line each.
  public init(capacity: Int = 200, printing: Bool) {
    self.capacity = capacity
    self.printing = printing
  }

  /// Keeps `event` (and prints it when the log prints).
  public func record(_ event: RoomEvent) {
    append(event)
    if printing { FileHandle.standardError.write(Data((event.line + "\n").utf8)) }
  }

  public func append(_ event: RoomEvent) {
    events.withLockedValue { events in
      events.append(event)
      if events.count > capacity { events.removeFirst(events.count - capacity) }
    }
  }

  /// The last `count` events, oldest first.
  public func last(_ count: Int) -> [RoomEvent] {
    events.withLockedValue { Array($0.suffix(count)) }
  }
}
