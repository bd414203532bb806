package io.testabort.crash;

import java.util.List;
import java.util.Map;

/** The one-line {@code reason} of docs/interface.md section 4, from what is known about how a JVM ended. */
public final class CrashReason {
  /** pytest-abort's reason when nothing more is known. */
  public static final String UNKNOWN = "Test crashed (segfault, abort, or fatal error)";

  private CrashReason() {}

  /**
   * @param marker the marker's fields
   * @param hsErr the JVM's fatal error log, or null
   * @param exitCode the JVM's exit status when its parent saw it (128 + signal for a signal), or null
   */
  public static String of(Map<String, ?> marker, HsErrLog hsErr, Integer exitCode) {
    // a thread name or stack frame could hold a line break; the reason stays one line
    return describe(marker, hsErr, exitCode).replaceAll("[\\r\\n]+", " ");
  }

  private static String describe(Map<String, ?> marker, HsErrLog hsErr, Integer exitCode) {
    if (hsErr != null && (hsErr.signal() != null || hsErr.error() != null)) {
      return fromHsErr(hsErr);
    }
    String exit = fromExitCall(marker.get("exit"));
    if (exit != null) {
      return exit;
    }
    Object limit = marker.get("timeout");
    if (limit instanceof Number) {
      // the agent's watchdog stopped the test: "status" stays "running" and "timeout" holds its limit
      return "timeout after " + seconds((Number) limit);
    }
    if ("timeout".equals(marker.get("status"))) {
      return "timeout"; // the older form, status replaced and no limit known
    }
    if (exitCode != null) {
      return fromExitCode(exitCode);
    }
    return UNKNOWN;
  }

  static String fromHsErr(HsErrLog log) {
    StringBuilder s = new StringBuilder(log.signal() != null ? log.signal() : log.error());
    if (log.problematicFrame() != null) {
      s.append(" in ").append(log.problematicFrame());
    }
    if (log.thread() != null) {
      s.append(" (thread \"").append(log.thread()).append("\")");
    }
    return s.toString();
  }

  /** The reason for a marker whose {@code exit.via} is {@code shutdown}. */
  static final String SHUTDOWN = "shut down by a signal (SIGTERM or SIGINT) during the test";

  /** {@code System.exit(3) called from <top frame>} from the marker's {@code exit} object. */
  private static String fromExitCall(Object exit) {
    if (!(exit instanceof Map)) {
      return null;
    }
    Map<?, ?> e = (Map<?, ?>) exit;
    if ("shutdown".equals(e.get("via"))) {
      return SHUTDOWN; // no caller and no code: the JVM's own signal handler ended it
    }
    Object via = e.get("via") instanceof String ? e.get("via") : "System.exit";
    StringBuilder s = new StringBuilder().append(via).append('(').append(e.get("code")).append(')');
    Object stack = e.get("stack");
    if (stack instanceof List && !((List<?>) stack).isEmpty()) {
      s.append(" called from ").append(((List<?>) stack).get(0));
    }
    return s.toString();
  }

  static String fromExitCode(int code) {
    String name = signalOf(null, code);
    if (code <= 128) {
      return "exited with code " + code;
    }
    int signal = code - 128;
    if (name == null) {
      return "killed by signal " + signal + " (exit " + code + ")";
    }
    String what = description(signal);
    return (what == null ? "killed by " + name : name + " (" + what + ")") + " (exit " + code + ")";
  }

  /** What a signal that a process raises itself means; null for the signals others send to kill it. */
  private static String description(int signal) {
    switch (signal) {
      case 4:
        return "illegal instruction";
      case 6:
        return "abort";
      case 7:
        return "bus error";
      case 8:
        return "arithmetic error";
      case 11:
        return "segmentation fault";
      default:
        return null;
    }
  }

  private static String seconds(Number n) {
    double d = n.doubleValue();
    return (d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d)) + " s";
  }

  /** The signal name for a record's {@code signal} field, or null. */
  static String signalOf(HsErrLog hsErr, Integer exitCode) {
    if (hsErr != null && hsErr.signal() != null) {
      return hsErr.signal();
    }
    if (exitCode == null || exitCode <= 128) {
      return null;
    }
    switch (exitCode - 128) {
      case 2:
        return "SIGINT";
      case 4:
        return "SIGILL";
      case 6:
        return "SIGABRT";
      case 7:
        return "SIGBUS";
      case 8:
        return "SIGFPE";
      case 9:
        return "SIGKILL";
      case 11:
        return "SIGSEGV";
      case 15:
        return "SIGTERM";
      default:
        return null;
    }
  }
}
