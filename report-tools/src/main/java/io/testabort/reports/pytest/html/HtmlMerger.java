package io.testabort.reports.pytest.html;

import io.testabort.crash.io.TempFiles;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.testabort.crash.BadInputException;
import io.testabort.crash.io.AtomicFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Merges pytest-html 4.x reports into one page (what pytest_html_merger does, without its failure
 * modes): every result of every input is kept under a key prefixed with the input's path relative to
 * the input folder, so equal file names or node ids from different runs never collide; the counts
 * are recomputed from the merged entries. The first input in path order is the page template. Blobs
 * are streamed, and all files are read and written as UTF-8 bytes whatever the locale.
 */
public final class HtmlMerger {

  /** What was merged. */
  public static final class Result {
    public final int reports;
    public final int results;

    Result(int reports, int results) {
      this.reports = reports;
      this.results = results;
    }
  }

  private HtmlMerger() {}

  /** Merges the reports below {@code dir} into {@code out}; null when there is no report to merge. */
  public static Result merge(Path dir, Path out) throws IOException, BadInputException {
    if (!Files.isDirectory(dir)) {
      throw new BadInputException(dir, "is not a directory");
    }
    List<BlobFile> inputs = collect(dir, out);
    if (inputs.isEmpty()) {
      return null;
    }
    BlobFile template = inputs.get(0);
    Path absOut = out.toAbsolutePath();
    Files.createDirectories(absOut.getParent());
    Path blobTmp = TempFiles.createBeside(AtomicFiles.realTarget(out), ".blob");
    try {
      SummaryCounts counts = writeBlob(blobTmp, dir, inputs, template, out.getFileName().toString());
      PageSummary summary = new PageSummary(template.head());
      summary.setAll(counts);
      summary.setTitle(out.getFileName().toString());
      String tail = template.tail();
      AtomicFiles.write(out, os -> {
        os.write(summary.text().getBytes(StandardCharsets.ISO_8859_1));
        Files.copy(blobTmp, os);
        os.write(tail.getBytes(StandardCharsets.ISO_8859_1));
      });
      int total = 0;
      for (String key : SummaryCounts.KEYS) {
        total += counts.get(key);
      }
      return new Result(inputs.size(), total);
    } finally {
      Files.deleteIfExists(blobTmp);
    }
  }

