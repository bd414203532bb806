package io.testabort.reports.junit;

import io.testabort.crash.BadInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * One pass over a JUnit XML report's bytes that keeps what a patch needs and nothing else: its suites
 * (their start tags and where they end) and, per test case, its names, what its children say (skipped,
 * error, failure, the console launcher's {@code unique-id:} line) and byte offsets. The text itself is not
 * kept: a 100 MB report costs what its test cases' names do, and the patch copies the bytes around its
 * edits from the file ({@link ReportEdits}).
 *
 * <p>Call only on a file a real parser has accepted: the scanner trusts the syntax. Names and attribute
 * values are UTF-8; bytes that are not are bad input.
 */
final class ReportScan {
  /** A {@code <testsuite>} or {@code <testsuites>}. */
  static final class Suite {
    final String name;
    /** The start tag's text, and its attributes decoded. */
    final String startTag;
    final Map<String, String> attributes;
    /** The start tag with the counts the patch sets (filled in by the patch). */
    String countedStartTag;
    final long start;
    final long startTagEnd;
    final Suite parent;
    long endTagStart;
    long end;
    /** The whitespace before the start tag on its line ("" when other text precedes it). */
    final String indent;
    /** Where the end tag's line starts, and whether only whitespace precedes the end tag there. */
    long endTagLineStart;
    boolean endTagOwnLine;
    String endTagIndent = "";
    /** The whitespace before the last child element's start tag on its line, or null without children. */
    String lastChildIndent;
    final List<Suite> suites = new ArrayList<>();
    final List<Case> cases = new ArrayList<>();

    Suite(String name, String startTag, Map<String, String> attributes, long start, long startTagEnd, Suite parent, String indent) {
      this.name = name;
      this.startTag = startTag;
      this.attributes = attributes;
      this.start = start;
      this.startTagEnd = startTagEnd;
      this.parent = parent;
      this.indent = indent;
    }

    boolean selfClosing() {
      return startTag.endsWith("/>");
    }
  }

  /** A {@code <testcase>}: its names, what its children say, and where it is. */
  static final class Case {
    final String classname;
    final String name;
    final Suite suite;
    final long start;
    long end;
    /** Where its line starts; whether only whitespace precedes it there, and follows it up to {@link #lineEnd}. */
    final long lineStart;
    final boolean blankBefore;
    boolean blankAfter;
    /** After the line break that ends its line, or the end of the file. */
    long lineEnd = -1;
    final String indent;
    boolean skipped;
    boolean error;
    boolean failure;
    /** The first {@code <error>}'s message and type. */
    String errorMessage;
    String errorType;
    /** The {@code unique-id:} line of its {@code <system-out>}, as the console launcher writes it; or null. */
    String uniqueId;

    Case(String classname, String name, Suite suite, long start, long lineStart, boolean blankBefore, String indent) {
      this.classname = classname;
      this.name = name;
      this.suite = suite;
      this.start = start;
      this.lineStart = lineStart;
      this.blankBefore = blankBefore;
      this.indent = indent;
    }
  }

  final Path file;
  /** The outermost element (a suite: anything else is not a JUnit XML report). */
  Suite root;
  /** The first {@code <testsuite>}, which a new test case joins when no suite of its class exists. */
  Suite firstSuite;
  final List<Case> cases = new ArrayList<>();

  private ReportScan(Path file) {
    this.file = file;
  }

  private static final int UNIQUE_ID_CAPTURE = 4096;
  private static final byte[] CDATA = bytes("<![CDATA[");
  private static final byte[] COMMENT = bytes("<!--");
  private static final byte[] PI = bytes("<?");
  private static final byte[] DECLARATION = bytes("<!");
  private static final byte[] END_TAG = bytes("</");

  /** Scans {@code file}, which must be well-formed XML. */
  static ReportScan of(Path file) throws BadInputException, IOException {
    ReportScan scan = new ReportScan(file);
    try (InputStream in = Files.newInputStream(file)) {
      scan.scan(new Bytes(in));
    }
    if (scan.root == null || scan.firstSuite == null) {
      throw new BadInputException(file, "not a JUnit XML report (no <testsuite>)");
    }
    return scan;
  }

  /** Open elements: a suite, a case, or null for anything else. */
  private final Deque<Object> open = new ArrayDeque<>();
  private long lineStart;
  private boolean lineBlank = true;
  /** The whitespace the current line starts with, while nothing else is on it. */
  private final StringBuilder lineIndent = new StringBuilder();
  /** The case whose end was the last thing seen on its line, until the line's end or more text. */
  private Case trailing;
  /** What the {@code <system-out>} of the open case holds so far, up to {@link #UNIQUE_ID_CAPTURE} bytes. */
  private ByteArrayOutputStream capture;

  private void scan(Bytes in) throws BadInputException, IOException {
    if (in.startsWith(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF})) {
      in.skip(3); // a UTF-8 byte order mark: copied as it is
      lineStart = 3;
    }
    int b;
    while ((b = in.peek()) >= 0) {
      if (b != '<') {
        in.read();
        text(b, in.pos() - 1);
        if (capture != null && capture.size() < UNIQUE_ID_CAPTURE) {
          capture.write(b);
        }
        continue;
      }
      long at = in.pos();
      if (in.startsWith(COMMENT)) {
        skipPast(in, "-->");
        noteOther();
      } else if (in.startsWith(CDATA)) {
        in.skip(CDATA.length);
        copyPast(in, "]]>", capture);
        noteOther();
      } else if (in.startsWith(PI)) {
        skipPast(in, "?>"); // a processing instruction may hold '>'
        noteOther();
      } else if (in.startsWith(DECLARATION)) {
        skipPast(in, ">");
        noteOther();
      } else if (in.startsWith(END_TAG)) {
        endTag(in, at);
      } else {
        startTag(in, at);
      }
    }
    if (trailing != null) {
      trailing.blankAfter = true;
      trailing.lineEnd = in.pos();
      trailing = null;
    }
  }

  /** A character of text at {@code at}: tracks lines, and whether the last case ends its line. */
  private void text(int b, long at) {
    if (b == '\n') {
      if (trailing != null) {
        trailing.blankAfter = true;
        trailing.lineEnd = at + 1;
        trailing = null;
      }
      lineStart = at + 1;
      lineBlank = true;
      lineIndent.setLength(0);
    } else if (b == ' ' || b == '\t') {
      if (lineBlank) {
        lineIndent.append((char) b);
      }
    } else if (b != '\r') {
      noteOther();
    }
  }

  /** Something other than whitespace on the line. */
  private void noteOther() {
    lineBlank = false;
    if (trailing != null) {
      trailing.blankAfter = false;
      trailing = null;
    }
  }

  private void startTag(Bytes in, long at) throws BadInputException, IOException {
    boolean blankBefore = lineBlank;
    long tagLineStart = lineStart;
    noteOther();
    byte[] tag = readTag(in);
    String text = decode(tag);
    boolean empty = text.endsWith("/>");
    String body = text.substring(1, text.length() - (empty ? 2 : 1));
    int nameEnd = 0;
    while (nameEnd < body.length() && !Character.isWhitespace(body.charAt(nameEnd))) {
      nameEnd++;
    }
    String name = body.substring(0, nameEnd);
    Object parent = open.peek();
    String indent = blankBefore ? lineIndent.toString() : "";
    if (parent instanceof Suite) {
      ((Suite) parent).lastChildIndent = indent;
    }
    Object element = null;
    if (name.equals("testsuite") || name.equals("testsuites")) {
      Suite suite = new Suite(name, text, XmlAttributes.of(body.substring(nameEnd)), at, in.pos(),
          parent instanceof Suite ? (Suite) parent : null, indent);
      if (root == null) {
        root = suite;
      } else if (parent instanceof Suite) {
        ((Suite) parent).suites.add(suite);
      }
      if (firstSuite == null && name.equals("testsuite")) {
        firstSuite = suite;
      }
      element = suite;
      if (empty) {
        suite.endTagStart = in.pos() - 2;
        suite.end = in.pos();
      }
    } else if (root == null) {
      throw new BadInputException(file, "not a JUnit XML report (no <testsuite>)");
    } else if (name.equals("testcase")) {
      Map<String, String> attributes = XmlAttributes.of(body.substring(nameEnd));
      Suite suite = parent instanceof Suite ? (Suite) parent : null;
      Case c = new Case(shared(attributes.get("classname")), attributes.get("name"), suite, at, tagLineStart, blankBefore,
          shared(indent));
      if (suite != null) {
        suite.cases.add(c);
      }
      cases.add(c);
      element = c;
      if (empty) {
        ended(c, in.pos());
      }
    } else if (parent instanceof Case) {
      Case c = (Case) parent;
      switch (name) {
        case "skipped":
          c.skipped = true;
          break;
        case "failure":
          c.failure = true;
          break;
        case "error":
          if (!c.error) {
            Map<String, String> attributes = XmlAttributes.of(body.substring(nameEnd));
            c.errorMessage = attributes.get("message");
            c.errorType = attributes.get("type");
          }
          c.error = true;
          break;
        case "system-out":
          if (!empty && c.uniqueId == null) {
            capture = new ByteArrayOutputStream();
          }
          break;
        default:
          break;
      }
    }
    if (!empty) {
      open.push(element == null ? NONE : element);
    }
  }

  private static final Object NONE = new Object();

  private void endTag(Bytes in, long at) throws BadInputException, IOException {
    boolean blankBefore = lineBlank;
    long tagLineStart = lineStart;
    noteOther();
    readTag(in);
    Object done = open.pop();
    if (done instanceof Suite) {
      Suite s = (Suite) done;
      s.endTagStart = at;
      s.end = in.pos();
      s.endTagOwnLine = blankBefore && tagLineStart > 0;
      s.endTagLineStart = tagLineStart;
      s.endTagIndent = blankBefore ? lineIndent.toString() : "";
    } else if (done instanceof Case) {
      ended((Case) done, in.pos());
    } else if (capture != null && open.peek() instanceof Case) {
      // the end of the case's <system-out>
      Case c = (Case) open.peek();
      c.uniqueId = uniqueIdLine(capture.toByteArray());
      capture = null;
    }
  }

  /** Test cases of one class share its name, and lines their indentation: one copy each. */
  private final Map<String, String> shared = new java.util.HashMap<>();

  private String shared(String s) {
    if (s == null) {
      return null;
    }
    String known = shared.putIfAbsent(s, s);
    return known != null ? known : s;
  }

  private void ended(Case c, long end) {
    c.end = end;
    trailing = c;
  }

  private static final byte[] UNIQUE_ID = bytes("\nunique-id: ");

  private String uniqueIdLine(byte[] out) throws BadInputException {
    int at = indexOf(out, UNIQUE_ID, 0);
    if (at < 0) {
      return null;
    }
    int from = at + UNIQUE_ID.length;
    int end = from;
    while (end < out.length && out[end] != '\n') {
      end++;
    }
    if (end == out.length && out.length >= UNIQUE_ID_CAPTURE) {
      return null; // cut short by the capture's size
    }
    return decode(java.util.Arrays.copyOfRange(out, from, end));
  }

  /** The bytes of a tag from its {@code <} to its {@code >}; quoted attribute values may hold {@code >}. */
  private static byte[] readTag(Bytes in) throws IOException {
    ByteArrayOutputStream tag = new ByteArrayOutputStream(128);
    int quote = 0;
    int b;
    while ((b = in.read()) >= 0) {
      tag.write(b);
      if (quote != 0) {
        if (b == quote) {
          quote = 0;
        }
      } else if (b == '"' || b == '\'') {
        quote = b;
      } else if (b == '>' && tag.size() > 1) {
        break;
      }
    }
    return tag.toByteArray();
  }

  private static void skipPast(Bytes in, String end) throws IOException {
    copyPast(in, end, null);
  }

  /** Reads up to and past {@code end}, copying what comes before it into {@code out} (while it has room). */
  private static void copyPast(Bytes in, String end, ByteArrayOutputStream out) throws IOException {
    byte[] e = bytes(end);
    int b;
    while ((b = in.peek()) >= 0) {
      if (b == e[0] && in.startsWith(e)) {
        in.skip(e.length);
        return;
      }
      in.read();
      if (out != null && out.size() < UNIQUE_ID_CAPTURE) {
        out.write(b);
      }
    }
  }

  private String decode(byte[] bytes) throws BadInputException {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new BadInputException(file, "not UTF-8 text", e);
    }
  }

  private static int indexOf(byte[] in, byte[] what, int from) {
    outer:
    for (int i = from; i <= in.length - what.length; i++) {
      for (int j = 0; j < what.length; j++) {
        if (in[i + j] != what[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** A buffered byte stream that knows its position and can look a few bytes ahead. */
  static final class Bytes {
    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private long consumed;

    Bytes(InputStream in) {
      this.in = in;
    }

    long pos() {
      return consumed + pos;
    }

    int peek() throws IOException {
      return fill(1) ? buf[pos] & 0xff : -1;
    }

    int read() throws IOException {
      return fill(1) ? buf[pos++] & 0xff : -1;
    }

    void skip(int n) throws IOException {
      for (int i = 0; i < n; i++) {
        read();
      }
    }

    boolean startsWith(byte[] prefix) throws IOException {
      if (!fill(prefix.length)) {
        return false;
      }
      for (int i = 0; i < prefix.length; i++) {
        if (buf[pos + i] != prefix[i]) {
          return false;
        }
      }
      return true;
    }

    /** Whether {@code n} bytes are available from {@code pos}, compacting and reading as needed. */
    private boolean fill(int n) throws IOException {
      if (limit - pos >= n) {
        return true;
      }
      if (pos > 0) {
        System.arraycopy(buf, pos, buf, 0, limit - pos);
        consumed += pos;
        limit -= pos;
        pos = 0;
      }
      while (limit < n) {
        int r = in.read(buf, limit, buf.length - limit);
        if (r < 0) {
          return false;
        }
        limit += r;
      }
      return true;
    }
  }
}
