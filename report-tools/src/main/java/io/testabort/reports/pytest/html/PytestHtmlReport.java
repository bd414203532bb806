package io.testabort.reports.pytest.html;

import io.testabort.crash.io.TempFiles;
import io.testabort.crash.BadInputException;
import io.testabort.reports.ReportPatcher;
import io.testabort.crash.CrashRecord;
import io.testabort.crash.io.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * pytest-html reports (4.x data-jsonblob pages and older table-only pages). A crash becomes a
 * {@code Failed} result in the blob, in pytest-html's own shape (so filters, sorting by duration and
 * mergers keep working), and the page's static counts are updated to match.
 */
public final class PytestHtmlReport implements ReportPatcher {

  @Override
  public boolean addCrash(Path report, CrashRecord crash, String testfile) throws BadInputException, IOException {
    return addCrashes(report, List.of(crash), testfile);
  }

  /**
   * Adds every crash in one pass over the page: the blob is copied once into a temp file beside the
   * report while the node ids it already shows are learnt, then head, blob and tail are joined
   * through {@link AtomicFiles}. Only the head (the static summary, some kB) is ever held in memory.
   */
  @Override
  public boolean addCrashes(Path report, List<CrashRecord> crashes, String testfile)
      throws BadInputException, IOException {
    List<CrashEntry> entries = new ArrayList<>();
    for (CrashRecord crash : crashes) {
      entries.add(new CrashEntry(crash, testfile));
    }
    if (entries.isEmpty()) {
      return false;
    }
    boolean created = false;
    // an empty file (what pytest-abort leaves when its write fails) holds nothing to keep: treat as missing
    if (!Files.exists(report) || (Files.isRegularFile(report) && Files.size(report) == 0)) {
      String page = StandalonePage.render(report.getFileName().toString(), entries.get(0));
      AtomicFiles.write(report, page.getBytes(StandardCharsets.UTF_8));
      created = true;
      entries = entries.subList(1, entries.size());
      if (entries.isEmpty()) {
        return true;
      }
    }
    BlobFile blob = BlobFile.open(report);
    if (blob == null) {
      if (TableOnlyReport.looksLikeOne(report)) {
        boolean changed = false;
        for (CrashEntry entry : entries) {
          changed |= TableOnlyReport.addCrash(report, entry);
        }
        return changed;
      }
      throw new BadInputException(report, "not a pytest-html report (no data-jsonblob attribute)");
    }
    PageSummary summary = new PageSummary(blob.head());
    BlobPatch patch = new BlobPatch(entries, report);
    Path absolute = report.toAbsolutePath();
    Path body = TempFiles.createFile(absolute.getParent(), "." + absolute.getFileName() + ".", ".blob");
    try {
      try (OutputStream out = Files.newOutputStream(body)) {
        blob.writeBlob(out, patch::copy, HtmlEscapingWriter.Style.JINJA, true);
      }
      if (patch.added.isEmpty()) {
        return created;
      }
      if (summary.unfinished()) {
        // a page written at session start: its counts say nothing, the blob is the truth
        SummaryCounts counts = new SummaryCounts();
        counts.addAll(patch.counts);
        for (CrashEntry entry : patch.added) {
          counts.add("Failed", entry.duration);
        }
        summary.setAll(counts);
      } else {
        int failed = summary.count("failed");
        if (failed >= 0) {
          summary.setCount("failed", failed + patch.added.size());
        }
        summary.addToRunCount(patch.added.size());
      }
      AtomicFiles.write(report, out -> {
        out.write(summary.text().getBytes(StandardCharsets.ISO_8859_1));
        Files.copy(body, out);
        blob.copyTail(out);
      });
      return true;
    } finally {
      Files.deleteIfExists(body);
    }
  }
}
