package io.testabort.reports.run;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Runs the test command once; an interface so the rerun logic can be tested without real processes. */
public interface ProcessLauncher {
  /** Runs {@code command} with {@code environment} added to ours, waits for it and returns its exit code. */
  int run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException;

  /**
   * The processes this launcher killed since the last call, each with why (a run past its deadline), and
   * forgets them: a killed test JVM's crash says so instead of pytest-abort's generic reason.
   */
  default Map<Long, String> takeKills() {
    return Map.of();
  }

  /** In the current directory, sharing our stdin, stdout and stderr, so the user sees the tests' output. */
  ProcessLauncher INHERIT_IO = (command, environment) -> {
    ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
    pb.environment().putAll(environment);
    Process p = pb.start();
    try {
      return p.waitFor();
    } catch (InterruptedException e) {
      p.destroy();
      throw e;
    }
  };
}
