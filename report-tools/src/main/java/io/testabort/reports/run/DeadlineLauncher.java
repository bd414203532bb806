package io.testabort.reports.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.function.Consumer;

/**
 * Runs the test command with our stdin, stdout and stderr, like {@link ProcessLauncher#INHERIT_IO}, but
 * gives it at most {@code seconds}: past that, {@code beforeKill} names what the hung JVMs run, then the
 * command and every process it started are killed (SIGKILL), so the crash is collected like any other.
 */
public final class DeadlineLauncher implements ProcessLauncher {
  /** The exit code a run past its deadline is reported with: 128 + SIGKILL, as a shell reports it. */
  public static final int KILLED = 137;
  /** How long the killed processes get to be gone before the crashes are collected. */
  static final long EXIT_WAIT_SECONDS = 10;

  private final long seconds;
  private final Consumer<ProcessHandle> beforeKill;
  /** What the deadline killed and not yet taken; shards of {@code run --gpus} share this launcher. */
  private final Map<Long, String> kills = new ConcurrentHashMap<>();

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
        String why = "killed by run --run-timeout after " + seconds + " s (SIGKILL)";
        for (ProcessHandle h : killTree(p.toHandle())) {
          kills.put(h.pid(), why);
        }
        p.waitFor();
        // what a SIGKILL'd command exits with: a wrapper whose child died first may exit 0 on its own
        return KILLED;
      }
      return p.waitFor();
    } catch (InterruptedException e) {
      killTree(p.toHandle());
      throw e;
    }
  }

  /**
   * Kills {@code root} and every process it started, children first, so that no parent (Maven, Gradle,
   * a shell script) can start a new one after it saw its child die; then waits until they are all gone,
   * so that the collector that runs next does not take a dying test JVM for a live one and leave its
   * marker (the command is often a wrapper: {@code ./mvnw}, {@code sh -c}, whose test JVM is a grandchild).
   */
  static List<ProcessHandle> killTree(ProcessHandle root) {
    return kill(root, true);
  }

  @Override
  public Map<Long, String> takeKills() {
    Map<Long, String> taken = new HashMap<>();
    for (Long pid : List.copyOf(kills.keySet())) {
      String why = kills.remove(pid);
      if (why != null) {
        taken.put(pid, why);
      }
    }
    return taken;
  }

  /**
   * Kills what this JVM started, and what those started, as {@link #killTree} does: the runner's shutdown
   * hook, so that a SIGTERM to the runner alone (a CI cancel, {@code docker stop}) leaves no test JVM
   * running on, as a Ctrl-C to its process group would not either.
   */
  public static void killDescendants() {
    kill(ProcessHandle.current(), false);
  }

  /** Kills the tree and returns it. */
  private static List<ProcessHandle> kill(ProcessHandle root, boolean withRoot) {
    List<ProcessHandle> tree = new ArrayList<>();
    List<ProcessHandle> level = withRoot ? List.of(root) : root.children().collect(Collectors.toList());
    while (!level.isEmpty()) { // level by level: parents before their children
      tree.addAll(level);
      List<ProcessHandle> next = new ArrayList<>();
      for (ProcessHandle h : level) {
        h.children().forEach(next::add);
      }
      level = next;
    }
    Collections.reverse(tree);
    for (ProcessHandle h : tree) {
      h.destroyForcibly();
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(EXIT_WAIT_SECONDS);
    for (ProcessHandle h : tree) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return tree;
      }
      try {
        h.onExit().get(left, TimeUnit.NANOSECONDS);
      } catch (TimeoutException | ExecutionException e) {
        return tree; // a process that outlives SIGKILL this long (uninterruptible I/O): collect what we can
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return tree;
      }
    }
    return tree;
  }
}
