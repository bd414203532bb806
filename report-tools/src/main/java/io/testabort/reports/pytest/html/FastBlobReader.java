package io.testabort.reports.pytest.html;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a blob's JSON tokens straight from the attribute's bytes (UTF-8, HTML-escaped), decoding
 * character references, UTF-8 and JSON escapes in one pass, and copies string text to a
 * {@link FastBlobWriter} in bulk runs. Hand-written because the decoding stack of {@link BlobFile#parse}
 * (charset decoder, {@link HtmlUnescapingReader}, jackson) cost most of sanitize's CPU on big reports
 * (measured with JFR on the report of bench/big-report.sh).
 *
 * <p>It only takes the common case: valid JSON, valid UTF-8, and the references the escapers write
 * ({@code &amp; &lt; &gt; &quot; &apos;} and numeric ones ending in {@code ;}). Anything else throws
 * {@link Unsupported} before it could differ from the jackson path, and the caller redoes the work
 * there (which also words the errors). The blob ends at the first raw byte that is its attribute quote.
 */
final class FastBlobReader {
  /** The fast path does not take this input; use the jackson path. */
  static final class Unsupported extends IOException {
    private static final long serialVersionUID = 1L;

    Unsupported(String why) {
      super(why);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this; // thrown as a signal, often: no stack trace needed
    }
  }

  static final int NONE = 0;
  static final int START_OBJECT = 1;
  static final int END_OBJECT = 2;
  static final int START_ARRAY = 3;
  static final int END_ARRAY = 4;
  static final int FIELD_NAME = 5;
  static final int STRING = 6;
  static final int SCALAR = 7;

  /** Printable ASCII that both the decoder and the escaper leave as it is. */
  static final boolean[] PLAIN = new boolean[256];

  static {
    for (int c = 0x20; c < 0x7f; c++) {
      PLAIN[c] = true;
    }
    for (char c : "\"&'<>\\".toCharArray()) {
      PLAIN[c] = false;
    }
  }

  /** End of the blob (its closing quote). */
  private static final int EOB = -1;
  /** A reference that stands for nothing (html.unescape drops it). */
  private static final int NOTHING = -2;

  private static final int ST_VALUE = 0;
  private static final int ST_KEY = 1;
  private static final int ST_COLON = 2;
  private static final int ST_AFTER = 3;
  private static final int MAX_DEPTH = 4096;

  private final InputStream in;
  private final int quote;
  private final byte[] buf = new byte[1 << 17];
  private int pos;
  private int lim;
  private boolean eof;
  /** Bytes dropped from the front of {@link #buf} so far. */
  private long consumedBefore;
  private int unitLen;

  private final boolean[] isObject = new boolean[MAX_DEPTH + 1];
  private int depth;
  private int state = ST_VALUE;
  private boolean emptyOk;
  private boolean pendingString;
  private final byte[] scalar = new byte[64];
  private int scalarLen;

  /** {@code in} starts right after the attribute's opening quote. */
  FastBlobReader(InputStream in, char quote) {
    this.in = in;
    this.quote = quote;
  }

  /** Bytes of the blob read so far, up to its closing quote once {@link #NONE} was returned. */
  long offset() {
    return consumedBefore + pos;
  }

  /** The next token, {@link #NONE} at the end of the blob. After FIELD_NAME or STRING, read or copy the text. */
  int nextToken() throws IOException {
    if (pendingString) {
      readString();
    }
    for (;;) {
      int c = skipBlanks();
      switch (state) {
        case ST_COLON:
          if (c != ':') {
            throw new Unsupported("expected ':'");
          }
          consume();
          state = ST_VALUE;
          continue;
        case ST_AFTER:
          if (depth == 0) {
            if (c == EOB) {
              return NONE;
            }
            throw new Unsupported("text after the JSON value");
          }
          if (c == ',') {
            consume();
            state = isObject[depth] ? ST_KEY : ST_VALUE;
            emptyOk = false;
            continue;
          }
          if (c == (isObject[depth] ? '}' : ']')) {
            consume();
            return close();
          }
          throw new Unsupported("expected ',' or a closing bracket");
        case ST_KEY:
          if (c == '}' && emptyOk) {
            consume();
            return close();
          }
          if (c != '"') {
            throw new Unsupported("expected a field name");
          }
          consume();
          pendingString = true;
          state = ST_COLON;
          return FIELD_NAME;
        default:
          return value(c);
      }
    }
  }

  private int value(int c) throws IOException {
    if (c == ']' && emptyOk && depth > 0 && !isObject[depth]) {
      consume();
      return close();
    }
    emptyOk = false;
    switch (c) {
      case '{':
      case '[':
        consume();
        if (++depth > MAX_DEPTH) {
          throw new Unsupported("deep nesting");
        }
        isObject[depth] = c == '{';
        state = c == '{' ? ST_KEY : ST_VALUE;
        emptyOk = true;
        return c == '{' ? START_OBJECT : START_ARRAY;
      case '"':
        consume();
        pendingString = true;
        state = ST_AFTER;
        return STRING;
      case 't':
        literal("true");
        return SCALAR;
      case 'f':
        literal("false");
        return SCALAR;
      case 'n':
        literal("null");
        return SCALAR;
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          number();
          return SCALAR;
        }
        throw new Unsupported("not a JSON value");
    }
  }

  private int close() {
    boolean object = isObject[depth];
    depth--;
    state = ST_AFTER;
    emptyOk = false;
    return object ? END_OBJECT : END_ARRAY;
  }

  /** The text of the last SCALAR token (a number as written, true, false, null): {@link #scalar()} bytes. */
  byte[] scalar() {
    return scalar;
  }

  int scalarLength() {
    return scalarLen;
  }

  private void literal(String word) throws IOException {
    scalarLen = 0;
    for (int i = 0; i < word.length(); i++) {
      if (peek() != word.charAt(i)) {
        throw new Unsupported("bad literal");
      }
      consume();
      scalar[scalarLen++] = (byte) word.charAt(i);
    }
    state = ST_AFTER;
  }

  /** JSON's number grammar; what follows is checked by the next token (a separator or bracket). */
  private void number() throws IOException {
    scalarLen = 0;
    int c = peek();
    if (c == '-') {
      take(c);
      c = peek();
    }
    if (c == '0') {
      take(c);
      c = peek();
    } else if (c >= '1' && c <= '9') {
      c = digits();
    } else {
      throw new Unsupported("bad number");
    }
    if (c == '.') {
      take(c);
      if (!isDigit(peek())) {
        throw new Unsupported("bad number");
      }
      c = digits();
    }
    if (c == 'e' || c == 'E') {
      take(c);
      c = peek();
      if (c == '+' || c == '-') {
        take(c);
        c = peek();
      }
      if (!isDigit(c)) {
        throw new Unsupported("bad number");
      }
      digits();
    }
    state = ST_AFTER;
  }

  private int digits() throws IOException {
    int c;
    while (isDigit(c = peek())) {
      take(c);
    }
    return c;
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  private void take(int c) throws IOException {
    if (scalarLen == scalar.length) {
      throw new Unsupported("long number");
    }
    scalar[scalarLen++] = (byte) c;
    consume();
  }

  /** The next unit after JSON blanks (not consumed). */
  private int skipBlanks() throws IOException {
    for (;;) {
      if (pos < lim) {
        int b = buf[pos];
        if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
          pos++;
          continue;
        }
      }
      int c = peek();
      if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
        consume();
        continue;
      }
      if (c == NOTHING) {
        consume();
        continue;
      }
      return c;
    }
  }

  /** Decodes the text of the pending string into Java text (as jackson would give it). */
  String readString() throws IOException {
    pendingString = false;
    StringBuilder b = new StringBuilder();
    for (;;) {
      int c = peek();
      if (c == EOB) {
        throw new Unsupported("blob ends inside a string");
      }
      consume();
      if (c == '"') {
        return b.toString();
      }
      if (c == '\\') {
        c = escape();
      }
      if (c >= 0) {
        b.appendCodePoint(c);
      }
    }
  }

  /** Copies the text of the pending string to {@code out} in the given mode (see FastBlobWriter). */
  void copyString(FastBlobWriter out, int mode) throws IOException {
    pendingString = false;
    out.beginString(mode);
    for (;;) {
      if (lim - pos < 16 && !eof) {
        fill();
      }
      byte[] b = buf;
      int p = pos;
      int l = lim;
      if (p < l && PLAIN[b[p] & 0xff]) {
        pos = out.plainRun(b, p, l);
        continue;
      }
      // the escapes and references a log is full of, read straight from the bytes
      if (p + 6 <= l) {
        int c = b[p];
        if (c == '\\') {
          int u = shortEscape(b, p + 1);
          if (u >= 0) {
            pos = p + unitLen;
            out.text(u);
            continue;
          }
        } else if (c == '&' && b[p + 1] == '#' && b[p + 2] == '3' && b[p + 3] == '4' && b[p + 4] == ';') {
          pos = p + 5;
          break;
        }
      }
      int c = peek();
      if (c == EOB) {
        throw new Unsupported("blob ends inside a string");
      }
      consume();
      if (c == '"') {
        break;
      }
      if (c == '\\') {
        c = escape();
      }
      if (c >= 0) {
        out.text(c);
      }
    }
    out.endString();
  }

  /**
   * The unit of the escape whose letter is at {@code b[p]} when it is written plainly ({@code \\n},
   * {@code \\u001b}, {@code \\&#34;}), setting {@link #unitLen} to its length; else -1. Needs 5 bytes.
   */
  private int shortEscape(byte[] b, int p) {
    int e = b[p];
    unitLen = 2;
    switch (e) {
      case 'n': return '\n';
      case 'r': return '\r';
      case 't': return '\t';
      case '\\': return '\\';
      case '/': return '/';
      case 'b': return '\b';
      case 'f': return '\f';
      case 'u': {
        int h1 = hex(b[p + 1]);
        int h2 = hex(b[p + 2]);
        int h3 = hex(b[p + 3]);
        int h4 = hex(b[p + 4]);
        if ((h1 | h2 | h3 | h4) < 0) {
          return -1; // e.g. a digit written as a reference: the general path reads it
        }
        unitLen = 6;
        return h1 << 12 | h2 << 8 | h3 << 4 | h4;
      }
      case '&':
        if (b[p + 1] == '#' && b[p + 2] == '3' && b[p + 3] == '4' && b[p + 4] == ';') {
          unitLen = 6;
          return '"';
        }
        return -1;
      default:
        return -1;
    }
  }

  /** A hex digit's value, or -1. */
  private static int hex(int c) {
    return c >= '0' && c <= '9' ? c - '0'
        : c >= 'a' && c <= 'f' ? c - 'a' + 10
        : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  }

  /** Copies the value that starts with {@code token} (a scalar or a whole object/array); strings in {@code mode}. */
  void copyValue(FastBlobWriter out, int token, int mode) throws IOException {
    int open = 0;
    for (int t = token; ; t = nextToken()) {
      switch (t) {
        case START_OBJECT: out.startObject(); open++; break;
        case END_OBJECT: out.endObject(); open--; break;
        case START_ARRAY: out.startArray(); open++; break;
        case END_ARRAY: out.endArray(); open--; break;
        case FIELD_NAME: copyString(out, FastBlobWriter.KEY); break;
        case STRING: copyString(out, mode); break;
        case SCALAR: out.scalar(scalar, scalarLen); break;
        default: throw new Unsupported("unexpected end");
      }
      if (open == 0) {
        return;
      }
    }
  }

  /** After a backslash: the escaped UTF-16 unit. */
  private int escape() throws IOException {
    int c = peek();
    consume();
    switch (c) {
      case '"':
      case '\\':
      case '/':
        return c;
      case 'b': return '\b';
      case 'f': return '\f';
      case 'n': return '\n';
      case 'r': return '\r';
      case 't': return '\t';
      case 'u': {
        int v = 0;
        for (int i = 0; i < 4; i++) {
          int h = peek();
          consume();
          int d = h >= '0' && h <= '9' ? h - '0'
              : h >= 'a' && h <= 'f' ? h - 'a' + 10
              : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
          if (d < 0) {
            throw new Unsupported("bad \\u escape");
          }
          v = v << 4 | d;
        }
        return v;
      }
      default:
        throw new Unsupported("bad escape");
    }
  }

  private void consume() {
    pos += unitLen;
  }

  /**
   * The decoded unit at the read position, not consumed ({@link #consume} does): a code point, EOB at
   * the closing quote, or NOTHING for a reference html.unescape drops.
   */
  private int peek() throws IOException {
    if (lim - pos < 16 && !eof) {
      fill();
    }
    if (pos >= lim) {
      throw new Unsupported("truncated blob");
    }
    int b = buf[pos] & 0xff;
    if (b == quote) {
      unitLen = 0;
      return EOB;
    }
    if (b < 0x80) {
      if (b == '&') {
        return reference();
      }
      unitLen = 1;
      return b;
    }
    return utf8(b);
  }

  /** A character reference of the kinds the escapers write; anything else is left to the jackson path. */
  private int reference() throws Unsupported {
    int p = pos + 1;
    int l = lim;
    if (p < l && buf[p] == '#') {
      p++;
      int radix = 10;
      if (p < l && (buf[p] == 'x' || buf[p] == 'X')) {
        radix = 16;
        p++;
      }
      int start = p;
      int value = 0;
      while (p < l && p - start < 7) {
        int c = buf[p];
        int d = c >= '0' && c <= '9' ? c - '0'
            : radix == 16 && c >= 'a' && c <= 'f' ? c - 'a' + 10
            : radix == 16 && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0) {
          break;
        }
        value = value * radix + d;
        p++;
      }
      if (p == start || p >= l || buf[p] != ';') {
        throw new Unsupported("unusual numeric reference");
      }
      unitLen = p + 1 - pos;
      int cp = HtmlUnescapingReader.numericCodePoint(value);
      return cp < 0 ? NOTHING : cp;
    }
    if (matches(p, 'a', 'm', 'p')) {
      return named(p + 3, '&');
    }
    if (matches(p, 'l', 't', ';')) {
      unitLen = 4;
      return '<';
    }
    if (matches(p, 'g', 't', ';')) {
      unitLen = 4;
      return '>';
    }
    if (matches(p, 'q', 'u', 'o') && p + 3 < l && buf[p + 3] == 't') {
      return named(p + 4, '"');
    }
    if (matches(p, 'a', 'p', 'o') && p + 3 < l && buf[p + 3] == 's') {
      return named(p + 4, '\'');
    }
    throw new Unsupported("unusual character reference");
  }

  private int named(int semicolon, int c) throws Unsupported {
    if (semicolon >= lim || buf[semicolon] != ';') {
      throw new Unsupported("reference without ';'");
    }
    unitLen = semicolon + 1 - pos;
    return c;
  }

  private boolean matches(int p, char a, char b, char c) {
    return p + 2 < lim && buf[p] == a && buf[p + 1] == b && buf[p + 2] == c;
  }

  /** A UTF-8 sequence as strictly as the JDK's decoder reads it; malformed input goes to the jackson path. */
  private int utf8(int b0) throws Unsupported {
    int p = pos;
    int l = lim;
    int cp;
    int n;
    int min2 = 0x80;
    int max2 = 0xbf;
    if (b0 >= 0xc2 && b0 <= 0xdf) {
      n = 2;
      cp = b0 & 0x1f;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
      n = 3;
      cp = b0 & 0x0f;
      if (b0 == 0xe0) {
        min2 = 0xa0;
      } else if (b0 == 0xed) {
        max2 = 0x9f;
      }
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      n = 4;
      cp = b0 & 0x07;
      if (b0 == 0xf0) {
        min2 = 0x90;
      } else if (b0 == 0xf4) {
        max2 = 0x8f;
      }
    } else {
      throw new Unsupported("malformed UTF-8");
    }
    if (p + n > l) {
      throw new Unsupported("truncated UTF-8");
    }
    int b1 = buf[p + 1] & 0xff;
    if (b1 < min2 || b1 > max2) {
      throw new Unsupported("malformed UTF-8");
    }
    cp = cp << 6 | (b1 & 0x3f);
    for (int i = 2; i < n; i++) {
      int bi = buf[p + i] & 0xff;
      if ((bi & 0xc0) != 0x80) {
        throw new Unsupported("malformed UTF-8");
      }
      cp = cp << 6 | (bi & 0x3f);
    }
    unitLen = n;
    return cp;
  }

  /** Moves what is left to the front and reads more; sets eof at the end of the stream. */
  private void fill() throws IOException {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, lim - pos);
      consumedBefore += pos;
      lim -= pos;
      pos = 0;
    }
    while (lim < buf.length && !eof) {
      int r = in.read(buf, lim, buf.length - lim);
      if (r < 0) {
        eof = true;
      } else {
        lim += r;
        if (lim - pos >= 16) {
          break;
        }
      }
    }
  }
}
