package io.testabort.reports.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Runs the test command with our stdin, stdout and stderr, like {@link ProcessLauncher#INHERIT_IO}, but
 * gives it at most {@code seconds}: past that, {@code beforeKill} names what the hung JVMs run, then the
 * command and every process it started are killed (SIGKILL), so the crash is collected like any other.
 */
public final class DeadlineLauncher implements ProcessLauncher {
  private final long seconds;
  private final Consumer<ProcessHandle> beforeKill;

  public DeadlineLauncher(long seconds, Consumer<ProcessHandle> beforeKill) {
    this.seconds = seconds;
    this.beforeKill = beforeKill;
  }

  @Override
  public int run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
    pb.environment().putAll(environment);
    Process p = pb.start();
    try {
      if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
        beforeKill.accept(p.toHandle());
        killTree(p.toHandle());
      }
      return p.waitFor();
    } catch (InterruptedException e) {
      killTree(p.toHandle());
      throw e;
    }
  }

  /** Children first, so that no parent (Maven, Gradle) can start a new one after it saw its child die. */
  static void killTree(ProcessHandle root) {
    List<ProcessHandle> all = new ArrayList<>(root.descendants().collect(Collectors.toList()));
    root.destroyForcibly();
    for (ProcessHandle h : all) {
      h.destroyForcibly();
    }
  }
}
