package io.testabort.reports.run;

import io.testabort.crash.CrashRecord;
import io.testabort.reports.summary.VisibleText;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What a {@link TestRunner} did: its runs, the crashes, and the exit code that sums them up. */
public final class RunSummary {
  /** Exit code when every run is done: the last run exited 0 and the crash log holds no crash. */
  public static final int EXIT_CLEAN = 0;
  /** Exit code when a test crashed (in these runs or an earlier one, per the crash log) or the last run failed. */
  public static final int EXIT_CRASHED_OR_FAILED = 1;

  static final int REASON_WIDTH = 72;

  /** One run of the test command. */
  public static final class Run {
    private final int number;
    private final int exitCode;
    private final List<CrashRecord> newCrashes;

    Run(int number, int exitCode, List<CrashRecord> newCrashes) {
      this.number = number;
      this.exitCode = exitCode;
      this.newCrashes = Collections.unmodifiableList(new ArrayList<>(newCrashes));
    }

    public int number() {
      return number;
    }

    public int exitCode() {
      return exitCode;
    }

    public List<CrashRecord> newCrashes() {
      return newCrashes;
    }
  }

  private final List<CrashRecord> earlier;
  private final List<Run> runs;
  private final boolean stoppedByMaxRuns;

  RunSummary(List<CrashRecord> earlier, List<Run> runs, boolean stoppedByMaxRuns) {
    this.earlier = Collections.unmodifiableList(new ArrayList<>(earlier));
    this.runs = Collections.unmodifiableList(new ArrayList<>(runs));
    this.stoppedByMaxRuns = stoppedByMaxRuns;
  }

  /** Crashes the crash log held before the first run (they were skipped from the start). */
  public List<CrashRecord> earlierCrashes() {
    return earlier;
  }

  public List<Run> runs() {
    return runs;
  }

  /** True when the last run still crashed a new test: the suite never ran to its end. */
  public boolean stoppedByMaxRuns() {
    return stoppedByMaxRuns;
  }

  public int exitCode() {
    boolean crashed = !earlier.isEmpty() || runs.stream().anyMatch(r -> !r.newCrashes.isEmpty());
    boolean lastFailed = runs.get(runs.size() - 1).exitCode != 0;
    return crashed || lastFailed ? EXIT_CRASHED_OR_FAILED : EXIT_CLEAN;
  }

  /** The summary tables, every line prefixed with {@link TestRunner#PREFIX}. */
  public void print(PrintWriter out) {
    out.println(TestRunner.PREFIX + "summary");
    List<String[]> runRows = new ArrayList<>();
    runRows.add(new String[] {"run", "exit", "new crashes"});
    for (Run r : runs) {
      runRows.add(new String[] {String.valueOf(r.number), String.valueOf(r.exitCode), String.valueOf(r.newCrashes.size())});
    }
    TextTable.print(out, TestRunner.PREFIX, runRows);
    List<String[]> crashRows = new ArrayList<>();
    crashRows.add(new String[] {"crashed test", "run", "reason"});
    for (CrashRecord c : earlier) {
      crashRows.add(new String[] {VisibleText.of(c.nodeid()), "earlier", truncate(c.reason())});
    }
    for (Run r : runs) {
      for (CrashRecord c : r.newCrashes) {
        crashRows.add(new String[] {VisibleText.of(c.nodeid()), String.valueOf(r.number), truncate(c.reason())});
      }
    }
    if (crashRows.size() == 1) {
      out.println(TestRunner.PREFIX + "no test crashed");
    } else {
      TextTable.print(out, TestRunner.PREFIX, crashRows);
    }
    if (stoppedByMaxRuns) {
      out.println(TestRunner.PREFIX + "stopped after " + runs.size() + (runs.size() == 1 ? " run" : " runs")
          + " (--max-runs); the last run crashed again");
    }
    out.println(TestRunner.PREFIX + "exit code " + exitCode());
  }

  /**
   * The runs as Markdown, for the GitHub job summary above the crashes: each run's exit code and new
   * crashes, and how the runs ended. Holds numbers only, so nothing in it needs escaping.
   */
  public String markdown() {
    StringBuilder md = new StringBuilder("## test-abort run: ").append(runs.size()).append(runs.size() == 1 ? " run" : " runs")
        .append(", exit code ").append(exitCode()).append("\n\n| run | exit | new crashes |\n| --- | --- | --- |\n");
    for (Run r : runs) {
      md.append("| ").append(r.number).append(" | ").append(r.exitCode).append(" | ").append(r.newCrashes.size()).append(" |\n");
    }
    if (!earlier.isEmpty()) {
      md.append("\n").append(earlier.size()).append(" crashed test(s) of earlier runs, from the crash log, were skipped from run 1.\n");
    }
    if (stoppedByMaxRuns) {
      md.append("\nStopped after ").append(runs.size()).append(runs.size() == 1 ? " run" : " runs")
          .append(" (`--max-runs`): the last run crashed again, so the suite never ran to its end.\n");
    } else if (runs.get(runs.size() - 1).exitCode == 0) {
      md.append("\nThe last run went to its end with exit code 0.\n");
    }
    return md.toString();
  }

  /** One line of at most {@link #REASON_WIDTH} characters, so the table stays a table. */
  static String truncate(String reason) {
    String line = VisibleText.of(reason.replaceAll("\\s+", " ").strip());
    return line.length() <= REASON_WIDTH ? line : line.substring(0, REASON_WIDTH - 3) + "...";
  }
}
