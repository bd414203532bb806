package io.testabort.crash.io;

import java.io.File;
import java.io.IOException;

/**
 * This process's pid, and whether another still runs, without starting {@link ProcessHandle} where
 * Linux's {@code /proc} answers: ProcessHandle's class start-up (its reaper executor, built by a lambda)
 * cost a JUnit 4 JVM ~30 ms of CPU at its first test, and a short report-tools run ~10 ms.
 */
public final class ProcessIds {
  private ProcessIds() {}

  /** This process's pid: the target of {@code /proc/self} where there is one, else {@link ProcessHandle}'s. */
  public static long current() {
    if (File.separatorChar == '/') {
      try {
        String name = new File("/proc/self").getCanonicalFile().getName();
        if (!name.isEmpty() && name.length() < 19 && isDigits(name)) {
          return Long.parseLong(name);
        }
      } catch (IOException | RuntimeException e) {
        // no procfs: ask the JDK
      }
    }
    return ProcessHandle.current().pid();
  }

  /** Whether a process {@code pid} (positive) exists. */
  public static boolean isAlive(long pid) {
    return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  private static boolean isDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
