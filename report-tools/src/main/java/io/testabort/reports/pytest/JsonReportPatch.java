package io.testabort.reports.pytest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.testabort.crash.BadInputException;
import io.testabort.crash.json.Json;
import io.testabort.crash.json.JsonNumber;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One streamed pass over a pytest-json-report file that writes it back the way {@link Json#write}
 * would (one line, {@code ", "} and {@code ": "}, ASCII escapes, numbers as written) into a temp
 * file, while learning which node ids {@code tests} already holds and the collected line of each
 * crashed one. What depends on the whole file ({@code exitcode}, {@code summary}, the new entries at
 * the end of {@code tests}) is left as a hole and filled in when the temp file is joined into the
 * report. Only {@code summary} (a handful of counts) is ever held as a tree.
 */
final class JsonReportPatch {
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .streamReadConstraints(
              StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).maxNestingDepth(1_000).build())
          .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
          .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
          .build();

  private final Path report;
  /** Crashed node ids not seen in {@code tests} yet. */
  private final Map<String, Boolean> missing = new LinkedHashMap<>();
  /** Collected line of a crashed node id, the first the collectors show. */
  private final Map<String, Long> linenos = new HashMap<>();
  private Map<String, Object> summary;
  private long exitcodeHole = -1;
  private long summaryHole = -1;
  private long testsHole = -1;
  private boolean testsWereEmpty;

  private Writer out;
  private long written;

  /** Another id a report may show a crashed node id under (pytest-abort's form of it) -> that node id. */
  private final Map<String, String> aliases = new HashMap<>();

  JsonReportPatch(Path report, List<String> nodeids) {
    this(report, nodeids, Map.of());
  }

  JsonReportPatch(Path report, List<String> nodeids, Map<String, String> aliases) {
    this.report = report;
    for (String id : nodeids) {
      missing.put(id, Boolean.TRUE);
    }
    this.aliases.putAll(aliases);
  }

  /** Copies the report into {@code body}; returns the node ids it does not show yet, in order. */
  List<String> copy(Path body) throws IOException, BadInputException {
    try (Reader in = strictUtf8(report);
        JsonParser p = FACTORY.createParser(in);
        Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(body), StandardCharsets.US_ASCII), 1 << 16)) {
      out = w;
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw notAReport();
      }
      copyDocument(p);
      if (p.nextToken() != null) {
        throw new BadInputException(report, "invalid JSON: unexpected content after the JSON value at " + where(p));
      }
    } catch (JsonProcessingException e) {
      throw new BadInputException(report, "invalid JSON: " + e.getOriginalMessage().split("\n", 2)[0]
          + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()), e);
    } catch (CharacterCodingException e) {
      throw new BadInputException(report, "invalid UTF-8: a pytest-json-report is UTF-8 JSON", e);
    }
    if (summary == null || testsHole < 0) {
      throw notAReport();
    }
    return new ArrayList<>(missing.keySet());
  }

  /**
   * The report's characters, refusing bytes that are not UTF-8. With field names not canonicalized
   * ({@link #FACTORY}), Jackson reads a byte stream through a lenient reader, which would write U+FFFD
   * into the report in place of the bad bytes. A UTF-8 byte order mark is skipped, as Jackson skips it.
   */
  private static Reader strictUtf8(Path report) throws IOException {
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    Reader in = new BufferedReader(new InputStreamReader(Files.newInputStream(report), utf8), 1 << 16);
    try {
      in.mark(1);
      if (in.read() != '\uFEFF') {
        in.reset();
      }
      return in;
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  private BadInputException notAReport() {
    return new BadInputException(report, "not a pytest-json-report file (no \"tests\" list and \"summary\" object)");
  }

  private void copyDocument(JsonParser p) throws IOException, BadInputException {
    write("{");
    String sep = "";
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      write(sep);
      sep = ", ";
      write(Json.write(name));
      write(": ");
      if (name.equals("exitcode")) {
        exitcodeHole = written;
        copyValue(p); // replaced by 1 when a crash is added, whatever it was
        exitcodeEnd = written;
      } else if (name.equals("summary") && value == JsonToken.START_OBJECT) {
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) tree(p);
        summary = s;
        summaryHole = written;
      } else if (name.equals("tests") && value == JsonToken.START_ARRAY) {
        write("[");
        String itemSep = "";
        testsWereEmpty = true;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          write(itemSep);
          itemSep = ", ";
          testsWereEmpty = false;
          copyNoting(p, "nodeid", null);
        }
        testsHole = written;
        write("]");
      } else if (name.equals("collectors") && value == JsonToken.START_ARRAY) {
        write("[");
        String itemSep = "";
        while (p.nextToken() != JsonToken.END_ARRAY) {
          write(itemSep);
          itemSep = ", ";
          copyCollector(p);
        }
        write("]");
      } else {
        copyValue(p);
      }
    }
    documentEnd = written;
    write("}");
  }

  private long exitcodeEnd = -1;
  /** Where a missing {@code exitcode} goes: last, as a new key of Python's dict. */
  private long documentEnd = -1;

  /** A collector: its {@code result} items are copied noting each one's node id and line. */
  private void copyCollector(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      copyValue(p);
      return;
    }
    write("{");
    String sep = "";
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      write(sep);
      sep = ", ";
      write(Json.write(name));
      write(": ");
      if (name.equals("result") && value == JsonToken.START_ARRAY) {
        write("[");
        String itemSep = "";
        while (p.nextToken() != JsonToken.END_ARRAY) {
          write(itemSep);
          itemSep = ", ";
          copyNoting(p, "nodeid", "lineno");
        }
        write("]");
      } else {
        copyValue(p);
      }
    }
    write("}");
  }

  /**
   * Copies a value; when it is an object, notes its string {@code idField} (a test in {@code tests}),
   * or with {@code linenoField} the collected line of a crashed node id.
   */
  private void copyNoting(JsonParser p, String idField, String linenoField) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      copyValue(p);
      return;
    }
    String id = null;
    String lineno = null;
    write("{");
    String sep = "";
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      write(sep);
      sep = ", ";
      write(Json.write(name));
      write(": ");
      if (value == JsonToken.VALUE_STRING && name.equals(idField)) {
        id = p.getText();
      } else if (linenoField != null && value.isNumeric() && name.equals(linenoField)) {
        lineno = p.getText();
      }
      copyValue(p);
    }
    write("}");
    if (id == null) {
      return;
    }
    if (linenoField == null) {
      missing.remove(id);
      String crashed = aliases.get(id);
      if (crashed != null) {
        missing.remove(crashed);
      }
    } else if (lineno != null && missing.containsKey(id) && !linenos.containsKey(id)) {
      linenos.put(id, new JsonNumber(lineno).longValue());
    }
  }

  /** Copies the value at the current token, iteratively, in {@link Json#write}'s layout. */
  private void copyValue(JsonParser p) throws IOException {
    int depth = 0;
    boolean[] isArray = new boolean[1_002]; // the parser allows 1,000 levels
    boolean[] hasItem = new boolean[1_002];
    do {
      JsonToken t = p.currentToken();
      if (t == null) {
        throw new IOException("unexpected end of JSON");
      }
      if (t.isStructEnd()) {
        write(t == JsonToken.END_OBJECT ? "}" : "]");
        depth--;
        continue;
      }
      if (t == JsonToken.FIELD_NAME) {
        write(hasItem[depth] ? ", " : "");
        hasItem[depth] = true;
        write(Json.write(p.currentName()));
        write(": ");
        continue;
      }
      if (depth > 0 && isArray[depth]) {
        write(hasItem[depth] ? ", " : "");
        hasItem[depth] = true;
      }
      switch (t) {
        case START_OBJECT:
        case START_ARRAY:
          write(t == JsonToken.START_OBJECT ? "{" : "[");
          depth++;
          isArray[depth] = t == JsonToken.START_ARRAY;
          hasItem[depth] = false;
          break;
        case VALUE_STRING: write(Json.write(p.getText())); break;
        case VALUE_NUMBER_INT:
        case VALUE_NUMBER_FLOAT: write(p.getText()); break;
        case VALUE_TRUE: write("true"); break;
        case VALUE_FALSE: write("false"); break;
        case VALUE_NULL: write("null"); break;
        default: throw new IOException("unexpected JSON token " + t);
      }
    } while (depth > 0 && p.nextToken() != null);
    if (depth > 0) {
      throw new IOException("unexpected end of JSON");
    }
  }

  /** The current value as an ordered tree, as {@link Json#read} builds it (for the small summary). */
  private static Object tree(JsonParser p) throws IOException {
    switch (p.currentToken()) {
      case START_OBJECT:
        Map<String, Object> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          p.nextToken();
          map.put(key, tree(p));
        }
        return map;
      case START_ARRAY:
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(tree(p));
        }
        return list;
      case VALUE_STRING: return p.getText();
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT: return new JsonNumber(p.getText());
      case VALUE_TRUE: return Boolean.TRUE;
      case VALUE_FALSE: return Boolean.FALSE;
      case VALUE_NULL: return null;
      default: throw new IOException("unexpected JSON token " + p.currentToken());
    }
  }

  private void write(String s) throws IOException {
    out.write(s);
    written += s.length(); // ASCII only: one char, one byte
  }

  private static String where(JsonParser p) {
    return "line " + p.currentLocation().getLineNr() + ", column " + p.currentLocation().getColumnNr();
  }

  /** The summary as read, for the caller to count the new failures in. */
  Map<String, Object> summary() {
    return summary;
  }

  /** The collected line of a crashed node id, or pytest-abort's 1. */
  long lineno(String nodeid) {
    return linenos.getOrDefault(nodeid, 1L);
  }

  /** Writes the report: the copied body with exitcode 1, {@code summary} and the new tests put in their holes. */
  void join(Path body, OutputStream target, String summaryJson, List<String> newTests) throws IOException {
    try (FileChannel ch = FileChannel.open(body, StandardOpenOption.READ)) {
      List<long[]> holes = new ArrayList<>();
      List<String> fills = new ArrayList<>();
      if (exitcodeHole >= 0) {
        holes.add(new long[] {exitcodeHole, exitcodeEnd});
        fills.add("1");
      } else {
        holes.add(new long[] {documentEnd, documentEnd});
        fills.add(", \"exitcode\": 1");
      }
      holes.add(new long[] {summaryHole, summaryHole});
      fills.add(summaryJson);
      StringBuilder tests = new StringBuilder();
      String sep = testsWereEmpty ? "" : ", ";
      for (String t : newTests) {
        tests.append(sep).append(t);
        sep = ", ";
      }
      holes.add(new long[] {testsHole, testsHole});
      fills.add(tests.toString());
      // holes in file order
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < holes.size(); i++) {
        order.add(i);
      }
      order.sort((a, b) -> Long.compare(holes.get(a)[0], holes.get(b)[0]));
      long pos = 0;
      OutputStream nonClosing = new java.io.FilterOutputStream(target) {
        @Override public void write(byte[] b, int off, int len) throws IOException { out.write(b, off, len); }
        @Override public void close() throws IOException { out.flush(); }
      };
      for (int i : order) {
        long[] h = holes.get(i);
        copy(ch, pos, h[0], nonClosing);
        target.write(fills.get(i).getBytes(StandardCharsets.US_ASCII));
        pos = h[1];
      }
      copy(ch, pos, ch.size(), nonClosing);
    }
  }

  private static void copy(FileChannel ch, long from, long to, OutputStream out) throws IOException {
    ch.position(from);
    InputStream in = Channels.newInputStream(ch);
    byte[] buf = new byte[1 << 16];
    long left = to - from;
    while (left > 0) {
      int n = in.read(buf, 0, (int) Math.min(buf.length, left));
      if (n < 0) {
        throw new IOException("temp file shorter than written");
      }
      out.write(buf, 0, n);
      left -= n;
    }
  }
}
