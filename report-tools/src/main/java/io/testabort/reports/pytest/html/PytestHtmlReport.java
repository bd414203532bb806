package io.testabort.reports.pytest.html;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.testabort.crash.BadInputException;
import io.testabort.reports.ReportPatcher;
import io.testabort.crash.CrashRecord;
import io.testabort.crash.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * pytest-html reports (4.x data-jsonblob pages and older table-only pages). A crash becomes a
 * {@code Failed} result in the blob, in pytest-html's own shape (so filters, sorting by duration and
 * mergers keep working), and the page's static counts are updated to match.
 */
public final class PytestHtmlReport implements ReportPatcher {

  @Override
  public boolean addCrash(Path report, CrashRecord crash, String testfile) throws BadInputException, IOException {
    CrashEntry entry = new CrashEntry(crash, testfile);
    // an empty file (what pytest-abort leaves when its write fails) holds nothing to keep: treat as missing
    if (!Files.exists(report) || (Files.isRegularFile(report) && Files.size(report) == 0)) {
      String page = StandalonePage.render(report.getFileName().toString(), entry);
      AtomicFiles.write(report, page.getBytes(StandardCharsets.UTF_8));
      return true;
    }
    BlobFile blob = BlobFile.open(report);
    if (blob == null) {
      if (TableOnlyReport.looksLikeOne(report)) {
        return TableOnlyReport.addCrash(report, entry);
      }
      throw new BadInputException(report, "not a pytest-html report (no data-jsonblob attribute)");
    }
    BlobScan scan = BlobScan.of(blob, entry.nodeid);
    if (scan.containsNodeid) {
      return false;
    }
    PageSummary summary = new PageSummary(blob.head());
    if (summary.unfinished()) {
      // a page written at session start: its counts say nothing, the blob is the truth
      SummaryCounts counts = new SummaryCounts();
      counts.addAll(scan.counts);
      counts.add("Failed", entry.duration);
      summary.setAll(counts);
    } else {
      int failed = summary.count("failed");
      if (failed >= 0) {
        summary.setCount("failed", failed + 1);
      }
      summary.incrementRunCount();
    }
    return Rewrite.atomically(report, out -> {
      blob.write(out, summary.text(), null, (in, gen) -> appendEntry(in, gen, entry, blob.path),
          HtmlEscapingWriter.Style.JINJA, true);
      return true;
    });
  }

  /** Copies the blob and adds the entry to {@code tests} (a new key holding a list, or the list itself). */
  private static void appendEntry(JsonParser in, JsonGenerator out, CrashEntry entry, Path file)
      throws IOException, BadInputException {
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
          out.writeFieldName(in.currentName());
          Tokens.next(in);
          Tokens.copyValue(in, out);
        }
        writeKeyed(out, entry);
        out.writeEndObject();
      } else if (value == JsonToken.START_ARRAY) {
        out.writeStartArray();
        while (Tokens.next(in) != JsonToken.END_ARRAY) {
          Tokens.copyValue(in, out);
        }
        entry.write(out);
        out.writeEndArray();
      } else {
        throw new BadInputException(file, "data-jsonblob \"tests\" is neither an object nor a list");
      }
    }
    if (!sawTests) {
      out.writeObjectFieldStart("tests");
      writeKeyed(out, entry);
      out.writeEndObject();
    }
    out.writeEndObject();
    BlobSanitizer.expectEnd(in, file);
  }

  private static void writeKeyed(JsonGenerator out, CrashEntry entry) throws IOException {
    out.writeArrayFieldStart(entry.nodeid);
    entry.write(out);
    out.writeEndArray();
  }
}
