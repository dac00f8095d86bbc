import NIOConcurrencyHelpers

/// The last events of the room, for its screen (the full log goes to standard error).
public final class RoomLog: Sendable {
  private let events = NIOLockedValueBox<[RoomEvent]>([])
  private let capacity: Int

  public init(capacity: Int = 200) { self.capacity = capacity }

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
