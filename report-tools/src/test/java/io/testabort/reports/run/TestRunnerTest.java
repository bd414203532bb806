package io.testabort.reports.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.testabort.crash.CrashLog;
import io.testabort.crash.CrashRecord;
import io.testabort.crash.IsoTime;
import io.testabort.reports.ReportSet;
import io.testabort.reports.junit.JUnitXmlReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rerun loop against a fake test command that leaves markers or log records the way crashed JVMs do. */
class TestRunnerTest {
  /** Above any Linux pid_max, so the marker's JVM is certainly gone. */
  static final long DEAD_PID = 2_147_483_000L;

  @TempDir Path tmp;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();
  final List<String> javaToolOptions = new ArrayList<>();
  final Deque<Run> runs = new ArrayDeque<>();
  /** The caller's JAVA_TOOL_OPTIONS. */
  String callerOptions = "-Xmx64m";

  /** What one fake run does before exiting with its code. */
  interface Run {
    int run() throws Exception;
  }

  Path markers() {
    return tmp.resolve("markers");
  }

  Path log() {
    return tmp.resolve("crashes.jsonl");
  }

  /** A run whose JVM died in {@code nodeid}: the marker it leaves, and the exit code of a SIGKILL. */
  Run crashIn(String nodeid) {
    return () -> {
      Files.writeString(markers().resolve("last_running_" + DEAD_PID + ".json"), "{\"test_name\": \"m\", \"nodeid\": \""
          + nodeid + "\", \"start_time\": \"" + IsoTime.format(LocalDateTime.now().minusSeconds(1))
          + "\", \"status\": \"running\", \"pid\": " + DEAD_PID + ", \"gpu_id\": \"unknown\"}");
      return 137;
    };
  }

  static Run exit(int code) {
    return () -> code;
  }

  /** The step summary file the runner is given ($GITHUB_STEP_SUMMARY), or null. */
  String stepSummary;

