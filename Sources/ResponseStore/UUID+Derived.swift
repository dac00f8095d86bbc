import BilanBase
import Foundation
import SurveyDefinition

extension UUID {
  /// A name-based UUID (RFC 9562 version 8, from SHA-256 of `name`): the same
  /// name always gives the same id, so re-importing a file without ids (CSV,
  /// Google Forms) adds nothing.
  package init(derivedFrom name: String) {
    var bytes = Array(ContentHash.bytes(of: name).prefix(16))
    bytes[6] = (bytes[6] & 0x0F) | 0x80
    bytes[8] = (bytes[8] & 0x3F) | 0x80
    self.init(
      uuid: (
        bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9],
        bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
      ))
  }
}
