package io.testabort.crash;

import io.testabort.crash.io.Inputs;
import io.testabort.crash.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The JSONL crash log of docs/interface.md section 4, one record per line, shared with pytest-abort:
 * appended one whole-lines write at a time; read the way pytest-abort reads it, skipping what is not a
 * record (a line torn by a killed writer, another tool's line) and saying so.
 */
public final class CrashLog {
  /**
   * How long a last line without its newline must stay unchanged before an append takes it for torn
   * and starts on a fresh line. A writer that uses {@code flock} (pytest-abort) is not excluded by our
   * fcntl lock, and its write in flight looks unterminated for a moment; taking that for torn left a lone
   * blank line after its record once in 1,404 mixed appends.
   */
  static final long TORN_AFTER_MILLIS = 200;

  private static final Object IN_THIS_JVM = new Object();

  private final Path file;

  public CrashLog(Path file) {
    this.file = file;
  }

  public Path file() {
    return file;
  }

  /** Appends {@code records} with {@code source} and {@code logged_at} added; returns what was written. */
  public List<CrashRecord> append(List<CrashRecord> records, String source) throws IOException {
    List<CrashRecord> written = new ArrayList<>();
    StringBuilder lines = new StringBuilder();
    for (CrashRecord r : records) {
      CrashRecord stamped = r.with("source", source).with("logged_at", IsoTime.now());
      written.add(stamped);
      lines.append(CrashJson.toLine(stamped)).append('\n');
    }
    if (written.isEmpty()) {
      return written; // nothing to write: never a lone newline
    }
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    // the JVM holds file locks per process: threads of one JVM take turns here, or lock() would throw
    synchronized (IN_THIS_JVM) {
      appendLocked(lines.toString());
    }
    return written;
  }

  @SuppressWarnings("try") // the lock is only held, never referenced
  private void appendLocked(String lines) throws IOException {
    try (FileChannel ch =
            FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        FileLock lock = lockAcrossProcesses(ch)) {
      String text = lines;
      if (endsInTornLine(file)) {
        // a writer died mid-line: start ours on a fresh line so both tools can read it
        text = "\n" + text;
      }
      // one write(2) of whole lines with O_APPEND: the kernel never interleaves it with another
      // writer's, whether that one holds our fcntl lock or pytest-abort's flock (which ours cannot see)
      ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(false);
    }
  }

  /**
   * fcntl's exclusive lock on the whole file. Another copy of these classes in this JVM (the agent shades
   * them) may hold one: the JDK then refuses at once instead of waiting, so we wait here.
   */
  private static FileLock lockAcrossProcesses(FileChannel ch) throws IOException {
    for (int attempt = 0; ; attempt++) {
      try {
        return ch.lock();
      } catch (OverlappingFileLockException e) {
        if (attempt == 1_000) {
          throw new IOException("the crash log stays locked by another part of this JVM", e);
        }
        try {
          Thread.sleep(5);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while waiting for the crash log's lock", ie);
        }
      }
    }
  }

  public CrashRecord append(CrashRecord record, String source) throws IOException {
    return append(List.of(record), source).get(0);
  }

  /**
   * Whether the log ends in a line without its newline that no one is still writing. A reader can see
   * another process's single append half done (the size grows page by page while it copies), so an
   * unterminated end only counts once it has stayed the same for {@link #TORN_AFTER_MILLIS}.
   */
  private static boolean endsInTornLine(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size == 0 || lastByte(ch, size) == '\n') {
        return false;
      }
      long giveUp = System.nanoTime() + 10 * TORN_AFTER_MILLIS * 1_000_000L;
      long stableSince = System.nanoTime();
      while (System.nanoTime() - stableSince < TORN_AFTER_MILLIS * 1_000_000L && System.nanoTime() < giveUp) {
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break; // no time to wait: a fresh line keeps our record readable either way
        }
        long now = ch.size();
        if (now == 0 || lastByte(ch, now) == '\n') {
          return false; // it was a write in flight, and it is whole now
        }
        if (now != size) {
          size = now;
          stableSince = System.nanoTime();
        }
      }
      return true;
    }
  }

  private static int lastByte(FileChannel ch, long size) throws IOException {
    ByteBuffer last = ByteBuffer.allocate(1);
    ch.read(last, size - 1);
    return last.get(0);
  }

  /** A line of the log that readers pass over, and why. */
  public static final class SkippedLine {
    private final Path file;
    private final int number;
    private final String reason;

    SkippedLine(Path file, int number, String reason) {
      this.file = file;
      this.number = number;
      this.reason = reason;
    }

    public Path file() {
      return file;
    }

    /** 1-based line number. */
    public int number() {
      return number;
    }

    public String reason() {
      return reason;
    }

    /** {@code file:line: skipped: reason}, one line, as a compiler names a place in a file. */
    @Override
    public String toString() {
      return file + ":" + number + ": skipped: " + reason;
    }
  }

  /** What a read found: the records in order, and the lines passed over. */
  public static final class Contents {
    private final List<CrashRecord> records;
    private final List<SkippedLine> skipped;

    Contents(List<CrashRecord> records, List<SkippedLine> skipped) {
      this.records = Collections.unmodifiableList(records);
      this.skipped = Collections.unmodifiableList(skipped);
    }

    public List<CrashRecord> records() {
      return records;
    }

    public List<SkippedLine> skipped() {
      return skipped;
    }
  }

  /** Every record in order; each line skipped is named on stderr. */
  public List<CrashRecord> read() throws BadInputException {
    return read(line -> System.err.println(line));
  }

  /** Every record in order; each line skipped goes to {@code onSkipped} (as {@code file:line: skipped: reason}). */
  public List<CrashRecord> read(Consumer<String> onSkipped) throws BadInputException {
    List<CrashRecord> records = new ArrayList<>();
    scan(0, records::add, s -> onSkipped.accept(s.toString()));
    return records;
  }

  /**
   * The first record of each crashed node id, in the order they first crashed, as every reader of the
   * log wants it; each line skipped goes to {@code onSkipped}. Read as a stream, so a log that grew over
   * many runs (the same crashes again and again) costs memory for its distinct node ids only.
   */
  public List<CrashRecord> readFirstPerNodeid(Consumer<String> onSkipped) throws BadInputException {
    Map<String, CrashRecord> first = new LinkedHashMap<>();
    scan(0, r -> first.putIfAbsent(r.nodeid(), r), s -> onSkipped.accept(s.toString()));
    return new ArrayList<>(first.values());
  }

  /** The same, each line skipped named on stderr. */
  public List<CrashRecord> readFirstPerNodeid() throws BadInputException {
    return readFirstPerNodeid(line -> System.err.println(line));
  }

  /**
   * The records appended after the first {@code offset} bytes of the log (its size when a reader last
   * looked: appends are whole lines), all of them, in order; the whole log if it is shorter now (it was
   * replaced). Lines skipped go to {@code onSkipped}.
   */
  public List<CrashRecord> readAfter(long offset, Consumer<String> onSkipped) throws BadInputException {
    List<CrashRecord> records = new ArrayList<>();
    scan(offset, records::add, s -> onSkipped.accept(s.toString()));
    return records;
  }

  /** The records and the skipped lines, all of them. */
  public Contents readContents() throws BadInputException {
    List<CrashRecord> records = new ArrayList<>();
    List<SkippedLine> skipped = new ArrayList<>();
    scan(0, records::add, skipped::add);
    return new Contents(records, skipped);
  }

  /**
   * Reads the log line by line, as pytest-abort's readers of it do ({@code
   * postprocess_reports_from_crash_log}, the retry wrapper's nodeid reader): each line is stripped of
   * whitespace; blank lines are passed over quietly; a line that is not a JSON object, or whose {@code
   * nodeid} is not a string or is blank once stripped, is skipped; node ids are stripped. A file that
   * cannot be read, or of which no line is a record while some line is not blank (a report or a binary
   * file passed as the log), is bad input. Lines end at {@code \n} only (JSON Lines).
   */
  private void scan(long offset, Consumer<CrashRecord> onRecord, Consumer<SkippedLine> onSkipped) throws BadInputException {
    if (Files.isDirectory(file)) {
      throw new BadInputException(file, "is a directory, expected a file");
    }
    Lines lines = new Lines(onRecord, onSkipped);
    try (InputStream in = Files.newInputStream(file)) {
      boolean tail = offset > 0 && offset <= Files.size(file);
      for (long left = tail ? offset : 0; left > 0; ) {
        long skipped = in.skip(left); // line numbers then count from there
        if (skipped <= 0) {
          throw new IOException("cannot skip to byte " + offset);
        }
        left -= skipped;
      }
      if (tail) {
        lines.anyRecord = true; // the part before held the records: junk after it is no bad log
      }
      byte[] chunk = new byte[1 << 16];
      for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
        for (int i = 0; i < n; i++) {
          lines.add(chunk[i]);
        }
      }
      lines.end();
    } catch (IOException e) {
      throw Inputs.unreadable(file, e);
    }
    if (!lines.anyRecord && lines.firstSkipped != null) {
      // e.g. a report or a binary file passed as the log: saying so beats "no crashes"
      throw new BadInputException(file, "not a crash log: no line is a crash record (line "
          + lines.firstSkipped.number() + ": " + lines.firstSkipped.reason() + ")");
    }
  }

  /** The log's bytes, gathered into lines, each handed on as a record or a skipped line. */
  private final class Lines {
    private final Consumer<CrashRecord> onRecord;
    private final Consumer<SkippedLine> onSkipped;
    private byte[] line = new byte[1024];
    private int length;
    private int number;
    boolean anyRecord;
    SkippedLine firstSkipped;
    private final List<SkippedLine> beforeFirstRecord = new ArrayList<>();

    Lines(Consumer<CrashRecord> onRecord, Consumer<SkippedLine> onSkipped) {
      this.onRecord = onRecord;
      this.onSkipped = onSkipped;
    }

    void add(byte b) {
      if (b == '\n') {
        line();
        return;
      }
      if (length == line.length) {
        line = Arrays.copyOf(line, line.length * 2);
      }
      line[length++] = b;
    }

    /** The file's end: a last line without its newline is a line too. */
    void end() {
      if (length > 0) {
        line();
      }
    }

    private void line() {
      number++;
      Object parsed = null;
      try {
        String text = PythonWhitespace.strip(decode(line, 0, length, number == 1));
        if (!text.isEmpty()) {
          parsed = parse(text);
        }
      } catch (CharacterCodingException e) {
        parsed = "not UTF-8 text";
      }
      length = 0;
      if (parsed instanceof CrashRecord) {
        if (!anyRecord) {
          anyRecord = true;
          beforeFirstRecord.forEach(onSkipped);
          beforeFirstRecord.clear();
        }
        onRecord.accept((CrashRecord) parsed);
      } else if (parsed != null) {
        SkippedLine skipped = new SkippedLine(file, number, (String) parsed);
        firstSkipped = firstSkipped == null ? skipped : firstSkipped;
        if (anyRecord) {
          onSkipped.accept(skipped);
        } else {
          beforeFirstRecord.add(skipped); // a file with no record at all is one error, not a line per line
        }
      }
    }
  }

  private static String decode(byte[] bytes, int start, int end, boolean first) throws CharacterCodingException {
    String line = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes, start, end - start))
        .toString();
    // a byte order mark, as an editor or a Windows tool writes it
    return first && line.startsWith("\ufeff") ? line.substring(1) : line;
  }

  /** The record on {@code line}, or, as a String, why the line is skipped. */
  private static Object parse(String line) {
    Object value;
    try {
      value = Json.parse(line);
    } catch (IOException e) {
      return "not JSON (a record cut short by a killed writer, or another tool's line)";
    }
    if (!(value instanceof Map)) {
      return "not a JSON object";
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> fields = (Map<String, Object>) value;
    Object nodeid = fields.get("nodeid");
    if (!(nodeid instanceof String)) {
      return nodeid == null ? "no \"nodeid\"" : "\"nodeid\" is not a string";
    }
    String id = PythonWhitespace.strip((String) nodeid);
    if (id.isEmpty()) {
      return "blank \"nodeid\"";
    }
    CrashRecord record = CrashRecord.of(fields);
    return id.equals(nodeid) ? record : record.with("nodeid", id);
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
