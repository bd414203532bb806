package io.testabort.crash;

import io.testabort.crash.BadInputException;
import io.testabort.crash.io.ProcessIds;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns the markers of processes that are gone into crash records, exactly once even when several
 * collectors share the directory: a collector first claims a marker by renaming it, and only the process
 * whose rename succeeded records it. A marker is any {@code last_running*.json}: the agent's {@code
 * last_running_<pid>.json} and pytest-abort's {@code last_running_main.json} and {@code
 * last_running_gw0.json} (one per xdist worker). Whether its process is gone is decided by the {@code pid}
 * inside the marker, since pytest-abort's names carry none.
 *
 * <p>A collector that dies between its claim and its record (the agent collects in every test JVM that
 * starts, and that JVM may be the next to crash) leaves {@code <marker>.claimed-<its pid>}: once that pid
 * is gone too, the claim is taken over like a marker. Dying after the append but before the delete can
 * then record that crash twice; losing it was the alternative.
 */
public final class Collector {
  private static final Pattern MARKER = Pattern.compile("last_running.*\\.json");
  /** The agent's names carry the pid; used only when the marker itself cannot be read. */
  private static final Pattern PID_NAME = Pattern.compile("last_running_(\\d{1,18})\\.json");
  /** A marker some collector claimed: the marker's name and the claimer's pid. */
  private static final Pattern CLAIMED = Pattern.compile("(last_running.*\\.json)\\.claimed-(\\d{1,18})");

  private final Path markerDir;
  private final CrashLog crashLog;
  private final Map<Long, String> killedBecause;

  /** @param crashLog where records are appended, or null to only return them */
  public Collector(Path markerDir, CrashLog crashLog) {
    this(markerDir, crashLog, Map.of());
  }

  /**
   * @param killedBecause processes the caller killed, with why ({@code run --run-timeout}): their crash has
   *     that reason, signal SIGKILL and exit code 137, unless the JVM said more itself (a fatal error log, an
   *     exit it called)
   */
  public Collector(Path markerDir, CrashLog crashLog, Map<Long, String> killedBecause) {
    this.markerDir = markerDir;
    this.crashLog = crashLog;
    this.killedBecause = Map.copyOf(killedBecause);
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
    for (Path file : markers()) {
      Path marker = markerName(file);
      long pid;
      try {
        pid = pidOf(file);
        if (isAlive(pid)) {
          continue; // its process still runs: the marker is current, not a crash
        }
      } catch (BadInputException e) {
        invalid.add(e);
        continue;
      }
      Path claimed = claim(file, marker);
      if (claimed == null) {
        continue; // another collector got it
      }
      try {
        CrashRecord record = recordOf(Marker.read(claimed), killedBecause.get(pid));
        if (record != null) {
          records.add(crashLog == null ? record : crashLog.append(record, "collector"));
        }
        Files.delete(claimed);
      } catch (BadInputException e) {
        move(claimed, file); // under the name it had: a claim's never overwrites a new marker of that name
        invalid.add(new BadInputException(file, e.problem(), e));
      } catch (IOException e) {
        // the crash log could not be written: give the marker back so a later collect records it
        move(claimed, file);
        throw e;
      }
    }
    return new Result(records, invalid);
  }

  /** Every {@code last_running*.json} of the directory and every claim of a dead collector, in name order. */
  private List<Path> markers() throws IOException {
    try (Stream<Path> files = Files.list(markerDir)) {
      return files
          .filter(f -> (MARKER.matcher(f.getFileName().toString()).matches() || isOrphanedClaim(f)) && Files.isRegularFile(f))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  private static boolean isOrphanedClaim(Path file) {
    Matcher claim = CLAIMED.matcher(file.getFileName().toString());
    return claim.matches() && !isAlive(Long.parseLong(claim.group(2)));
  }

  /** The marker's own name: the file's, or for a claim, the name before {@code .claimed-}. */
  private static Path markerName(Path file) {
    Matcher claim = CLAIMED.matcher(file.getFileName().toString());
    return claim.matches() ? file.resolveSibling(claim.group(1)) : file;
  }

  /**
   * The pid the marker names; for one that cannot be read, the pid in its name ({@code
   * last_running_<pid>.json}); 0 when it is gone already (another collector claimed it).
   */
  private static long pidOf(Path marker) throws BadInputException {
    Matcher name = PID_NAME.matcher(marker.getFileName().toString());
    long pid;
    try {
      pid = Marker.read(marker).pid();
    } catch (BadInputException e) {
      if (!Files.exists(marker)) {
        return 0;
      }
      if (name.matches() && isAlive(Long.parseLong(name.group(1)))) {
        return Long.parseLong(name.group(1)); // its JVM runs: leave it to that JVM
      }
      throw e;
    }
    if (pid < 0) {
      if (name.matches()) {
        return Long.parseLong(name.group(1));
      }
      throw new BadInputException(marker, "invalid marker: its \"pid\" is missing or not a process id, so no way to tell whether its process is gone");
    }
    return pid;
  }

  private static boolean isAlive(long pid) {
    return ProcessIds.isAlive(pid);
  }

  /**
   * Renames {@code file} (the marker, or a dead collector's claim of it) to a name only this process uses;
   * null when another process renamed it first.
   */
  private static Path claim(Path file, Path marker) throws IOException {
    Path claimed = marker.resolveSibling(marker.getFileName() + ".claimed-" + ProcessIds.current());
    try {
      move(file, claimed);
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

  /** The crash a dead JVM's marker shows, or null when it was idle; {@code killedBecause} null if we did not kill it. */
  private static CrashRecord recordOf(Marker marker, String killedBecause) throws BadInputException {
    if (!marker.showsTestInFlight()) {
      return null;
    }
    CrashRecord record = MarkerCheck.recordOfDead(marker);
    if (killedBecause != null && record.fields().get("signal") == null && record.fields().get("exit_code") == null) {
      record = record.with("reason", killedBecause).with("signal", "SIGKILL").with("exit_code", 137);
    }
    return record;
  }
}
