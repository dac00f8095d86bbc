import BilanBase

/// Text as a cell can hold it: Excel's length limit and XML-safe characters.
package enum CellText {
  /// Excel's limit on the text of one cell, in UTF-16 code units.
  package static let maximumLength = 32_767

  /// What replaces the end of a text that was cut.
  package static let truncationMarker = " […]"

  /// `text` cleaned by `TextSanitizer` (XML 1.0 cannot carry controls or
  /// noncharacters; NUL would also end the C string; newlines and tabs kept),
  /// and cut to `maximumLength` UTF-16 units with a visible marker.
  ///
  /// - Returns: the text to write and whether it was cut.
  package static func prepare(_ text: String) -> (text: String, truncated: Bool) {
    let cleaned = TextSanitizer.clean(text, keeping: .layout)
    guard cleaned.utf16.count > maximumLength else { return (cleaned, false) }
    let budget = maximumLength - truncationMarker.utf16.count
    var kept = Substring()
    var used = 0
    for character in cleaned {
      let size = character.utf16.count
      if used + size > budget { break }
      used += size
      kept.append(character)
    }
    return (String(kept) + truncationMarker, true)
  }
}
