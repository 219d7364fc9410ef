package io.wgdiag.parsers.text;

/**
 * Strings for ranges of a text, one instance for a text seen lately: a direct-mapped table of
 * {@code slots} strings keyed on the range's hash, where a range equal to the string in its slot is
 * handed back as that string and any other is cut from the text and takes the slot. Values that
 * repeat from row to row ({@code root}, {@code 0.0}, a host, {@code 1}) then cost one string each.
 * A hit compares characters, so the string returned always equals the range. Not thread-safe: one
 * per parse.
 */
public final class SharedText {
  private final String[] slots;
  private final int maxLength;

  /**
   * A table of {@code slots} strings (a power of two) for ranges of at most {@code maxLength}
   * characters; longer ranges rarely repeat and are always cut.
   */
  public SharedText(int slots, int maxLength) {
    if (slots <= 0 || Integer.bitCount(slots) != 1) {
      throw new IllegalArgumentException("slots must be a power of two, got " + slots);
    }
    this.slots = new String[slots];
    this.maxLength = maxLength;
  }

  /** Characters {@code [from, to)} of {@code text} as a string, the same instance as last time when seen. */
  public String get(String text, int from, int to) {
    int len = to - from;
    if (len > maxLength) {
      return text.substring(from, to);
    }
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + text.charAt(i);
    }
    int slot = (h ^ (h >>> 8) ^ (h >>> 16)) & (slots.length - 1);
    String hit = slots[slot];
    if (hit != null && hit.length() == len && text.startsWith(hit, from)) {
      return hit;
    }
    String made = text.substring(from, to);
    slots[slot] = made;
    return made;
  }
}
