package io.testabort.reports.pytest.html;

import io.testabort.crash.io.TempFiles;
import io.testabort.crash.BadInputException;
import io.testabort.reports.BatchReportPatcher;
import io.testabort.crash.CrashRecord;
import io.testabort.crash.io.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
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
public final class PytestHtmlReport implements BatchReportPatcher {

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
    Boolean fast = addCrashesFast(report, entries);
    boolean added = fast != null ? fast : addCrashesWithJackson(report, entries);
    return added || created;
  }

  /** The reference implementation of the patch (decoding, jackson, escaping writer); whether it changed the page. */
  static boolean addCrashesWithJackson(Path report, List<CrashEntry> entries) throws BadInputException, IOException {
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
    Path body = TempFiles.createBeside(AtomicFiles.realTarget(report), ".blob");
    try {
      try (OutputStream out = Files.newOutputStream(body)) {
        blob.writeBlob(out, patch::copy, HtmlEscapingWriter.Style.JINJA, true);
      }
      if (patch.added.isEmpty()) {
        return false;
      }
      rewrite(report, summary, patch, body, blob.location.end);
      return true;
    } finally {
      Files.deleteIfExists(body);
    }
  }

  /**
   * {@link #addCrashes} on the byte path ({@link BlobPatch#copyFast}): the page is read once, the blob's
   * end found on the way. Null when the page is not the common case: nothing was changed then, and the
   * jackson path takes it (and words any error). Otherwise whether crashes were added.
   */
  static Boolean addCrashesFast(Path report, List<CrashEntry> entries) throws IOException, BadInputException {
    if (!Files.isRegularFile(report) || Files.size(report) == 0) {
      return null;
    }
    BlobLocation start = JsonBlobLocator.locateStart(report);
    if (start == null || start.start > MAX_HEAD) {
      return null;
    }
    String head;
    try (FileChannel ch = FileChannel.open(report, StandardOpenOption.READ)) {
      ByteBuffer bytes = ByteBuffer.allocate((int) start.start);
      while (bytes.hasRemaining() && ch.read(bytes) >= 0) {
        // reads the head
      }
      head = new String(bytes.array(), 0, bytes.position(), StandardCharsets.ISO_8859_1);
    }
    if (!new PageSummary(head).unfinished()) {
      try {
        return addInOnePass(report, start, head, entries);
      } catch (NotAllNew e) {
        // some crashes were in the page already: learn which first, below
      } catch (FastBlobReader.Unsupported e) {
        return null;
      }
    }
    BlobPatch patch = new BlobPatch(entries, report);
    Path body = TempFiles.createBeside(AtomicFiles.realTarget(report), ".blob");
    try {
      PageSummary summary = new PageSummary(head);
      long end;
      try (FileChannel ch = FileChannel.open(report, StandardOpenOption.READ);
          OutputStream out = Files.newOutputStream(body)) {
        ch.position(start.start);
        FastBlobReader in = new FastBlobReader(Channels.newInputStream(ch), start.quote);
        FastBlobWriter gen = new FastBlobWriter(out, HtmlEscapingWriter.Style.JINJA, true);
        patch.copyFast(in, gen);
        gen.flush();
        end = start.start + in.offset();
      } catch (FastBlobReader.Unsupported e) {
        return null;
      }
      if (patch.added.isEmpty()) {
        return false;
      }
      rewrite(report, summary, patch, body, end);
      return true;
    } finally {
      Files.deleteIfExists(body);
    }
  }

  /**
   * A finished page's new summary depends only on how many crashes are added. Assuming all of them are
   * (the usual case: a crashed test left no result), the page is written in one pass, without the
   * blob's detour through a temp file; {@link NotAllNew} when the blob showed some of them already.
   */
  private static boolean addInOnePass(Path report, BlobLocation start, String head, List<CrashEntry> entries)
      throws IOException, BadInputException {
    BlobPatch patch = new BlobPatch(entries, report);
    int expected = patch.pending();
    PageSummary summary = new PageSummary(head);
    countAdded(summary, expected);
    try (FileChannel ch = FileChannel.open(report, StandardOpenOption.READ)) {
      return Rewrite.atomically(report, out -> {
        out.write(summary.text().getBytes(StandardCharsets.ISO_8859_1));
        ch.position(start.start);
        FastBlobReader in = new FastBlobReader(Channels.newInputStream(ch), start.quote);
        FastBlobWriter gen = new FastBlobWriter(out, HtmlEscapingWriter.Style.JINJA, true);
        patch.copyFast(in, gen);
        gen.flush();
        if (patch.added.size() != expected) {
          throw new NotAllNew();
        }
        BlobSanitizer.copy(ch, start.start + in.offset(), ch.size(), out);
        return true;
      });
    }
  }

  /** Some of the crashes were in the page already: its one-pass rewrite is dropped. */
  private static final class NotAllNew extends IOException {
    private static final long serialVersionUID = 1L;
  }

  /** A finished page's counts with {@code n} more failed tests. */
  private static void countAdded(PageSummary summary, int n) {
    int failed = summary.count("failed");
    if (failed >= 0) {
      summary.setCount("failed", failed + n);
    }
    summary.addToRunCount(n);
  }

  /** Pages with more than this before the blob are left to the jackson path (which rejects them). */
  private static final long MAX_HEAD = 64L << 20;

  /** Writes the updated summary, the patched blob from {@code body} and the page's bytes from {@code tailStart}. */
  private static void rewrite(Path report, PageSummary summary, BlobPatch patch, Path body, long tailStart)
      throws IOException {
    if (summary.unfinished()) {
      // a page written at session start: its counts say nothing, the blob is the truth
      SummaryCounts counts = new SummaryCounts();
      counts.addAll(patch.counts);
      for (CrashEntry entry : patch.added) {
        counts.add("Failed", entry.duration);
      }
      summary.setAll(counts);
    } else {
      countAdded(summary, patch.added.size());
    }
    AtomicFiles.write(report, out -> {
      out.write(summary.text().getBytes(StandardCharsets.ISO_8859_1));
      Files.copy(body, out);
      try (FileChannel ch = FileChannel.open(report, StandardOpenOption.READ)) {
        BlobSanitizer.copy(ch, tailStart, ch.size(), out);
      }
    });
  }
}
