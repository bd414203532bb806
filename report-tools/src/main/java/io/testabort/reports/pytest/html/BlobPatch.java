package io.testabort.reports.pytest.html;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import io.testabort.crash.BadInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One pass over a blob that copies it, learns which crashed node ids it already shows, and appends a
 * result for each of the others at the end of {@code tests}; it also counts the entries for pages
 * whose static summary has to be rebuilt. Entries are found the way app.js finds them
 * ({@code Object.values(tests).flat()}): a list of results per key, a bare result object, or
 * {@code tests} as a plain list. A key shows a node id when it is the id or ends with {@code :id}.
 */
final class BlobPatch {
  /** Entries not seen yet, by node id. */
  private final Map<String, CrashEntry> missing = new LinkedHashMap<>();
  private final Path file;
  /** What the blob held before the patch. */
  final SummaryCounts counts = new SummaryCounts();
  /** The entries appended, in order. */
  final List<CrashEntry> added = new ArrayList<>();

  /** pytest-abort's id for a crash, where it differs from ours -> our node id ({@link CrashEntry#pytestAbortIds}). */
  private final Map<String, String> aliases = new HashMap<>();

  BlobPatch(List<CrashEntry> entries, Path file) {
    for (CrashEntry e : entries) {
      missing.putIfAbsent(e.nodeid, e);
      for (String alias : e.pytestAbortIds) {
        aliases.putIfAbsent(alias, e.nodeid);
      }
    }
    this.file = file;
  }

  /** A result's {@code testId} shows its node id, or the crash pytest-abort added under its own form of it. */
  private void seenTestId(String testId) {
    missing.remove(testId);
    String crashed = aliases.get(testId);
    if (crashed != null) {
      missing.remove(crashed);
    }
  }

  /** How many distinct entries are still to be added. */
  int pending() {
    return missing.size();
  }

  /** Copies the blob from {@code in} to {@code out} with the missing entries added. */
  void copy(JsonParser in, JsonGenerator out) throws IOException, BadInputException {
    if (in.nextToken() != JsonToken.START_OBJECT) {
      throw new BadInputException(file, "data-jsonblob is not a JSON object");
    }
    out.writeStartObject();
    boolean sawTests = false;
    while (Tokens.next(in) == JsonToken.FIELD_NAME) {
      String name = in.currentName();
      JsonToken value = Tokens.next(in);
      out.writeFieldName(name);
      if (!"tests".equals(name) || sawTests) {
        Tokens.copyValue(in, out);
        continue;
      }
      sawTests = true;
      if (value == JsonToken.START_OBJECT) {
        out.writeStartObject();
        while (Tokens.next(in) == JsonToken.FIELD_NAME) {
          String key = in.currentName();
          seenKey(key);
          out.writeFieldName(key);
          Tokens.next(in);
          resultOrList(in, out);
        }
        appendMissing(out, true);
        out.writeEndObject();
      } else if (value == JsonToken.START_ARRAY) {
        out.writeStartArray();
        while (Tokens.next(in) != JsonToken.END_ARRAY) {
          resultOrList(in, out);
        }
        appendMissing(out, false);
        out.writeEndArray();
      } else {
        throw new BadInputException(file, "data-jsonblob \"tests\" is neither an object nor a list");
      }
    }
    if (!sawTests) {
      out.writeObjectFieldStart("tests");
      appendMissing(out, true);
      out.writeEndObject();
    }
    out.writeEndObject();
    BlobSanitizer.expectEnd(in, file);
  }

  /** {@link #copy} on the byte path (FastBlobReader/FastBlobWriter, Jinja quoting, ASCII only); same bytes. */
  void copyFast(FastBlobReader in, FastBlobWriter out) throws IOException {
    if (in.nextToken() != FastBlobReader.START_OBJECT) {
      throw new FastBlobReader.Unsupported("not an object");
    }
    out.startObject();
    boolean sawTests = false;
    while (in.nextToken() == FastBlobReader.FIELD_NAME) {
      String name = in.readString();
      out.string(name, FastBlobWriter.KEY);
      int value = in.nextToken();
      if (!"tests".equals(name) || sawTests) {
        in.copyValue(out, value, FastBlobWriter.VALUE);
        continue;
      }
      sawTests = true;
      if (value == FastBlobReader.START_OBJECT) {
        out.startObject();
        while (in.nextToken() == FastBlobReader.FIELD_NAME) {
          if (missing.isEmpty()) {
            in.copyString(out, FastBlobWriter.KEY);
          } else {
            String key = in.readString();
            seenKey(key);
            out.string(key, FastBlobWriter.KEY);
          }
          resultOrList(in, out, in.nextToken());
        }
        appendMissing(out, true);
        out.endObject();
      } else if (value == FastBlobReader.START_ARRAY) {
        out.startArray();
        int t;
        while ((t = in.nextToken()) != FastBlobReader.END_ARRAY) {
          resultOrList(in, out, t);
        }
        appendMissing(out, false);
        out.endArray();
      } else {
        throw new FastBlobReader.Unsupported("tests is neither an object nor a list");
      }
    }
    if (!sawTests) {
      out.string("tests", FastBlobWriter.KEY);
      out.startObject();
      appendMissing(out, true);
      out.endObject();
    }
    out.endObject();
    if (in.nextToken() != FastBlobReader.NONE) {
      throw new FastBlobReader.Unsupported("text after the object");
    }
  }

