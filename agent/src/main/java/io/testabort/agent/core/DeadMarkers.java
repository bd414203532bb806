package io.testabort.agent.core;

import io.testabort.crash.BadInputException;
import io.testabort.crash.Collector;
import io.testabort.crash.CrashLog;
import io.testabort.crash.Marker;
import io.testabort.crash.MarkerCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * With {@code crashLog} set, a starting test JVM records the crashes earlier JVMs left behind, so a CI job
 * that only sets {@code JAVA_TOOL_OPTIONS} still gets its crash log without running {@code collect}. It
 * uses report-tools' collector (claim by rename, exactly once, appended under a lock).
 */
final class DeadMarkers {
  private static volatile Thread collector;

  private DeadMarkers() {}

  /** Lets a running collection finish before the JVM exits (a short test run may end first). */
  static void awaitCollection(long millis) {
    Thread t = collector;
    if (t != null) {
      try {
        t.join(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** {@code dir} mode: every dead JVM's marker, in the background so no test waits for it. */
  static void collectInBackground(final Path markerDir, final Path crashLog) {
    Thread t = new Thread("test-abort-collector") {
      @Override
      public void run() {
        try {
          if (!Files.isDirectory(markerDir)) {
            return; // the first JVM of a clean build: no folder yet, so no earlier JVM's marker either
          }
          Collector.Result result = new Collector(markerDir, new CrashLog(crashLog)).collect();
          for (BadInputException e : result.invalid()) {
            AgentLog.warn(e.getMessage(), "left an unreadable marker in place: " + e.getMessage());
          }
          AgentLog.debug("collected " + result.records().size() + " crashes of earlier JVMs into " + crashLog);
        } catch (Throwable e) {
          AgentLog.error("collecting dead JVMs' markers in " + markerDir, e);
        }
      }
    };
    t.setDaemon(true);
    collector = t;
    t.start();
  }

  /** {@code file} mode: the marker a dead JVM left at our marker path, recorded before we overwrite it. */
  static void recordBeforeOverwrite(Path markerFile, Path crashLog, long ownPid) {
    try {
      if (!Files.isRegularFile(markerFile)) {
        return;
      }
      Marker marker = Marker.read(markerFile);
      Object pid = marker.fields().get("pid");
      long previous = pid instanceof Number ? ((Number) pid).longValue() : -1;
      boolean alive = previous == ownPid || ProcessHandle.of(previous).map(ProcessHandle::isAlive).orElse(false);
      if (!alive && marker.showsTestInFlight()) {
        new CrashLog(crashLog).append(MarkerCheck.record(marker, marker.secondsRunning(Instant.now()), null), "agent");
      }
    } catch (Throwable e) {
      AgentLog.error("recording the earlier marker " + markerFile, e);
    }
  }
}
