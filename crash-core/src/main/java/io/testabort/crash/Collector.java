package io.testabort.crash;

import io.testabort.crash.BadInputException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns the markers of JVMs that are gone ({@code last_running_<pid>.json}, docs/interface.md section 3) into
 * crash records, exactly once even when several collectors share the directory: a collector first claims
 * a marker by renaming it, and only the process whose rename succeeded records it.
 */
public final class Collector {
  private static final Pattern MARKER = Pattern.compile("last_running_(\\d+)\\.json");

  private final Path markerDir;
  private final CrashLog crashLog;

  /** @param crashLog where records are appended, or null to only return them */
  public Collector(Path markerDir, CrashLog crashLog) {
    this.markerDir = markerDir;
    this.crashLog = crashLog;
  }

  /** What one pass found. */
  public static final class Result {
    private final List<CrashRecord> records;
    private final List<BadInputException> invalid;

    Result(List<CrashRecord> records, List<BadInputException> invalid) {
      this.records = Collections.unmodifiableList(records);
      this.invalid = Collections.unmodifiableList(invalid);
    }

    /** The crashes this collector recorded, as written to the log. */
    public List<CrashRecord> records() {
      return records;
    }

    /** Markers of dead JVMs that could not be read; they were left in place under their own name. */
    public List<BadInputException> invalid() {
      return invalid;
    }
  }

  public Result collect() throws BadInputException, IOException {
    if (!Files.isDirectory(markerDir)) {
      throw new BadInputException(markerDir, "not a directory");
    }
    List<CrashRecord> records = new ArrayList<>();
    List<BadInputException> invalid = new ArrayList<>();
    for (Path marker : deadMarkers()) {
      Path claimed = claim(marker);
      if (claimed == null) {
        continue; // another collector got it
      }
      try {
        CrashRecord record = recordOf(Marker.read(claimed));
        if (record != null) {
          records.add(crashLog == null ? record : crashLog.append(record, "collector"));
        }
        Files.delete(claimed);
      } catch (BadInputException e) {
        move(claimed, marker);
        invalid.add(new BadInputException(marker, e.problem(), e));
      } catch (IOException e) {
        // the crash log could not be written: give the marker back so a later collect records it
        move(claimed, marker);
        throw e;
      }
    }
    return new Result(records, invalid);
  }

  /** Markers whose pid is no longer running, in name order. */
  private List<Path> deadMarkers() throws IOException {
    try (Stream<Path> files = Files.list(markerDir)) {
      return files
          .filter(f -> {
            Matcher m = MARKER.matcher(f.getFileName().toString());
            return m.matches() && !isAlive(Long.parseLong(m.group(1)));
          })
          .sorted()
          .collect(Collectors.toList());
    }
  }

  private static boolean isAlive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** Renames the marker to a name only this process uses; null when another process renamed it first. */
  private static Path claim(Path marker) throws IOException {
    Path claimed = marker.resolveSibling(marker.getFileName() + ".claimed-" + ProcessHandle.current().pid());
    try {
      move(marker, claimed);
      return claimed;
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("cannot claim markers atomically in " + from.getParent(), e);
    }
  }

  /** The crash a dead JVM's marker shows, or null when it was idle. */
  private static CrashRecord recordOf(Marker marker) throws BadInputException {
    if (!marker.showsTestInFlight()) {
      return null;
    }
    return MarkerCheck.record(marker, marker.secondsRunning(Instant.now()), null);
  }
}
