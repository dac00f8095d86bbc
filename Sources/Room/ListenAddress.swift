#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where `bilan serve` listens: `--listen ADDRESS[:PORT]`.
public struct ListenAddress: Sendable, Equatable, CustomStringConvertible {
  /// An IPv4 or IPv6 address (`0.0.0.0` and `::` listen on every interface).
  public var host: String
  /// 0 lets the system choose a free port (tests).
  public var port: Int

  public static let defaultPort = 2222

  public init(host: String, port: Int) {
    self.host = host
    self.port = port
  }

  /// Reads `0.0.0.0:2222`, `127.0.0.1`, `:2222`, `[::1]:2222` or `::1`.
  public init(parsing text: String) throws(RoomError) {
    var host = text
    var port = Self.defaultPort
    if text.hasPrefix("[") {
      guard let close = text.firstIndex(of: "]") else {
        throw .badListenAddress(text, reason: "an IPv6 address in brackets lacks its ']'")
      }
      host = String(text[text.index(after: text.startIndex)..<close])
      let rest = text[text.index(after: close)...]
      if !rest.isEmpty {
        guard rest.hasPrefix(":") else { throw .badListenAddress(text, reason: "expected ':' after ']'") }
        port = try Self.port(rest.dropFirst(), in: text)
      }
    } else if text.filter({ $0 == ":" }).count == 1, let colon = text.firstIndex(of: ":") {
      host = String(text[..<colon])
      port = try Self.port(text[text.index(after: colon)...], in: text)
    }
    if host.isEmpty { host = "0.0.0.0" }
    guard Self.isNumericAddress(host) else {
      throw .badListenAddress(text, reason: "'\(host)' is not an IPv4 or IPv6 address")
    }
    self.init(host: host, port: port)
  }

  private static func port(_ text: Substring, in whole: String) throws(RoomError) -> Int {
    guard let port = Int(text), (0...65535).contains(port) else {
      throw .badListenAddress(whole, reason: "'\(text)' is not a port number (0 to 65535)")
    }
    return port
  }

  static func isNumericAddress(_ host: String) -> Bool {
    var v4 = in_addr()
    var v6 = in6_addr()
    return inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, host, &v6) == 1
  }

  public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

  /// Whether this listens on every interface.
  public var isWildcard: Bool { host == "0.0.0.0" || host == "::" }

  /// The addresses participants can reach this machine at: the listened
  /// address itself, or, on every interface, this machine's IPv4 addresses
  /// on its networks (loopback and container bridges left out), physical first.
  public func reachableAddresses() -> [String] {
    guard isWildcard else { return [host] }
    let found = Self.interfaceAddresses()
    return found.isEmpty ? ["127.0.0.1"] : found
  }

  /// IPv4 addresses of the interfaces that are up, not loopback, not virtual bridges.
  static func interfaceAddresses() -> [String] {
    var list: UnsafeMutablePointer<ifaddrs>?
    guard getifaddrs(&list) == 0, let first = list else { return [] }
    defer { freeifaddrs(list) }
    var physical: [String] = []
    var other: [String] = []
    var cursor: UnsafeMutablePointer<ifaddrs>? = first
    while let entry = cursor {
      defer { cursor = entry.pointee.ifa_next }
      let flags = Int32(entry.pointee.ifa_flags)
      guard let address = entry.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET),
        flags & Int32(IFF_UP) != 0, flags & Int32(IFF_LOOPBACK) == 0
      else { continue }
      let name = String(cString: entry.pointee.ifa_name)
      if ["docker", "veth", "br-", "virbr", "lxc", "cni", "flannel", "tun", "tap"].contains(
        where: name.hasPrefix)
      {
        continue
      }
      var text = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
      let ok = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { v4 in
        var raw = v4.pointee.sin_addr
        return inet_ntop(AF_INET, &raw, &text, socklen_t(INET_ADDRSTRLEN)) != nil
      }
      guard ok else { continue }
      let string = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
      if name.hasPrefix("e") || name.hasPrefix("w") { physical.append(string) } else { other.append(string) }
    }
    return physical + other
  }
}

/// What a participant types: `ssh -p 2222 atelier@192.168.1.20` (no `-p` on port 22).
public func connectCommand(user: String, host: String, port: Int) -> String {
  port == 22 ? "ssh \(user)@\(host)" : "ssh -p \(port) \(user)@\(host)"
}