  /** The pytest-html 4.x reports below {@code dir}, sorted by relative path; other HTML files are skipped. */
  private static List<BlobFile> collect(Path dir, Path out) throws IOException, BadInputException {
    Path absOut = out.toAbsolutePath().normalize();
    List<Path> html;
    try (Stream<Path> s = Files.walk(dir)) {
      html = s.filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".html"))
          .filter(Files::isRegularFile)
          .filter(p -> !p.toAbsolutePath().normalize().equals(absOut))
          .sorted((a, b) -> relative(dir, a).compareTo(relative(dir, b)))
          .collect(Collectors.toList());
    }
    List<BlobFile> reports = new ArrayList<>();
    for (Path p : html) {
      if (!looksLikePytestHtml(p)) {
        continue;
      }
      BlobFile blob = BlobFile.open(p);
      if (blob != null) {
        reports.add(blob);
      }
    }
    return reports;
  }

  private static boolean looksLikePytestHtml(Path p) throws IOException {
    try (InputStream in = Files.newInputStream(p)) {
      String head = new String(in.readNBytes(1 << 20), StandardCharsets.ISO_8859_1);
      return head.contains("data-jsonblob") || head.contains("Report generated on");
    }
  }

  static String relative(Path dir, Path file) {
    return dir.relativize(file).toString().replace(java.io.File.separatorChar, '/');
  }

  private static SummaryCounts writeBlob(Path target, Path dir, List<BlobFile> inputs, BlobFile template, String title)
      throws IOException, BadInputException {
    SummaryCounts counts = new SummaryCounts();
    try (Writer w = new HtmlEscapingWriter(new BufferedWriter(new OutputStreamWriter(
            Files.newOutputStream(target), StandardCharsets.UTF_8), 1 << 16), HtmlEscapingWriter.Style.JINJA);
        JsonGenerator g = Json.generator(w, true)) {
      g.writeStartObject();
      boolean wroteTests = template.read(in -> {
        boolean sawTests = false;
        expectObject(in, template);
        while (Tokens.next(in) == JsonToken.FIELD_NAME) {
          String name = in.currentName();
          Tokens.next(in);
          if ("tests".equals(name)) {
            in.skipChildren();
            writeAllTests(g, dir, inputs, counts);
            sawTests = true;
          } else if ("title".equals(name)) {
            in.skipChildren();
            g.writeStringField("title", title);
          } else {
            g.writeFieldName(name);
            Tokens.copyValue(in, g);
          }
        }
        return sawTests;
      });
      if (!wroteTests) {
        writeAllTests(g, dir, inputs, counts);
      }
      g.writeEndObject();
    }
    return counts;
  }

  private static void writeAllTests(JsonGenerator g, Path dir, List<BlobFile> inputs, SummaryCounts counts)
      throws IOException, BadInputException {
    g.writeObjectFieldStart("tests");
    for (BlobFile input : inputs) {
      String prefix = relative(dir, input.path) + "::";
      input.read(in -> {
        expectObject(in, input);
        while (Tokens.next(in) == JsonToken.FIELD_NAME) {
          String name = in.currentName();
          JsonToken t = Tokens.next(in);
          if (!"tests".equals(name)) {
            in.skipChildren();
          } else if (t == JsonToken.START_OBJECT) {
            while (Tokens.next(in) == JsonToken.FIELD_NAME) {
              g.writeFieldName(prefix + in.currentName());
              Tokens.next(in);
              copyResults(in, g, counts);
            }
          } else if (t == JsonToken.START_ARRAY) {
            int i = 0;
            while (Tokens.next(in) != JsonToken.END_ARRAY) {
              g.writeFieldName(prefix + "#" + i++);
              copyResults(in, g, counts);
            }
          } else {
            in.skipChildren();
          }
        }
        BlobSanitizer.expectEnd(in, input.path);
        return null;
      });
    }
    g.writeEndObject();
  }

  /** Copies one key's value as a list of results (a bare result object becomes a one-element list). */
  private static void copyResults(JsonParser in, JsonGenerator g, SummaryCounts counts) throws IOException {
    if (in.currentToken() == JsonToken.START_ARRAY) {
      g.writeStartArray();
      while (Tokens.next(in) != JsonToken.END_ARRAY) {
        copyResult(in, g, counts);
      }
      g.writeEndArray();
    } else if (in.currentToken() == JsonToken.START_OBJECT) {
      g.writeStartArray();
      copyResult(in, g, counts);
      g.writeEndArray();
    } else {
      Tokens.copyValue(in, g);
    }
  }

  /**
   * Copies one result object. An entry without {@code duration} (as pytest-abort's patcher writes them)
   * gets {@code "0 ms"}, and one without {@code resultsTableRow} an empty list: app.js throws on either
   * when sorting or rendering, which would leave the merged page without any rows.
   */
  private static void copyResult(JsonParser in, JsonGenerator g, SummaryCounts counts) throws IOException {
    if (in.currentToken() != JsonToken.START_OBJECT) {
      Tokens.copyValue(in, g);
      return;
    }
    g.writeStartObject();
    String result = null;
    String duration = null;
    boolean hasDuration = false;
    boolean hasRow = false;
    while (Tokens.next(in) == JsonToken.FIELD_NAME) {
      String name = in.currentName();
      JsonToken v = Tokens.next(in);
      g.writeFieldName(name);
      if (v == JsonToken.VALUE_STRING && "result".equals(name)) {
        result = in.getText();
      } else if (v == JsonToken.VALUE_STRING && "duration".equals(name)) {
        duration = in.getText();
        hasDuration = true;
      } else if ("resultsTableRow".equals(name)) {
        hasRow = v == JsonToken.START_ARRAY;
      }
      Tokens.copyValue(in, g);
    }
    if (!hasDuration) {
      g.writeStringField("duration", "0 ms");
    }
    if (!hasRow) {
      g.writeArrayFieldStart("resultsTableRow");
      g.writeEndArray();
    }
    g.writeEndObject();
    counts.add(result, duration);
  }

  private static void expectObject(JsonParser in, BlobFile blob) throws IOException, BadInputException {
    if (in.nextToken() != JsonToken.START_OBJECT) {
      throw new BadInputException(blob.path, "data-jsonblob is not a JSON object");
    }
  }
}
