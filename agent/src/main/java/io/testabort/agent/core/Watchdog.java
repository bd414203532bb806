package io.testabort.agent.core;

import java.io.IOException;
import java.io.Writer;
import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;

/**
 * {@code timeout=S}: a daemon thread that notices a test running longer than S seconds, writes every
 * thread's stack next to the marker ({@code <marker>.threads.txt}), names that test in the marker with
 * {@code "timeout": S} and halts the JVM with exit code 124 (what coreutils' {@code timeout} uses),
 * before a CI job's own timeout kills it without a word. The marker keeps {@code "status": "running"}:
 * a hang is a crash of that test, and pytest-abort's crash check requires that status.
 */
final class Watchdog extends Thread {
  static final int EXIT_CODE = 124;

  private final TestRegistry registry;
  private final long timeoutSeconds;

  private Watchdog(TestRegistry registry, long timeoutSeconds) {
    super("test-abort-watchdog");
    setDaemon(true);
    this.registry = registry;
    this.timeoutSeconds = timeoutSeconds;
  }

  static void start(TestRegistry registry, long timeoutSeconds) {
    new Watchdog(registry, timeoutSeconds).start();
  }

  @Override
  public void run() {
    long timeoutNanos = timeoutSeconds * 1_000_000_000L;
    long checkMillis = Math.max(50, Math.min(1000, timeoutSeconds * 100));
    while (true) {
      try {
        Thread.sleep(checkMillis);
        RunningTest late = registry.runningLongerThan(timeoutNanos);
        if (late != null) {
          timeOut(late);
          return;
        }
      } catch (InterruptedException e) {
        return;
      } catch (Throwable t) {
        AgentLog.error("watchdog", t);
        return;
      }
    }
  }

  private void timeOut(RunningTest late) {
    Path threads = Paths.get(registry.markerPath() + ".threads.txt");
    String where;
    try {
      writeThreadDump(threads, late);
      where = "threads in " + threads;
    } catch (Throwable t) {
      where = "threads not written to " + threads + " (" + t + ")"; // one line for the timeout, not two
    }
    registry.timedOut(late, timeoutSeconds);
    AgentLog.warn("timeout", late.nodeid + " ran longer than " + timeoutSeconds + " s: " + where
        + ", halting the JVM with exit code " + EXIT_CODE);
    Runtime.getRuntime().halt(EXIT_CODE);
  }

  /** Like jstack: every thread with its state, locks and whole stack (ThreadInfo.toString cuts at 8 frames). */
  static void writeThreadDump(Path file, RunningTest late) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("test-abort: " + late.nodeid + " (thread \"" + late.thread.getName() + "\") ran longer than the timeout; "
          + "thread dump at " + LocalDateTime.now() + "\n\n");
      for (ThreadInfo t : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
        out.write('"' + t.getThreadName() + "\" #" + t.getThreadId() + (t.isDaemon() ? " daemon" : "") + "\n");
        out.write("   java.lang.Thread.State: " + t.getThreadState() + "\n");
        StackTraceElement[] stack = t.getStackTrace();
        for (int i = 0; i < stack.length; i++) {
          out.write("\tat " + stack[i] + "\n");
          if (i == 0 && t.getLockInfo() != null) {
            out.write("\t- waiting on " + t.getLockInfo() + (t.getLockOwnerName() != null ? " owned by \"" + t.getLockOwnerName() + "\"" : "") + "\n");
          }
          for (MonitorInfo m : t.getLockedMonitors()) {
            if (m.getLockedStackDepth() == i) {
              out.write("\t- locked " + m + "\n");
            }
          }
        }
        LockInfo[] synchronizers = t.getLockedSynchronizers();
        if (synchronizers.length > 0) {
          out.write("   Locked synchronizers:\n");
          for (LockInfo l : synchronizers) {
            out.write("\t- " + l + "\n");
          }
        }
        out.write("\n");
      }
    }
  }
}
