package io.testabort.crash.json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one JSON document from UTF-8 bytes into {@link Json}'s tree, as Python's {@code json.loads} does:
 * {@code NaN}, {@code Infinity} and {@code -Infinity} are numbers, a later duplicate key wins, escapes
 * may leave a lone surrogate, raw control characters in strings and invalid UTF-8 are errors.
 *
 * <p>Written by hand rather than with jackson-core, which report-tools still uses for its streamed
 * passes over big reports: the agent reads markers and crash logs through this class, and every JVM
 * that loads the agent pays for each entry of its jar while the JVM starts (the class path indexes the
 * jar's entries in interpreted code). jackson-core's 215 entries cost a hello-world JVM ~4 ms of CPU and
 * ~6 ms of wall time, measured with the agent jar's entries under a do-nothing premain
 * (docs/performance-history.md). One pass over the bytes: an 80 MB pytest-json-report reads in about
 * the time jackson's parser took to build the same tree (220-450 ms against 240-520 ms, five parses
 * each, one JVM each).
 */
final class JsonReader {
  /** Deeper documents are refused rather than risking the stack: pytest's reports nest a dozen deep. */
  static final int MAX_DEPTH = 1_000;

  private final byte[] in;
  private final int end;
  private int pos;
  /** The characters of a string that needs decoding or unescaping, up to {@link #length}; reused. */
  private char[] chars = new char[256];
  private int length;
  /**
   * Member names seen, by a hash of their bytes: reports repeat the same few names for every test, and
   * a name seen before costs no new String.
   */
  private final String[] names = new String[512];

  private JsonReader(byte[] in) {
    this.in = in;
    this.end = in.length;
    // a UTF-8 byte order mark, as Python's json.loads skips on bytes
    if (end >= 3 && (in[0] & 0xff) == 0xEF && (in[1] & 0xff) == 0xBB && (in[2] & 0xff) == 0xBF) {
      pos = 3;
    }
  }

  /** The document's one value; whitespace may follow it, anything else is an error. */
  static Object read(byte[] utf8) throws IOException {
    JsonReader r = new JsonReader(utf8);
    r.skipWhitespace();
    if (r.pos == r.end) {
      throw new IOException("empty, no JSON value");
    }
    Object value = r.value(0);
    r.skipWhitespace();
    if (r.pos != r.end) {
      throw r.error("unexpected content after the JSON value");
    }
    return value;
  }

  private Object value(int depth) throws IOException {
    if (pos == end) {
      throw error("unexpected end of input");
    }
    byte b = in[pos];
    switch (b) {
      case '{':
        return object(depth + 1);
      case '[':
        return array(depth + 1);
      case '"':
        return string();
      case 't':
        literal("true");
        return Boolean.TRUE;
      case 'f':
        literal("false");
        return Boolean.FALSE;
      case 'n':
        literal("null");
        return null;
      case 'N':
        literal("NaN");
        return new JsonNumber("NaN");
      case 'I':
        literal("Infinity");
        return new JsonNumber("Infinity");
      default:
        if (b == '-' || (b >= '0' && b <= '9')) {
          return number();
        }
        throw error("unexpected character " + describe(b));
    }
  }

  private Map<String, Object> object(int depth) throws IOException {
    Map<String, Object> map = new LinkedHashMap<>();
    if (open(depth, '}')) {
      return map;
    }
    do {
      if (pos == end || in[pos] != '"') {
        throw error(pos == end ? "unexpected end of input" : "expected a quoted name, found " + describe(in[pos]));
      }
      String name = name();
      skipWhitespace();
      expect(':');
      skipWhitespace();
      map.put(name, value(depth));
    } while (!next('}'));
    return map;
  }

  private List<Object> array(int depth) throws IOException {
    List<Object> list = new ArrayList<>();
    if (open(depth, ']')) {
      return list;
    }
    do {
      list.add(value(depth));
    } while (!next(']'));
    return list;
  }

