package io.testabort.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report-tools run} for real: the example suite under the JUnit console launcher, killed at a
 * crash point in the first run, then run again with the crashed invocation skipped.
 */
class RunCommandIT {
  private static final String CRASHED = "com.example.ledger.LedgerTest#reconciles[2]";

  @TempDir Path dir;

  /** {@code java -jar TOOLS run OPTIONS -- java [-Dcrash.at=.. -Dcrash.how=kill] -jar launcher ...}. */
  private Jvm run(Path tools, List<String> options, String crashAt) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Jdks.java(Jdks.current())));
    if (crashAt != null) {
      cmd.addAll(List.of("-Dcrash.at=" + crashAt, "-Dcrash.how=kill"));
    }
    cmd.addAll(List.of("-jar", Project.launcher("junit5-console.jar").toString(), "execute",
        "--class-path", LedgerSuite.classesFor("junit5-console.jar").toString(), "--select-package", "com.example.ledger",
        "--reports-dir", dir.resolve("reports").toString(), "--disable-banner", "--details=none"));
    return runner(dir, Map.of(), tools, options, cmd);
  }

  /** {@code java -jar TOOLS run OPTIONS -- COMMAND} in {@code workDir}. */
  private static Jvm runner(Path workDir, Map<String, String> env, Path tools, List<String> options, List<String> command)
      throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Jdks.java(Jdks.current()), "-jar", tools.toString(), "run"));
    cmd.addAll(options);
    cmd.add("--");
    cmd.addAll(command);
    // Jvm.run drops our JAVA_TOOL_OPTIONS: the agent the children get is the runner's
    return Jvm.run(workDir, env, cmd);
  }

  @Test
  void aKilledRunIsRecordedReportedAndRerunWithTheCrashedTestSkipped() throws Exception {
    Path crashLog = dir.resolve("crashes.jsonl");
    Jvm runner = run(Project.reportToolsJar(), List.of("--agent", Project.agentJar().toString(),
        "--marker-dir", dir.resolve("markers").toString(), "--crash-log", crashLog.toString(),
        "--junit-xml", dir.resolve("reports").toString()), "LedgerTest#reconciles[2]");

    assertThat(runner.exitCode).as(runner.toString()).isEqualTo(1);
    assertThat(Files.readAllLines(crashLog)).as(runner.toString()).singleElement().asString()
        .contains("\"nodeid\": \"" + CRASHED + "\"");
    assertThat(runner.output)
        .contains("[test-abort run] run 1 of at most 5: ")
        .contains("[test-abort run] run 1 exited 137, 1 new crash(es)\n[test-abort run]   crashed: " + CRASHED)
        .contains("[test-abort run] run 2 of at most 5, skipping 1 crashed test(s): ")
        .contains("[test-abort run] run 2 exited 0, 0 new crash(es)")
        .doesNotContain("run 3 of")
        .containsPattern("(?m)^\\[test-abort run\\] run  exit  new crashes\n"
            + "\\[test-abort run\\] 1    137   1\n"
            + "\\[test-abort run\\] 2    0     0$")
        .containsPattern("(?m)^\\[test-abort run\\] " + CRASHED.replace("[", "\\[") + "  1    \\S")
        .contains("[test-abort run] exit code 1");
    assertThat(Markers.in(dir.resolve("markers"))).as("every marker collected").isEmpty();
    // run 1's patch put the crash into the Jupiter engine's file (the launcher had left only the suite
    // engine's); run 2 ran to its end, rewrote that file and reported the crashed invocation as skipped, and
    // that entry became the crash, so the test counts once
    assertThat(dir.resolve("reports/TEST-junit-jupiter.xml")).content()
        .doesNotContain("crashed in an earlier run")
        .containsPattern("<testcase name=\"reconciles\\(int, int\\)\\[2\\]\" classname=\"com.example.ledger.LedgerTest\"[^>]*>\\s*<error");
    assertThat(dir.resolve("reports/TEST-com.example.ledger.LedgerTest.xml")).doesNotExist();
  }

  // the launcher names a plain Jupiter method posts(), Surefire posts: the crash went in as posts beside
  // the rerun's skipped posts(), and the test counted twice
  @Test
  void aPlainJupiterMethodIsReportedOnceUnderTheLaunchersName() throws Exception {
    Jvm runner = run(Project.reportToolsJar(), List.of("--agent", Project.agentJar().toString(),
        "--marker-dir", dir.resolve("markers").toString(), "--crash-log", dir.resolve("crashes.jsonl").toString(),
        "--junit-xml", dir.resolve("reports").toString()), "LedgerTest#posts");

    assertThat(runner.exitCode).as(runner.toString()).isEqualTo(1);
    assertThat(runner.output).contains("[test-abort run] run 2 exited 0, 0 new crash(es)");
    String report = Files.readString(dir.resolve("reports/TEST-junit-jupiter.xml"));
    assertThat(report)
        .doesNotContain("crashed in an earlier run")
        .doesNotContain("<testcase name=\"posts\"")
        .containsPattern("<testcase name=\"posts\\(\\)\" classname=\"com.example.ledger.LedgerTest\"[^>]*>\\s*<error");
    assertThat(report.split("<testcase name=\"posts\\(\\)\"", -1)).as("one test case for the test").hasSize(2);
    assertThat(report).contains("tests=\"15\"").contains("errors=\"1\"").contains("skipped=\"0\"");
  }

  @Test
  void theAgentNextToTheToolsJarIsUsedAndACleanRunExitsZero() throws Exception {
    Path dist = Files.createDirectories(dir.resolve("dist"));
    Path tools = Files.copy(Project.reportToolsJar(), dist.resolve("test-abort-report-tools.jar"));
    Files.copy(Project.agentJar(), dist.resolve("test-abort-agent.jar"));

    // default marker dir and crash log: .test-abort/ in the working directory
    Jvm runner = run(tools, List.of(), null);

    assertThat(runner.exitCode).as(runner.toString()).isZero();
    assertThat(runner.output)
        .contains("Picked up JAVA_TOOL_OPTIONS: -javaagent:" + dist.resolve("test-abort-agent.jar") + "=dir="
            + dir.resolve(".test-abort/markers") + ",crashLog=" + dir.resolve(".test-abort/crashes.jsonl"))
        .contains("[test-abort run] no test crashed").contains("[test-abort run] exit code 0")
        .doesNotContain("run 2 of");
    assertThat(Markers.in(dir.resolve(".test-abort/markers"))).as("the JVM ended normally").isEmpty();
    assertThat(dir.resolve(".test-abort/crashes.jsonl")).doesNotExist();
  }

  @Test
  void mavenWithTheAgentOnArgLineToo() throws Exception {
    Path project = UserProject.JUNIT5.create(dir.resolve("ledger"));
    Path reports = project.resolve("target/surefire-reports");
    Jvm runner = runner(project, Map.of("JAVA_HOME", Jdks.current().toString(), "MAVEN_OPTS", "-Xmx512m"),
        Project.reportToolsJar(), List.of("--agent", Project.agentJar().toString(), "--junit-xml", reports.toString()),
        List.of(Project.repo().resolve("mvnw").toString(), "-B", "-f", project.resolve("pom.xml").toString(), "test",
            "-Dcrash.at=LedgerTest#reconciles[2]", "-Dcrash.how=segv"));

    assertThat(runner.exitCode).as(runner.toString()).isEqualTo(1);
    assertThat(runner.output)
        .contains("The forked VM terminated without properly saying goodbye")
        .contains("[test-abort run]   crashed: " + CRASHED)
        .contains("[test-abort run] run 2 exited 0, 0 new crash(es)")
        .doesNotContain("run 3 of");
    // JAVA_TOOL_OPTIONS comes before argLine, so the fork's agent took the runner's options
    assertThat(Markers.in(project.resolve("target/test-abort"))).isEmpty();
    assertThat(Files.readAllLines(project.resolve(".test-abort/crashes.jsonl"))).singleElement().asString()
        .contains("\"nodeid\": \"" + CRASHED + "\"");
    // Surefire's own report of run 2 skipped the invocation; the runner turned that entry into the crash
    assertThat(reports.resolve("TEST-com.example.ledger.LedgerTest.xml")).content()
        .contains("<error").doesNotContain("crashed in an earlier run");
  }
}
