/// One key press (or one paste) decoded from the terminal's input bytes.
public enum Key: Sendable, Hashable {
  /// A printable character (a whole grapheme cluster's first scalar is enough
  /// for commands; text fields receive the characters in order).
  case character(Character)
  /// Text pasted while bracketed paste was on: taken as literal text, never as commands.
  case paste(String)
  case enter
  /// Ctrl-Enter: a line feed alone (Ctrl-J, what many terminals send for
  /// Ctrl-Enter), or the `CSI 13;5u` / `CSI 27;5;13~` of terminals that
  /// report modified keys. Confirms a long text, where Enter starts a new line.
  case controlEnter
  case tab
  /// Shift-Tab (`ESC [ Z`).
  case backTab
  case up, down, left, right
  case home, end, pageUp, pageDown
  case backspace
  case delete
  /// Escape pressed alone (no sequence followed within the timeout).
  case escape
  /// Control with a letter, e.g. `.control("c")` for Ctrl-C (Enter, Tab and
  /// Backspace have their own cases).
  case control(Character)
}
