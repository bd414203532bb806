package io.testabort.crash;

import io.testabort.crash.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * pytest-abort's {@code check_for_crash_file}: a marker left with a test in flight means that test's
 * process died. Unlike the reference, an invalid marker is reported, not deleted: inputs stay untouched.
 */
public final class MarkerCheck {
  /** pytest-abort ignores markers younger than this, to avoid false positives. */
  public static final double DEFAULT_MIN_DURATION = 0.1;

  /** JVM marker keys copied into the record as they are. */
  private static final List<String> COPIED = List.of("framework", "unique_id", "display_name", "phase", "thread");

  private final double minDuration;

  public MarkerCheck(double minDuration) {
    this.minDuration = minDuration;
  }

  /** The crash {@code markerFile} shows, or empty when it is missing, idle or too young. */
  public Optional<CrashRecord> check(Path markerFile) throws BadInputException {
    if (!Files.exists(markerFile)) {
      return Optional.empty();
    }
    Marker marker = Marker.read(markerFile);
    if (!marker.showsTestInFlight()) {
      return Optional.empty();
    }
    Instant now = Instant.now();
    double duration = marker.secondsRunning(now);
    if (duration < minDuration) {
      return Optional.empty();
    }
    return Optional.of(record(marker, duration, null));
  }

  /**
   * The record for a marker whose JVM is gone: reason from the marker, the JVM's fatal error log when
   * it wrote one, and its exit status when known (null otherwise).
   */
  public static CrashRecord record(Marker marker, double duration, Integer exitCode) {
    return record(marker, duration, exitCode, IsoTime.now());
  }

  /**
   * The record for the marker of a JVM that died a while ago: its crash time and duration run to when its
   * fatal error log was written, the moment it died, when it wrote one (a marker collected in a later CI
   * step would otherwise get that step's time); to now otherwise, the latest it can have died.
   */
  public static CrashRecord recordOfDead(Marker marker) throws BadInputException {
    Instant died = Instant.now();
    Path errorFile = marker.errorFile();
    Instant written = null;
    try {
      written = errorFile != null && Files.isRegularFile(errorFile) ? Files.getLastModifiedTime(errorFile).toInstant() : null;
    } catch (IOException | RuntimeException e) {
      // the time of collection stands
    }
    // not a log of an earlier JVM with the same pid, written before this test began
    if (written != null && written.isBefore(died) && marker.secondsRunning(written) >= 0) {
      died = written;
    }
    return record(marker, marker.secondsRunning(died), null,
        IsoTime.format(LocalDateTime.ofInstant(died, ZoneId.systemDefault())));
  }

  private static CrashRecord record(Marker marker, double duration, Integer exitCode, String crashTime) {
    HsErrLog hsErr = readHsErr(marker.errorFile());
    Map<String, Object> m = onCrashedThread(marker.fields(), hsErr);
    String id = string(m.get("nodeid"), string(m.get("test_name"), "unknown_test"));
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("test_name", id);
    r.put("test_class", m.get("test_class") instanceof String ? m.get("test_class") : classOf(id));
    r.put("nodeid", id);
    r.put("reason", CrashReason.of(m, hsErr, exitCode));
    r.put("crash_time", crashTime);
    r.put("duration", duration);
    r.put("gpu_id", string(m.get("gpu_id"), "unknown"));
    r.put("pid", string(m.get("pid"), "unknown"));
    putIfKnown(r, "signal", CrashReason.signalOf(hsErr, exitCode));
    Object exit = m.get("exit");
    putIfKnown(r, "exit_code", exit instanceof Map ? ((Map<?, ?>) exit).get("code") : exitCode);
    if (hsErr != null) {
      putIfKnown(r, "error_file", marker.errorFile().toString());
      putIfKnown(r, "problematic_frame", hsErr.problematicFrame());
      putIfKnown(r, "crash_thread", hsErr.thread());
    }
    for (String key : COPIED) {
      putIfKnown(r, key, m.get(key));
    }
    // the test JVM's working directory: which module of a build it was (a Surefire fork runs in it)
    Object jvm = m.get("jvm");
    putIfKnown(r, "cwd", jvm instanceof Map && ((Map<?, ?>) jvm).get("cwd") instanceof String ? ((Map<?, ?>) jvm).get("cwd") : null);
    return CrashRecord.of(r);
  }

  /**
   * With tests running in parallel the marker's top is the latest to start, not necessarily the one that
   * crashed. The fatal error log names the crashed thread; when another test of {@code running} ran on it,
   * that test is the one to blame (its entry has no display name or unique id, so those go).
   */
  static Map<String, Object> onCrashedThread(Map<String, Object> marker, HsErrLog hsErr) {
    Object running = marker.get("running");
    if (hsErr == null || hsErr.thread() == null || !(running instanceof List)) {
      return marker;
    }
    for (Object entry : (List<?>) running) {
      if (entry instanceof Map && hsErr.thread().equals(((Map<?, ?>) entry).get("thread"))) {
        Map<?, ?> crashed = (Map<?, ?>) entry;
        if (crashed.get("nodeid") == null || crashed.get("nodeid").equals(marker.get("nodeid"))) {
          return marker;
        }
        Map<String, Object> pinned = new LinkedHashMap<>(marker);
        String nodeid = String.valueOf(crashed.get("nodeid"));
        pinned.put("nodeid", nodeid);
        pinned.put("test_name", nodeid);
        pinned.put("test_class", classOf(nodeid));
        pinned.put("thread", crashed.get("thread"));
        pinned.put("phase", crashed.get("phase"));
        pinned.put("start_time", crashed.get("start_time"));
        pinned.remove("display_name");
        pinned.remove("unique_id");
        pinned.remove("method");
        return pinned;
      }
    }
    return marker;
  }

  private static HsErrLog readHsErr(Path errorFile) {
    if (errorFile == null || !Files.isRegularFile(errorFile)) {
      return null;
    }
    try {
      return HsErrLog.read(errorFile);
    } catch (BadInputException e) {
      // the marker alone still names the test; the reason just gets less specific
      return null;
    }
  }

  /** pytest-abort's class of a node id (the part after the first {@code ::}), or a JVM id's class. */
  static String classOf(String nodeid) {
    String[] parts = nodeid.split("::", -1);
    if (parts.length >= 2) {
      return parts[1];
    }
    int hash = nodeid.indexOf('#');
    return hash > 0 ? nodeid.substring(0, hash) : "UnknownClass";
  }

  private static String string(Object value, String fallback) {
    return value == null ? fallback : String.valueOf(value);
  }

  private static void putIfKnown(Map<String, Object> r, String key, Object value) {
    if (value != null) {
      r.put(key, value);
    }
  }
}
