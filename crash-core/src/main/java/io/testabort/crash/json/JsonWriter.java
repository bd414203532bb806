package io.testabort.crash.json;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The project's one JSON writer: Python's {@code json.dumps} layout ({@code ", "} and {@code ": "} on one
 * line; with an indent, {@code ","} and a newline per item), into a byte buffer that is reused after
 * {@link #reset()}. Crash records and reports are written ASCII-only ({@code ensure_ascii=True}, what the
 * pytest tools write); the agent's marker is written as UTF-8 ({@code ensure_ascii=False}), which keeps
 * a marker of CJK names within one page. Either way every control character, quote and backslash is
 * escaped, and a lone surrogate stays a lone {@code \\uXXXX} escape.
 *
 * <p>Because the agent writes its marker with it on every test event, it keeps its buffer across
 * {@link #reset()}, allocates no more than a short-lived copy of a plain string, and can tell how many
 * bytes a string takes before writing it ({@link #length}).
 */
public final class JsonWriter {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ELLIPSIS = "...".getBytes(StandardCharsets.US_ASCII);
  /** Strings up to this length take the bulk path when plain; a longer one is scanned once, in place. */
  private static final int PLAIN_MAX = 4096;
  /**
   * For each byte 0-127 of an ISO-8859-1 copy, whether it keeps a string off the bulk path: control
   * characters, DEL, quote, backslash and {@code ?}. One load a character instead of five comparisons,
   * which counts while the JVM still interprets the writer.
   */
  private static final boolean[] NOT_PLAIN = notPlain();

  private final boolean asciiOnly;
  private final int indent;
  private byte[] buf;
  private int len;
  /** Per open object/array: whether an item was written yet (index = depth). */
  private boolean[] hasItems = new boolean[16];
  private int depth;
  private boolean afterName;

  /** One line, ASCII only: Python's {@code json.dumps(value)}. */
  public static JsonWriter ascii() {
    return new JsonWriter(true, -1, 256);
  }

  /** One line, UTF-8: Python's {@code json.dumps(value, ensure_ascii=False)} encoded as UTF-8. */
  public static JsonWriter utf8(int capacity) {
    return new JsonWriter(false, -1, capacity);
  }

  /** ASCII only and indented like Python's {@code json.dumps(value, indent=n)}. */
  public static JsonWriter asciiIndented(int indent) {
    return new JsonWriter(true, indent, 256);
  }

  private JsonWriter(boolean asciiOnly, int indent, int capacity) {
    this.asciiOnly = asciiOnly;
    this.indent = indent;
    this.buf = new byte[Math.max(16, capacity)];
  }

  /** Empties the writer, keeping its buffer. */
  public JsonWriter reset() {
    len = 0;
    depth = 0;
    afterName = false;
    return this;
  }

  /** The bytes written so far; valid up to {@link #size()}, until the next write. */
  public byte[] buffer() {
    return buf;
  }

  public int size() {
    return len;
  }

  /** Forgets everything written after {@code size} (a {@link #size()} taken at the same depth). */
  public void truncate(int size) {
    len = size;
  }

  public byte[] toByteArray() {
    byte[] out = new byte[len];
    System.arraycopy(buf, 0, out, 0, len);
    return out;
  }

  /** The text written (ASCII for an ASCII-only writer). */
  @Override
  public String toString() {
    return new String(buf, 0, len, asciiOnly ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
  }

  public JsonWriter beginObject() {
    return open('{');
  }

  public JsonWriter endObject() {
    return close('}');
  }

  public JsonWriter beginArray() {
    return open('[');
  }

  public JsonWriter endArray() {
    return close(']');
  }

  /** A member name; its value comes next. */
  public JsonWriter name(String name) {
    item();
    string(name, Integer.MAX_VALUE);
    ensure(2);
    buf[len++] = ':';
    buf[len++] = ' ';
    afterName = true;
    return this;
  }

  /** A member name escaped once, for a caller that writes the same names over and over. */
  public static final class Name {
    final byte[] quoted;

    private Name(byte[] quoted) {
      this.quoted = quoted;
    }
  }

  /** {@code name}, quoted and escaped now; ASCII only, where both writers write the same bytes. */
  public static Name nameOf(String name) {
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) > 0x7e) {
        throw new IllegalArgumentException("not an ASCII name: " + name);
      }
    }
    JsonWriter w = ascii();
    w.string(name, Integer.MAX_VALUE);
    return new Name(w.toByteArray());
  }

  /** A member name escaped beforehand ({@link #nameOf}): the bytes {@link #name(String)} writes, copied. */
  public JsonWriter name(Name name) {
    item();
    byte[] quoted = name.quoted;
    ensure(quoted.length + 2);
    System.arraycopy(quoted, 0, buf, len, quoted.length);
    len += quoted.length;
    buf[len++] = ':';
    buf[len++] = ' ';
    afterName = true;
    return this;
  }

  /** A string, or null. */
  public JsonWriter value(String s) {
    return s == null ? nullValue() : value(s, Integer.MAX_VALUE);
  }

  /**
   * A string whose escaped content takes at most {@code maxBytes} bytes: a longer one is cut at a
   * character boundary and ends in {@code ...}. A null is written as {@code null}.
   */
  public JsonWriter value(String s, int maxBytes) {
    if (s == null) {
      return nullValue();
    }
    item();
    string(s, maxBytes);
    return this;
  }

  public JsonWriter value(long n) {
    item();
    ascii(Long.toString(n));
    return this;
  }

  public JsonWriter value(boolean b) {
    item();
    ascii(b ? "true" : "false");
    return this;
  }

  public JsonWriter nullValue() {
    item();
    ascii("null");
    return this;
  }

  /** A number given as its JSON text (e.g. read from a file), written as is. */
  public JsonWriter numberText(String text) {
    item();
    ascii(text);
    return this;
  }

  /**
   * Members rendered earlier by a writer of the same kind: an object's content without its braces,
   * added to the object being written.
   */
  public JsonWriter rawMembers(byte[] members) {
    if (members.length == 0) {
      return this;
    }
    item();
    return copy(members, 0, members.length);
  }

  /** A value rendered earlier ({@code json[from, to)} is one JSON value, whitespace allowed after it). */
  public JsonWriter rawValue(byte[] json, int from, int to) {
    item();
    return copy(json, from, to);
  }

  /** Bytes appended as they are: whitespace, or the rest of a value begun with {@link #rawValue}. */
  public JsonWriter raw(byte[] json, int from, int to) {
    return copy(json, from, to);
  }

  private JsonWriter copy(byte[] json, int from, int to) {
    ensure(to - from);
    System.arraycopy(json, from, buf, len, to - from);
    len += to - from;
    return this;
  }

  /**
   * A tree value: {@link Map} (object, keys as strings), {@link List}, {@link String}, {@link Boolean},
   * {@link JsonNumber} (its text), other {@link Number}s (floats as Python prints them), or null.
   */
  public JsonWriter value(Object v) {
    if (v == null) {
      return nullValue();
    } else if (v instanceof String) {
      return value((String) v);
    } else if (v instanceof Boolean) {
      return value(((Boolean) v).booleanValue());
    } else if (v instanceof JsonNumber) {
      return numberText(((JsonNumber) v).text());
    } else if (v instanceof Double || v instanceof Float) {
      return numberText(Json.pythonFloat(((Number) v).doubleValue()));
    } else if (v instanceof Number) {
      return numberText(v.toString());
    } else if (v instanceof Map) {
      beginObject();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        name(String.valueOf(e.getKey()));
        value(e.getValue());
      }
      return endObject();
    } else if (v instanceof List) {
      beginArray();
      for (Object item : (List<?>) v) {
        value(item);
      }
      return endArray();
    }
    throw new IllegalArgumentException("not a JSON value: " + v.getClass().getName());
  }

  /** Bytes {@code s} takes as the content of a JSON string of this writer (quotes not counted). */
  public int length(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int w = width(c);
      if (w == 4) { // a valid surrogate pair: 4 UTF-8 bytes for both chars
        i++;
      } else if (w == 0) {
        w = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)) ? 4 : 6;
        if (w == 4) {
          i++;
        }
      }
      n += w;
    }
    return n;
  }

  private JsonWriter open(char c) {
    item();
    ensure(1);
    buf[len++] = (byte) c;
    if (++depth == hasItems.length) {
      hasItems = java.util.Arrays.copyOf(hasItems, depth * 2);
    }
    hasItems[depth] = false;
    return this;
  }

  private JsonWriter close(char c) {
    if (hasItems[depth]) {
      newline(depth - 1);
    }
    depth--;
    ensure(1);
    buf[len++] = (byte) c;
    return this;
  }

  /** Before a value or name: the separator from the previous item, the newline and indent. */
  private void item() {
    if (afterName) {
      afterName = false;
      return;
    }
    if (depth == 0) {
      return;
    }
    if (hasItems[depth]) {
      ensure(2);
      buf[len++] = ',';
      if (indent < 0) {
        buf[len++] = ' ';
      }
    }
    hasItems[depth] = true;
    newline(depth);
  }

  private void newline(int level) {
    if (indent >= 0) {
      ensure(1 + indent * level);
      buf[len++] = '\n';
      for (int i = indent * level; i > 0; i--) {
        buf[len++] = ' ';
      }
    }
  }

  private void ascii(String s) {
    ensure(s.length());
    for (int i = 0; i < s.length(); i++) {
      buf[len++] = (byte) s.charAt(i);
    }
  }

  /**
   * Bytes of {@code c} alone: 1 to 3, 2 for a short escape, 6 for a {@code \\uXXXX}; 4 marks the first
   * char of a surrogate pair written raw (UTF-8 only), 0 a surrogate whose partner decides.
   */
  private int width(char c) {
    if (c >= 0x20 && c < 0x7f) {
      return c == '"' || c == '\\' ? 2 : 1;
    }
    switch (c) {
      case '\n': case '\r': case '\t': case '\b': case '\f':
        return 2;
      default:
        break;
    }
    if (c < 0x20 || asciiOnly && c > 0x7e) {
      return 6;
    }
    if (c == 0x7f) {
      return 1; // DEL: ASCII, raw in UTF-8 as in Python's ensure_ascii=False
    }
    if (c < 0x800) {
      return 2;
    }
    if (Character.isSurrogate(c)) {
      return 0;
    }
    return 3;
  }

  /** Writes {@code "s"}, cutting the content at {@code maxBytes} (then ending in {@code ...}). */
  private void string(String s, int maxBytes) {
    int n = s.length();
    int limit = Math.max(ELLIPSIS.length, maxBytes);
    if (n > limit || n > PLAIN_MAX || !plain(s, n)) {
      escaped(s, n, limit);
    }
  }

  /**
   * The same, character by character: escapes, encodings and the cut. Apart from {@link #string} so
   * that a JIT compiling the common plain path does not compile this one with it.
   */
  private void escaped(String s, int n, int limit) {
    ensure((int) Math.min(2L + 6L * n, 2L + limit));
    buf[len++] = '"';
    int start = len;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
        if (len - start + 1 > limit) {
          cut(start, limit);
          break;
        }
        buf[len++] = (byte) c;
        continue;
      }
      boolean pair = Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1));
      int w = pair ? (asciiOnly ? 12 : 4) : width(c) == 0 ? 6 : width(c);
      if (len - start + w > limit) {
        cut(start, limit);
        break;
      }
      if (pair && !asciiOnly) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        buf[len++] = (byte) (0xf0 | cp >> 18);
        buf[len++] = (byte) (0x80 | (cp >> 12) & 0x3f);
        buf[len++] = (byte) (0x80 | (cp >> 6) & 0x3f);
        buf[len++] = (byte) (0x80 | cp & 0x3f);
      } else if (pair) {
        unicodeEscape(c);
        unicodeEscape(s.charAt(++i));
      } else {
        escapeOrEncode(c, w);
      }
    }
    ensure(1);
    buf[len++] = '"';
  }

  /**
   * Writes {@code "s"} when every character is printable ASCII other than a quote, a backslash and
   * {@code ?}; false, having written nothing, otherwise. One bulk copy out of the string and a scan of
   * bytes: the agent renders its marker while the JVM still interprets it, where a {@code charAt} per
   * character (a call chain, not an intrinsic) made this writer the larger part of the marker's cost per
   * test (cold 5,000-test JUnit 4 run). An ISO-8859-1 encoding keeps the content for a Latin-1 string
   * and turns anything beyond into {@code ?}, hence the slow path for a real {@code ?}.
   */
  private boolean plain(String s, int n) {
    byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
    for (int i = 0; i < n; i++) {
      byte c = b[i];
      if (c < 0 || NOT_PLAIN[c]) {
        return false; // bytes past 0x7f are negative
      }
    }
    ensure(n + 2);
    buf[len++] = '"';
    System.arraycopy(b, 0, buf, len, n);
    len += n;
    buf[len++] = '"';
    return true;
  }

  private static boolean[] notPlain() {
    boolean[] table = new boolean[128];
    for (int c = 0; c < 0x20; c++) {
      table[c] = true;
    }
    table[0x7f] = true;
    table['"'] = true;
    table['\\'] = true;
    table['?'] = true;
    return table;
  }

  /** The content would pass {@code maxBytes}: drops characters so that {@code ...} fits, and writes it. */
  private void cut(int start, int maxBytes) {
    // back off to leave room for "...", never inside an escape or a multi-byte character
    int room = maxBytes - ELLIPSIS.length;
    while (len - start > room) {
      len = start + lastCharStart(start, len);
    }
    ensure(ELLIPSIS.length);
    System.arraycopy(ELLIPSIS, 0, buf, len, ELLIPSIS.length);
    len += ELLIPSIS.length;
  }

  /** Offset (from {@code start}) of the last whole character or escape written before {@code end}. */
  private int lastCharStart(int start, int end) {
    int i = end - 1;
    // a \\uXXXX escape, or a two-char escape
    if (i - 5 >= start && buf[i - 5] == '\\' && buf[i - 4] == 'u' && !escapedBackslash(start, i - 5)) {
      return i - 5 - start;
    }
    if (i - 1 >= start && buf[i - 1] == '\\' && !escapedBackslash(start, i - 1)) {
      return i - 1 - start;
    }
    while (i > start && (buf[i] & 0xc0) == 0x80) { // UTF-8 continuation bytes
      i--;
    }
    return i - start;
  }

  /** Whether the backslash at {@code at} is itself the second half of an escaped backslash. */
  private boolean escapedBackslash(int start, int at) {
    int n = 0;
    for (int i = at - 1; i >= start && buf[i] == '\\'; i--) {
      n++;
    }
    return n % 2 == 1;
  }

  private void escapeOrEncode(char c, int width) {
    switch (c) {
      case '"':
        buf[len++] = '\\';
        buf[len++] = '"';
        return;
      case '\\':
        buf[len++] = '\\';
        buf[len++] = '\\';
        return;
      case '\n':
        buf[len++] = '\\';
        buf[len++] = 'n';
        return;
      case '\r':
        buf[len++] = '\\';
        buf[len++] = 'r';
        return;
      case '\t':
        buf[len++] = '\\';
        buf[len++] = 't';
        return;
      case '\b':
        buf[len++] = '\\';
        buf[len++] = 'b';
        return;
      case '\f':
        buf[len++] = '\\';
        buf[len++] = 'f';
        return;
      default:
        break;
    }
    if (width == 1) {
      buf[len++] = (byte) c;
    } else if (width == 6) {
      unicodeEscape(c);
    } else if (width == 2) {
      buf[len++] = (byte) (0xc0 | c >> 6);
      buf[len++] = (byte) (0x80 | c & 0x3f);
    } else {
      buf[len++] = (byte) (0xe0 | c >> 12);
      buf[len++] = (byte) (0x80 | (c >> 6) & 0x3f);
      buf[len++] = (byte) (0x80 | c & 0x3f);
    }
  }

  private void unicodeEscape(char c) {
    buf[len++] = '\\';
    buf[len++] = 'u';
    buf[len++] = HEX[c >> 12];
    buf[len++] = HEX[(c >> 8) & 0xf];
    buf[len++] = HEX[(c >> 4) & 0xf];
    buf[len++] = HEX[c & 0xf];
  }

  private void ensure(int more) {
    if (len + more > buf.length) {
      int size = buf.length;
      while (size < len + more) {
        size = size > (Integer.MAX_VALUE >> 1) ? Integer.MAX_VALUE - 8 : size * 2;
      }
      buf = java.util.Arrays.copyOf(buf, size);
    }
  }
}