  /** Steps over an object's or array's opening bracket; whether it closes at once ({@code {}}, {@code []}). */
  private boolean open(int depth, char close) throws IOException {
    if (depth > MAX_DEPTH) {
      throw error("nested deeper than " + MAX_DEPTH + " levels");
    }
    pos++;
    skipWhitespace();
    if (pos < end && in[pos] == close) {
      pos++;
      return true;
    }
    return false;
  }

  /** After a member or an element: true at the closing bracket, false after a comma (and the space after it). */
  private boolean next(char close) throws IOException {
    skipWhitespace();
    if (pos < end && in[pos] == ',') {
      pos++;
      skipWhitespace();
      return false;
    }
    if (pos < end && in[pos] == close) {
      pos++;
      return true;
    }
    throw error(pos == end ? "unexpected end of input" : "expected ',' or '" + close + "', found " + describe(in[pos]));
  }

  /** JSON's number grammar, kept as text; a leading minus may also start {@code -Infinity}. */
  private JsonNumber number() throws IOException {
    int start = pos;
    if (in[pos] == '-') {
      pos++;
      if (pos < end && in[pos] == 'I') {
        literal("Infinity");
        return new JsonNumber("-Infinity");
      }
    }
    if (pos < end && in[pos] == '0') {
      pos++;
    } else if (!digits()) {
      throw error("invalid number");
    }
    if (pos < end && in[pos] == '.') {
      pos++;
      if (!digits()) {
        throw error("invalid number: no digit after the decimal point");
      }
    }
    if (pos < end && (in[pos] == 'e' || in[pos] == 'E')) {
      pos++;
      if (pos < end && (in[pos] == '+' || in[pos] == '-')) {
        pos++;
      }
      if (!digits()) {
        throw error("invalid number: no digit in the exponent");
      }
    }
    return new JsonNumber(new String(in, start, pos - start, StandardCharsets.ISO_8859_1));
  }

  private boolean digits() {
    int start = pos;
    while (pos < end && in[pos] >= '0' && in[pos] <= '9') {
      pos++;
    }
    return pos > start;
  }

  /** A member name at {@code pos}: a plain ASCII one is shared with its earlier occurrences. */
  private String name() throws IOException {
    int start = pos + 1;
    int hash = 0;
    int i = start;
    for (; i < end; i++) {
      byte b = in[i];
      if (b == '"' || b == '\\' || b < 0x20) {
        break;
      }
      hash = 31 * hash + b;
    }
    if (i == end || in[i] != '"') {
      return string();
    }
    int size = i - start;
    int slot = (hash ^ hash >>> 16) & (names.length - 1);
    String known = names[slot];
    if (known != null && sameAscii(known, start, size)) {
      pos = i + 1;
      return known;
    }
    String name = new String(in, start, size, StandardCharsets.ISO_8859_1);
    names[slot] = name;
    pos = i + 1;
    return name;
  }

  private boolean sameAscii(String s, int from, int size) {
    if (s.length() != size) {
      return false;
    }
    for (int i = 0; i < size; i++) {
      if (s.charAt(i) != in[from + i]) {
        return false;
      }
    }
    return true;
  }

  /** A quoted string at {@code pos}; plain ASCII without escapes is copied in one step. */
  private String string() throws IOException {
    int start = ++pos;
    while (pos < end) {
      byte b = in[pos];
      if (b == '"') {
        pos++;
        return new String(in, start, pos - 1 - start, StandardCharsets.ISO_8859_1);
      }
      if (b == '\\' || b < 0x20) {
        // b < 0x20 is a control character or, as a signed byte, the start of a non-ASCII sequence
        break;
      }
      pos++;
    }
    // the slow way from the start: decoding, escapes, or the error
    pos = start;
    length = 0;
    while (true) {
      if (pos == end) {
        throw error("unterminated string");
      }
      byte b = in[pos];
      if (b == '"') {
        pos++;
        return new String(chars, 0, length);
      } else if (b == '\\') {
        escape();
      } else if (b >= 0x20) {
        // a run of plain ASCII, copied in one loop
        int runEnd = pos;
        while (runEnd < end && in[runEnd] >= 0x20 && in[runEnd] != '"' && in[runEnd] != '\\') {
          runEnd++;
        }
        room(runEnd - pos);
        for (; pos < runEnd; pos++) {
          chars[length++] = (char) in[pos];
        }
      } else if (b >= 0) {
        throw error("unescaped control character " + describe(b) + " in a string");
      } else {
        utf8Sequence();
      }
    }
  }

