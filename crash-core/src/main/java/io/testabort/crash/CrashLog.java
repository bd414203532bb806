package io.testabort.crash;

import io.testabort.crash.BadInputException;
import io.testabort.crash.io.Inputs;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The JSONL crash log of docs/interface.md section 4: appended under an exclusive lock, one line per record. */
public final class CrashLog {
  private final Path file;

  public CrashLog(Path file) {
    this.file = file;
  }

  /** Appends {@code records} with {@code source} and {@code logged_at} added; returns what was written. */
  @SuppressWarnings("try") // the lock is only held, never referenced
  public List<CrashRecord> append(List<CrashRecord> records, String source) throws IOException {
    List<CrashRecord> written = new ArrayList<>();
    StringBuilder lines = new StringBuilder();
    for (CrashRecord r : records) {
      CrashRecord stamped = r.with("source", source).with("logged_at", IsoTime.now());
      written.add(stamped);
      lines.append(CrashJson.toLine(stamped)).append('\n');
    }
    if (written.isEmpty()) {
      return written;
    }
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    try (FileChannel ch =
            FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        FileLock lock = ch.lock()) {
      String text = lines.toString();
      if (endsWithoutNewline(file)) {
        // a writer died mid-line: start ours on a fresh line so it stays readable
        text = "\n" + text;
      }
      // one write of whole lines: O_APPEND keeps it in one piece even against writers that use flock
      // (Python's pytest-abort), which does not exclude our fcntl lock
      ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(false);
    }
    return written;
  }

  public CrashRecord append(CrashRecord record, String source) throws IOException {
    return append(List.of(record), source).get(0);
  }

  private static boolean endsWithoutNewline(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size == 0) {
        return false;
      }
      ByteBuffer last = ByteBuffer.allocate(1);
      ch.read(last, size - 1);
      return last.get(0) != '\n';
    }
  }

  /** Every record in order; blank lines are skipped; a line that is not a record is bad input. */
  public List<CrashRecord> read() throws BadInputException {
    String text = Inputs.readUtf8(file);
    if (text.startsWith("\ufeff")) {
      text = text.substring(1); // written by an editor or a Windows tool
    }
    List<CrashRecord> records = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      try {
        records.add(CrashJson.fromJson(line));
      } catch (IOException e) {
        throw new BadInputException(file, "line " + (i + 1) + " is not a crash record: " + e.getMessage(), e);
      }
    }
    return records;
  }

  /** The first record of each crashed node id, in the order they first crashed. */
  public static List<CrashRecord> firstPerNodeid(List<CrashRecord> records) {
    Set<String> seen = new LinkedHashSet<>();
    List<CrashRecord> out = new ArrayList<>();
    for (CrashRecord r : records) {
      if (seen.add(r.nodeid())) {
        out.add(r);
      }
    }
    return out;
  }
}
