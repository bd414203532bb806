package io.testabort.reports.run;

import io.testabort.crash.BadInputException;
import io.testabort.crash.Collector;
import io.testabort.crash.CrashLog;
import io.testabort.crash.CrashRecord;
import io.testabort.reports.ReportSet;
import io.testabort.reports.summary.StepSummary;
import io.testabort.reports.summary.VisibleText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs a test command with the agent until it completes without a new crash: after each run the markers
 * of dead JVMs go into the crash log, the reports get the crashes, and the next run skips every test of
 * the log. Stops after {@code maxRuns} runs at most.
 */
public final class TestRunner {
  /** What the runner prints starts with this, so it stands out from the test command's own output. */
  public static final String PREFIX = "[test-abort run] ";

  private final AgentLaunch agent;
  private final int maxRuns;
  private final ReportSet reports;
  private final ProcessLauncher launcher;
  private final PrintWriter out;
  private final PrintWriter err;
  private String stepSummary;

  public TestRunner(AgentLaunch agent, int maxRuns, ReportSet reports, ProcessLauncher launcher, PrintWriter out,
      PrintWriter err) {
    if (maxRuns < 1) {
      throw new IllegalArgumentException("--max-runs must be at least 1, not " + maxRuns);
    }
    this.agent = agent;
    this.maxRuns = maxRuns;
    this.reports = reports;
    this.launcher = launcher;
    this.out = out;
    this.err = err;
  }

  /**
   * GitHub Actions' {@code $GITHUB_STEP_SUMMARY} (null: unset): the crashed tests are appended to it as
   * Markdown after the last run.
   */
  public TestRunner stepSummary(String file) {
    this.stepSummary = file;
    return this;
  }

  /** Runs {@code command} with our JAVA_TOOL_OPTIONS plus the agent, again and again while it crashes new tests. */
  public RunSummary run(List<String> command) throws BadInputException, IOException, InterruptedException {
    return run(command, System.getenv("JAVA_TOOL_OPTIONS"));
  }

  /** @param existing the caller's JAVA_TOOL_OPTIONS (null if unset), which the runs keep */
  RunSummary run(List<String> command, String existing) throws BadInputException, IOException, InterruptedException {
    if (AgentLaunch.loadsTestAbortAgent(existing)) {
      err.println(PREFIX + "note: JAVA_TOOL_OPTIONS already loads a test-abort agent; the runner's options come first and win");
    }
    Files.createDirectories(agent.markerDir());
    collect(); // dead JVMs' markers left from before belong to earlier crashes, skipped like the logged ones
    List<CrashRecord> earlier = crashes();
    List<CrashRecord> known = earlier;
    List<RunSummary.Run> runs = new ArrayList<>();
    boolean newCrashes = true;
    for (int n = 1; n <= maxRuns && newCrashes; n++) {
      boolean skip = Files.exists(agent.crashLog());
      out.println(PREFIX + "run " + n + " of at most " + maxRuns
          + (known.isEmpty() ? "" : ", skipping " + known.size() + " crashed test(s)") + ": " + String.join(" ", command));
      out.flush(); // before the command's output, which goes straight to our stdout
      int exitCode = launcher.run(command, Map.of("JAVA_TOOL_OPTIONS", agent.javaToolOptions(existing, skip)));
      collect();
      List<CrashRecord> now = crashes();
      List<CrashRecord> added = since(known, now);
      out.println(PREFIX + "run " + n + " exited " + exitCode + ", " + added.size() + " new crash(es)"
          + added.stream().map(c -> "\n" + PREFIX + "  crashed: " + VisibleText.of(c.nodeid())).collect(Collectors.joining()));
      runs.add(new RunSummary.Run(n, exitCode, added));
      if (!now.isEmpty()) {
        for (Path p : reports.addCrashes(now, null)) {
          out.println(PREFIX + "patched " + p);
        }
      }
      known = now;
      newCrashes = !added.isEmpty();
    }
    RunSummary summary = new RunSummary(earlier, runs, newCrashes);
    summary.print(out);
    try {
      if (StepSummary.appendIfConfigured(summary.markdown(), known, stepSummary)) {
        out.println(PREFIX + "crash summary appended to $" + StepSummary.ENV);
      }
    } catch (IOException e) {
      // the run's outcome stands: exit code as printed, the summary file's problem a warning
      err.println(PREFIX + "warning: cannot append to $" + StepSummary.ENV + ": " + e.getMessage());
    }
    out.flush();
    return summary;
  }

  /** Records the crashes of JVMs that are gone; the agent of a later JVM may have recorded some already. */
  private void collect() throws BadInputException, IOException {
    Collector.Result result = new Collector(agent.markerDir(), new CrashLog(agent.crashLog()), launcher.takeKills()).collect();
    for (BadInputException e : result.invalid()) {
      err.println(PREFIX + "warning: " + e.getMessage() + " (left in place)");
    }
  }

  /** The crash log's crashed tests, one record each, in the order they crashed. */
  private List<CrashRecord> crashes() throws BadInputException {
    return Files.exists(agent.crashLog())
        ? new CrashLog(agent.crashLog()).readFirstPerNodeid(line -> err.println(PREFIX + "warning: " + line))
        : List.of();
  }

  /**
   * The crashes of {@code now} whose test was not in {@code before}. Judged on the log, not on what our
   * collector found, because the agent in a later JVM of the same run may have collected a crash itself.
   */
  static List<CrashRecord> since(List<CrashRecord> before, List<CrashRecord> now) {
    Set<String> seen = before.stream().map(CrashRecord::nodeid).collect(Collectors.toSet());
    return now.stream().filter(c -> !seen.contains(c.nodeid())).collect(Collectors.toList());
  }
}