  private void escape() throws IOException {
    if (pos + 1 >= end) {
      throw error("unterminated string");
    }
    byte e = in[pos + 1];
    pos += 2;
    room(1);
    switch (e) {
      case '"': chars[length++] = '"'; break;
      case '\\': chars[length++] = '\\'; break;
      case '/': chars[length++] = '/'; break;
      case 'b': chars[length++] = '\b'; break;
      case 'f': chars[length++] = '\f'; break;
      case 'n': chars[length++] = '\n'; break;
      case 'r': chars[length++] = '\r'; break;
      case 't': chars[length++] = '\t'; break;
      case 'u':
        if (pos + 4 > end) {
          throw error("unterminated \\u escape");
        }
        int c = 0;
        for (int i = 0; i < 4; i++) {
          int d = Character.digit(in[pos + i], 16);
          if (d < 0) {
            throw error("invalid \\u escape");
          }
          c = c << 4 | d;
        }
        pos += 4;
        // a surrogate stays as it is: Python keeps a lone one, and a pair becomes its character by itself
        chars[length++] = (char) c;
        break;
      default:
        pos -= 1;
        throw error("invalid escape \\" + describe(e));
    }
  }

  /** One UTF-8 encoded character of 2 to 4 bytes at {@code pos}; overlong forms and surrogates are refused. */
  private void utf8Sequence() throws IOException {
    int b0 = in[pos] & 0xff;
    int size;
    int min;
    int cp;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      size = 2;
      min = 0x80;
      cp = b0 & 0x1F;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      size = 3;
      min = 0x800;
      cp = b0 & 0x0F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      size = 4;
      min = 0x10000;
      cp = b0 & 0x07;
    } else {
      throw error("invalid UTF-8 byte 0x" + Integer.toHexString(b0));
    }
    if (pos + size > end) {
      throw error("truncated UTF-8 sequence");
    }
    for (int i = 1; i < size; i++) {
      int b = in[pos + i] & 0xff;
      if ((b & 0xC0) != 0x80) {
        throw error("invalid UTF-8 sequence");
      }
      cp = cp << 6 | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      throw error("invalid UTF-8 sequence");
    }
    room(2);
    length += Character.toChars(cp, chars, length);
    pos += size;
  }

  /** Makes room for {@code n} more characters. */
  private void room(int n) {
    if (length + n > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + n));
    }
  }

  private void literal(String word) throws IOException {
    int n = word.length();
    if (pos + n > end) {
      throw error("unexpected end of input");
    }
    for (int i = 0; i < n; i++) {
      if (in[pos + i] != word.charAt(i)) {
        throw error("unexpected character " + describe(in[pos]));
      }
    }
    pos += n;
  }

  private void expect(char c) throws IOException {
    if (pos == end) {
      throw error("unexpected end of input");
    }
    if (in[pos] != c) {
      throw error("expected '" + c + "', found " + describe(in[pos]));
    }
    pos++;
  }

  private void skipWhitespace() {
    while (pos < end) {
      byte b = in[pos];
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return;
      }
      pos++;
    }
  }

  private static String describe(byte b) {
    int c = b & 0xff;
    return c >= 0x21 && c < 0x7f ? "'" + (char) c + "'" : String.format("0x%02x", c);
  }

  /** The problem, with the line and column (in bytes, from 1) where it was found. */
  private IOException error(String problem) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < pos && i < end; i++) {
      if (in[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new IOException(problem + " at line " + line + ", column " + (pos - lineStart + 1));
  }
}