  private void resultOrList(FastBlobReader in, FastBlobWriter out, int token) throws IOException {
    if (token == FastBlobReader.START_ARRAY) {
      out.startArray();
      int t;
      while ((t = in.nextToken()) != FastBlobReader.END_ARRAY) {
        if (t == FastBlobReader.START_OBJECT) {
          result(in, out);
        } else {
          in.copyValue(out, t, FastBlobWriter.VALUE);
        }
      }
      out.endArray();
    } else if (token == FastBlobReader.START_OBJECT) {
      result(in, out);
    } else {
      in.copyValue(out, token, FastBlobWriter.VALUE);
    }
  }

  private void result(FastBlobReader in, FastBlobWriter out) throws IOException {
    String result = null;
    String duration = null;
    out.startObject();
    while (in.nextToken() == FastBlobReader.FIELD_NAME) {
      String name = in.readString();
      out.string(name, FastBlobWriter.KEY);
      int v = in.nextToken();
      boolean wanted = "result".equals(name) || "duration".equals(name) || "testId".equals(name);
      if (v == FastBlobReader.STRING && wanted) {
        String text = in.readString();
        if ("result".equals(name)) {
          result = text;
        } else if ("duration".equals(name)) {
          duration = text;
        } else {
          seenTestId(text);
        }
        out.string(text, FastBlobWriter.VALUE);
      } else {
        in.copyValue(out, v, FastBlobWriter.VALUE);
      }
    }
    out.endObject();
    counts.add(result, duration);
  }

  /** The entries as the jackson path writes them (a few, so jackson it is), spliced in as items. */
  private void appendMissing(FastBlobWriter out, boolean keyed) throws IOException {
    for (CrashEntry entry : missing.values()) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      HtmlEscapingWriter escaping = new HtmlEscapingWriter(
          new OutputStreamWriter(bytes, StandardCharsets.UTF_8), HtmlEscapingWriter.Style.JINJA);
      try (JsonGenerator g = Json.generator(escaping, false)) { // raw Unicode: see appendMissing(JsonGenerator)
        if (keyed) {
          g.writeStartObject();
          g.writeArrayFieldStart(entry.nodeid);
          entry.write(g);
          g.writeEndArray();
          g.writeEndObject();
        } else {
          g.writeStartArray();
          entry.write(g);
          g.writeEndArray();
        }
      }
      escaping.close();
      byte[] b = bytes.toByteArray();
      out.rawItem(b, 1, b.length - 2); // without the wrapper's brackets
      added.add(entry);
    }
    missing.clear();
  }

  private void seenKey(String key) {
    if (missing.isEmpty()) {
      return;
    }
    missing.remove(key);
    for (int i = key.indexOf(':'); i >= 0; i = key.indexOf(':', i + 1)) {
      missing.remove(key.substring(i + 1));
    }
  }

  private void resultOrList(JsonParser in, JsonGenerator out) throws IOException {
    if (in.currentToken() == JsonToken.START_ARRAY) {
      out.writeStartArray();
      while (Tokens.next(in) != JsonToken.END_ARRAY) {
        if (in.currentToken() == JsonToken.START_OBJECT) {
          result(in, out);
        } else {
          Tokens.copyValue(in, out);
        }
      }
      out.writeEndArray();
    } else if (in.currentToken() == JsonToken.START_OBJECT) {
      result(in, out);
    } else {
      Tokens.copyValue(in, out);
    }
  }

  private void result(JsonParser in, JsonGenerator out) throws IOException {
    String result = null;
    String duration = null;
    out.writeStartObject();
    while (Tokens.next(in) == JsonToken.FIELD_NAME) {
      String name = in.currentName();
      out.writeFieldName(name);
      JsonToken v = Tokens.next(in);
      if (v == JsonToken.VALUE_STRING) {
        String text = in.getText();
        if ("result".equals(name)) {
          result = text;
        } else if ("duration".equals(name)) {
          duration = text;
        } else if ("testId".equals(name)) {
          seenTestId(text);
        }
        out.writeString(text);
      } else {
        Tokens.copyValue(in, out);
      }
    }
    out.writeEndObject();
    counts.add(result, duration);
  }

  /**
   * The entries, with their text in raw Unicode, as pytest-abort writes the entries it adds
   * ({@code json.dumps(ensure_ascii=False)}), where pytest-html escapes non-ASCII: pytest-abort tells
   * whether a page shows a crash by looking for the node id in the page's text, so an escaped
   * {@code test_u[\u00e9]} would be added again by it.
   */
  private void appendMissing(JsonGenerator out, boolean keyed) throws IOException {
    for (CrashEntry entry : missing.values()) {
      StringWriter json = new StringWriter();
      try (JsonGenerator g = Json.generator(json, false)) {
        entry.write(g);
      }
      if (keyed) {
        out.writeFieldName(new SerializedString(entry.nodeid)); // quoted, not escaped to ASCII
        out.writeStartArray();
        out.writeRawValue(json.toString());
        out.writeEndArray();
      } else {
        out.writeRawValue(json.toString());
      }
      added.add(entry);
    }
    missing.clear();
  }
}