  RunSummary runner(int maxRuns, ReportSet reports, Run... script) throws Exception {
    runs.addAll(List.of(script));
    ProcessLauncher fake = (command, env) -> {
      assertThat(command).containsExactly("mvn", "test");
      javaToolOptions.add(env.get("JAVA_TOOL_OPTIONS"));
      try {
        return runs.pop().run();
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    };
    AgentLaunch agent = new AgentLaunch(tmp.resolve("agent.jar"), markers(), log(), null);
    return new TestRunner(agent, maxRuns, reports, fake, new PrintWriter(out, true), new PrintWriter(err, true))
        .stepSummary(stepSummary)
        .run(List.of("mvn", "test"), callerOptions);
  }

  @Test
  void aCrashIsRecordedReportedAndSkippedInTheNextRun() throws Exception {
    Path junit = tmp.resolve("reports");
    ReportSet reports = new ReportSet().addDirectory(junit, JUnitXmlReport.FILES, new JUnitXmlReport());

    RunSummary summary = runner(5, reports, crashIn("com.example.LedgerTest#reconciles[2]"), exit(0));

    assertThat(summary.runs()).extracting(RunSummary.Run::exitCode).containsExactly(137, 0);
    assertThat(summary.runs().get(0).newCrashes()).extracting(CrashRecord::nodeid)
        .containsExactly("com.example.LedgerTest#reconciles[2]");
    assertThat(summary.runs().get(1).newCrashes()).isEmpty();
    assertThat(summary.exitCode()).isEqualTo(RunSummary.EXIT_CRASHED_OR_FAILED);
    assertThat(summary.stoppedByMaxRuns()).isFalse();
    assertThat(javaToolOptions).allMatch(o -> o.startsWith("-javaagent:" + tmp.resolve("agent.jar") + "=") && o.endsWith(" -Xmx64m"));
    assertThat(javaToolOptions.get(0)).doesNotContain("skip=");
    assertThat(javaToolOptions.get(1)).contains(",skip=" + log());
    assertThat(new CrashLog(log()).read()).hasSize(1);
    assertThat(Files.readString(junit.resolve("TEST-com.example.LedgerTest.xml"))).contains("<error");
    assertThat(out.toString())
        .contains("[test-abort run] run 2 of at most 5, skipping 1 crashed test(s): mvn test")
        .containsPattern("(?m)^\\[test-abort run\\] 1    137   1$")
        .containsPattern("(?m)^\\[test-abort run\\] com.example.LedgerTest#reconciles\\[2]  1    Test crashed")
        .contains("[test-abort run] exit code 1");
    assertThat(out.toString().lines()).allMatch(l -> l.startsWith(TestRunner.PREFIX));
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void aNameWithControlCharactersCannotForgeALineOrReachTheTerminal() throws Exception {
    String nodeid = "com.x.T#t[\\u001b]0;PWNED\\u0007\\u001b[2J\\n[test-abort run] exit code 0\\u007f\\u202e]";

    runner(5, new ReportSet(), crashIn(nodeid), exit(0));

    assertThat(new CrashLog(log()).read()).singleElement().satisfies(c -> assertThat(c.nodeid()).contains("\u001b"));
    assertThat(out.toString()).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u007f").doesNotContain("\u202e")
        .contains("crashed: com.x.T#t[\u241b]0;PWNED\u2407\u241b[2J\u240a[test-abort run] exit code 0\u2421\ufffd]")
;
    assertThat(out.toString().lines()).allMatch(l -> l.startsWith(TestRunner.PREFIX))
        .filteredOn(l -> l.startsWith("[test-abort run] exit code ")).containsExactly("[test-abort run] exit code 1");
  }

  // the job summary showed the crashes but not the runs: whether the suite went to its end, and how
  @Test
  void theStepSummaryShowsTheRunsAboveTheCrashes() throws Exception {
    Path summary = tmp.resolve("summary.md");
    stepSummary = summary.toString();

    runner(5, new ReportSet(), crashIn("com.x.T#t"), exit(0));

    assertThat(Files.readString(summary)).startsWith("\n## test-abort run: 2 runs, exit code 1\n\n| run | exit | new crashes |\n"
        + "| --- | --- | --- |\n| 1 | 137 | 1 |\n| 2 | 0 | 0 |\n\nThe last run went to its end with exit code 0.\n\n"
        + "## test-abort: 1 test crashed\n");
  }

  @Test
  void aStepSummaryThatCannotBeWrittenIsAWarningAndTheExitCodeStandsAsPrinted() throws Exception {
    stepSummary = tmp.resolve("no/such/dir/summary.md").toString();

    RunSummary summary = runner(1, new ReportSet(), crashIn("com.x.T#t"));

    assertThat(summary.exitCode()).isEqualTo(RunSummary.EXIT_CRASHED_OR_FAILED);
    assertThat(out.toString()).contains("[test-abort run] exit code 1");
    assertThat(err.toString()).startsWith("[test-abort run] warning: cannot append to $GITHUB_STEP_SUMMARY: ");
  }

  @Test
  void aCleanRunIsTheOnlyRunAndExitsZero() throws Exception {
    RunSummary summary = runner(5, new ReportSet(), exit(0));

    assertThat(summary.runs()).hasSize(1);
    assertThat(summary.exitCode()).isEqualTo(RunSummary.EXIT_CLEAN);
    assertThat(out.toString()).contains("[test-abort run] no test crashed").contains("[test-abort run] exit code 0");
    assertThat(log()).doesNotExist();
  }

  @Test
  void failingTestsWithoutACrashEndTheRunsWithExitOne() throws Exception {
    RunSummary summary = runner(5, new ReportSet(), exit(1));

    assertThat(summary.runs()).hasSize(1);
    assertThat(summary.exitCode()).isEqualTo(RunSummary.EXIT_CRASHED_OR_FAILED);
  }

  @Test
  void aNewCrashInEveryRunStopsAtMaxRuns() throws Exception {
    RunSummary summary = runner(2, new ReportSet(), crashIn("C#a"), crashIn("C#b"));

    assertThat(summary.runs()).hasSize(2);
    assertThat(summary.stoppedByMaxRuns()).isTrue();
    assertThat(out.toString()).contains("[test-abort run] stopped after 2 runs (--max-runs); the last run crashed again");
  }

  @Test
  void oneRunIsOneRun() throws Exception {
    runner(1, new ReportSet(), crashIn("C#a"));

    assertThat(out.toString()).contains("[test-abort run] stopped after 1 run (--max-runs); the last run crashed again");
  }

  @Test
  void theSameTestCrashingAgainIsNoNewCrashAndEndsTheRuns() throws Exception {
    RunSummary summary = runner(5, new ReportSet(), crashIn("C#a"), crashIn("C#a"));

    assertThat(summary.runs()).extracting(r -> r.newCrashes().size()).containsExactly(1, 0);
    assertThat(summary.exitCode()).isEqualTo(RunSummary.EXIT_CRASHED_OR_FAILED);
  }

  @Test
  void aCrashTheAgentOfALaterJvmLoggedItselfCountsAsNew() throws Exception {
    CrashRecord logged = CrashRecord.of(Map.of("nodeid", "C#forked", "reason", "Test crashed"));
    RunSummary summary = runner(5, new ReportSet(), () -> {
      new CrashLog(log()).append(logged, "agent");
      return 1;
    }, exit(0));

    assertThat(summary.runs().get(0).newCrashes()).extracting(CrashRecord::nodeid).containsExactly("C#forked");
    assertThat(summary.runs()).hasSize(2);
  }

  @Test
  void crashesAlreadyLoggedAreSkippedFromTheFirstRunAndStillFailTheRun() throws Exception {
    new CrashLog(log()).append(CrashRecord.of(Map.of("nodeid", "C#old", "reason", "Test crashed")), "collector");

    RunSummary summary = runner(5, new ReportSet(), exit(0));

    assertThat(javaToolOptions.get(0)).contains(",skip=" + log());
    assertThat(summary.earlierCrashes()).extracting(CrashRecord::nodeid).containsExactly("C#old");
    assertThat(summary.exitCode()).isEqualTo(RunSummary.EXIT_CRASHED_OR_FAILED);
    assertThat(out.toString()).containsPattern("(?m)^\\[test-abort run\\] C#old         earlier  Test crashed$");
  }

  @Test
  void aTestAbortAgentAlreadyInJavaToolOptionsIsNamedAndComesAfterOurs() throws Exception {
    callerOptions = "-javaagent:/opt/test-abort-agent.jar";
    runner(1, new ReportSet(), exit(0));

    assertThat(err.toString()).isEqualTo(TestRunner.PREFIX
        + "note: JAVA_TOOL_OPTIONS already loads a test-abort agent; the runner's options come first and win\n");
  }

  @Test
  void longReasonsAreCutToOneShortLine() {
    String reason = "Fatal error: SIGSEGV\n" + "x".repeat(200);
    assertThat(RunSummary.truncate(reason)).hasSize(RunSummary.REASON_WIDTH).startsWith("Fatal error: SIGSEGV x").endsWith("...");
    assertThat(RunSummary.truncate("short")).isEqualTo("short");
  }
}
