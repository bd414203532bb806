package io.testabort.reports.pytest.html;

import io.testabort.reports.pytest.CrashText;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a blob as the jackson chain of {@link BlobFile#writeBlob} writes it ({@link Json#generator}
 * with Python's separators, then {@link HtmlEscapingWriter}, then UTF-8), byte for byte, but straight
 * into a byte buffer: text that needs no escaping is copied in bulk from {@link FastBlobReader}.
 * Hand-written because the Writer stack (jackson, escaping writer, charset encoder) cost most of
 * sanitize's CPU on big reports (measured with JFR on the report of bench/big-report.sh). String
 * values in {@link #SANITIZED} mode also get {@link TextSanitizer}'s cleanup on the way.
 */
final class FastBlobWriter {
  /** How a string's characters are written. */
  static final int KEY = 0;
  static final int VALUE = 1;
  static final int SANITIZED = 2;

  private static final byte[] BR = "&lt;br/&gt;".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] AMP = "&amp;".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] LT = "&lt;".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] GT = "&gt;".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] HEX_UPPER = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] HEX_LOWER = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private final OutputStream out;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private final byte[] dquote;
  private final byte[] squote;
  private final boolean asciiOnly;

  /** Per open container: whether it holds an item already (then the next one needs ", "). */
  private boolean[] hasItems = new boolean[64];
  private int depth;
  private boolean afterKey;

  private int mode;
  private int pendingHigh;
  private boolean skipLf;
  /** True once {@link #SANITIZED} text changed something. */
  boolean changed;

  FastBlobWriter(OutputStream out, HtmlEscapingWriter.Style style, boolean asciiOnly) {
    this.out = out;
    this.dquote = style.dquote.getBytes(StandardCharsets.US_ASCII);
    this.squote = style.squote.getBytes(StandardCharsets.US_ASCII);
    this.asciiOnly = asciiOnly;
  }

  void startObject() throws IOException {
    beforeValue();
    put('{');
    push();
  }

  void endObject() throws IOException {
    put('}');
    depth--;
  }

  void startArray() throws IOException {
    beforeValue();
    put('[');
    push();
  }

  void endArray() throws IOException {
    put(']');
    depth--;
  }

  /** A number, true, false or null, as its ASCII text. */
  void scalar(byte[] text, int len) throws IOException {
    beforeValue();
    bytes(text, 0, len);
  }

  void scalar(String ascii) throws IOException {
    byte[] b = ascii.getBytes(StandardCharsets.US_ASCII);
    scalar(b, b.length);
  }

  /** Opens a string (a field name in {@link #KEY} mode, else a value); its text follows, then {@link #endString}. */
  void beginString(int mode) throws IOException {
    if (mode == KEY) {
      if (hasItems[depth]) {
        put(',');
        put(' ');
      }
      hasItems[depth] = true;
    } else {
      beforeValue();
    }
    this.mode = mode;
    bytes(dquote, 0, dquote.length);
  }

  void endString() throws IOException {
    settle();
    skipLf = false;
    bytes(dquote, 0, dquote.length);
    if (mode == KEY) {
      put(':');
      put(' ');
      afterKey = true;
    }
  }

  /** A whole string from Java text. */
  void string(String s, int mode) throws IOException {
    beginString(mode);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (FastBlobReader.PLAIN[c & 0xff] && c < 0x80) {
        settle();
        skipLf = false;
        put(c);
      } else {
        text(c);
      }
    }
    endString();
  }

  /** Bytes that are printable ASCII other than {@code "&'<>\} (see FastBlobReader.PLAIN): copied as they are. */
  void plain(byte[] src, int off, int len) throws IOException {
    if (pendingHigh != 0) {
      settle();
    }
    skipLf = false;
    bytes(src, off, len);
  }

  /**
   * Copies the plain bytes (see FastBlobReader.PLAIN) of {@code src} from {@code p}, up to {@code l} or
   * the first other byte; returns where it stopped. Scanning and copying in one loop beats a scan then
   * an arraycopy for the short runs between a log's escapes.
   */
  int plainRun(byte[] src, int p, int l) throws IOException {
    if (pendingHigh != 0) {
      settle();
    }
    skipLf = false;
    if (buf.length - pos < 256) {
      flush();
    }
    byte[] o = buf;
    int op = pos;
    int end = Math.min(l, p + (o.length - op));
    boolean[] plain = FastBlobReader.PLAIN;
    while (p < end) {
      byte c = src[p];
      if (!plain[c & 0xff]) {
        break;
      }
      o[op++] = c;
      p++;
    }
    pos = op;
    return p;
  }

  /** One character of string text: a code point, or one UTF-16 half of a pair (from a {@code \\u} escape). */
  void text(int c) throws IOException {
    if (pendingHigh != 0) {
      int high = pendingHigh;
      pendingHigh = 0;
      if (c >= 0xdc00 && c <= 0xdfff) {
        codePoint(Character.toCodePoint((char) high, (char) c));
        return;
      }
      codePoint(high);
    }
    if (c >= 0xd800 && c <= 0xdbff) {
      pendingHigh = c;
      return;
    }
    codePoint(c);
  }

  private void settle() throws IOException {
    if (pendingHigh != 0) {
      int high = pendingHigh;
      pendingHigh = 0;
      codePoint(high);
    }
  }

  private void codePoint(int cp) throws IOException {
    if (mode == SANITIZED) {
      if (skipLf) {
        skipLf = false;
        if (cp == '\n') {
          return;
        }
      }
      if (cp == '\r' || cp == '\n') {
        bytes(BR, 0, BR.length);
        skipLf = cp == '\r';
        changed = true;
        return;
      }
      if (cp == '\t') {
        put(' ');
        put(' ');
        changed = true;
        return;
      }
      if (CrashText.isCategoryC(cp)) {
        put(' ');
        changed = true;
        return;
      }
    } else if (cp < 0x20) {
      // jackson's escapes for control characters
      put('\\');
      switch (cp) {
        case '\b': put('b'); return;
        case '\t': put('t'); return;
        case '\n': put('n'); return;
        case '\f': put('f'); return;
        case '\r': put('r'); return;
        default: hex4(cp, HEX_UPPER); return;
      }
    } else if (cp >= 0xd800 && cp <= 0xdfff) {
      // a lone surrogate: jackson escapes it in ASCII mode, HtmlEscapingWriter (lower case) otherwise
      put('\\');
      hex4(cp, asciiOnly ? HEX_UPPER : HEX_LOWER);
      return;
    }
    switch (cp) {
      case '"': put('\\'); bytes(dquote, 0, dquote.length); return;
      case '\\': put('\\'); put('\\'); return;
      case '&': bytes(AMP, 0, AMP.length); return;
      case '<': bytes(LT, 0, LT.length); return;
      case '>': bytes(GT, 0, GT.length); return;
      case '\'': bytes(squote, 0, squote.length); return;
      default:
    }
    if (cp < 0x80) {
      put(cp);
    } else if (asciiOnly) {
      if (cp >= 0x10000) {
        put('\\');
        hex4(Character.highSurrogate(cp), HEX_UPPER);
        put('\\');
        hex4(Character.lowSurrogate(cp), HEX_UPPER);
      } else {
        put('\\');
        hex4(cp, HEX_UPPER);
      }
    } else {
      utf8(cp);
    }
  }

  private void hex4(int v, byte[] digits) throws IOException {
    put('u');
    put(digits[(v >> 12) & 0xf]);
    put(digits[(v >> 8) & 0xf]);
    put(digits[(v >> 4) & 0xf]);
    put(digits[v & 0xf]);
  }

  private void utf8(int cp) throws IOException {
    if (pos + 4 > buf.length) {
      flush();
    }
    byte[] b = buf;
    int p = pos;
    if (cp < 0x800) {
      b[p++] = (byte) (0xc0 | (cp >> 6));
    } else if (cp < 0x10000) {
      b[p++] = (byte) (0xe0 | (cp >> 12));
      b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
    } else {
      b[p++] = (byte) (0xf0 | (cp >> 18));
      b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
      b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
    }
    b[p++] = (byte) (0x80 | (cp & 0x3f));
    pos = p;
  }

  private void beforeValue() throws IOException {
    if (afterKey) {
      afterKey = false;
    } else if (depth > 0) {
      if (hasItems[depth]) {
        put(',');
        put(' ');
      }
      hasItems[depth] = true;
    }
  }

  private void push() {
    if (++depth == hasItems.length) {
      hasItems = java.util.Arrays.copyOf(hasItems, depth * 2);
    }
    hasItems[depth] = false;
  }

  /** An item of the current container written elsewhere (escaped already): separator, then the bytes. */
  void rawItem(byte[] b, int off, int len) throws IOException {
    if (hasItems[depth]) {
      put(',');
      put(' ');
    }
    hasItems[depth] = true;
    bytes(b, off, len);
  }

  private void put(int b) throws IOException {
    if (pos == buf.length) {
      flush();
    }
    buf[pos++] = (byte) b;
  }

  private void bytes(byte[] src, int off, int len) throws IOException {
    if (len > buf.length - pos) {
      flush();
      if (len >= buf.length) {
        out.write(src, off, len);
        return;
      }
    }
    System.arraycopy(src, off, buf, pos, len);
    pos += len;
  }

  void flush() throws IOException {
    out.write(buf, 0, pos);
    pos = 0;
  }
}
