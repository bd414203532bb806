package io.testabort.reports.junit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * Text to put in place of byte ranges of a report, written out as the report's own bytes around them: every
 * byte not edited stays as the tool wrote it, and the report is never held in memory.
 */
final class ReportEdits {
  private static final class Edit {
    final long end;
    final byte[] text;

    Edit(long end, String text) {
      this.end = end;
      this.text = text.getBytes(StandardCharsets.UTF_8);
    }
  }

  /** By start offset; the ranges never overlap (a suite's start tag, a test case, a point before an end tag). */
  private final TreeMap<Long, Edit> edits = new TreeMap<>();

  /** Puts {@code text} in place of the bytes {@code [start, end)}; {@code start == end} inserts it. */
  void replace(long start, long end, String text) {
    Edit before = edits.put(start, new Edit(end, text));
    if (before != null) {
      throw new IllegalStateException("two edits at " + start);
    }
  }

  boolean isEmpty() {
    return edits.isEmpty();
  }

  /** Writes {@code file}'s bytes with the edits made. */
  void writeTo(Path file, OutputStream out) throws IOException {
    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = in.size();
      long at = 0;
      for (Map.Entry<Long, Edit> e : edits.entrySet()) {
        copy(in, at, e.getKey(), out);
        out.write(e.getValue().text);
        at = e.getValue().end;
      }
      copy(in, at, size, out);
    }
  }

  private static void copy(FileChannel in, long from, long to, OutputStream out) throws IOException {
    if (to <= from) {
      return;
    }
    in.position(from);
    long left = to - from;
    java.nio.channels.WritableByteChannel sink = Channels.newChannel(out);
    while (left > 0) {
      long n = in.transferTo(from + (to - from - left), left, sink);
      if (n <= 0) {
        throw new IOException("the report ended early while being copied");
      }
      left -= n;
    }
  }
}
