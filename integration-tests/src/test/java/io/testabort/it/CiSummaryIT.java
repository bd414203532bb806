package io.testabort.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CI summaries of a real crash: the example suite's parameterized test dies of a real SIGSEGV under the
 * agent, the marker becomes a crash record, and the Markdown summary names it with its frames and the
 * head of the real fatal error log. {@code run} appends the same to {@code $GITHUB_STEP_SUMMARY}.
 */
class CiSummaryIT {
  private static final String CRASHED = "com.example.ledger.LedgerTest#reconciles[2]";

  @TempDir Path dir;

  private Jvm tools(Map<String, String> env, String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of(Jdks.java(Jdks.current()), "-jar", Project.reportToolsJar().toString()));
    cmd.addAll(List.of(args));
    return Jvm.run(dir.resolve("tools"), env, cmd);
  }

  @Test
  void theMarkdownSummaryOfARealSegfaultReadsOnItsOwn() throws Exception {
    Jvm suite = LedgerSuite.run(Jdks.current(), "junit5-console.jar", dir.resolve("suite"), "dir=" + dir.resolve("markers"),
        "LedgerTest#reconciles[2]", "segv", "-XX:-CreateCoredumpOnCrash");
    assertThat(suite.exitCode).as(suite.toString()).isNotZero(); // 1: HotSpot's exit without a core dump
    Path log = dir.resolve("crashes.jsonl");
    assertThat(tools(Map.of(), "collect", "--marker-dir", dir.resolve("markers").toString(), "--crash-log", log.toString()).exitCode)
        .isZero();

    Path md = dir.resolve("summary.md");
    Jvm summary = tools(Map.of(), "summary", "--crash-log", log.toString(), "-o", md.toString());

    assertThat(summary.exitCode).as(summary.toString()).isZero();
    String text = Files.readString(md);
    // kept for a person to read (target/ci-summary-example.md)
    Files.copy(md, Project.repo().resolve("integration-tests/target/ci-summary-example.md"), StandardCopyOption.REPLACE_EXISTING);
    assertThat(text)
        .startsWith("## test-abort: 1 test crashed\n\n| test | reason | phase | framework | duration |\n| --- | --- | --- | --- | --- |\n"
            + "| `" + CRASHED + "` | `SIGSEGV in ")
        .containsPattern("\\| `call` \\| `junit-jupiter` \\| \\d+\\.\\d\\d s \\|\n")
        .contains("\n### `" + CRASHED + "`\n")
        .contains("**Phase:** `call`, **framework:** `junit-jupiter`")
        .contains("Java frames of the crashed thread `main`:\n\n```text\nj  jdk.internal.misc.Unsafe.putLong(")
        .containsPattern("j  com\\.example\\.ledger\\.LedgerTest\\.reconciles\\(II\\)V\\+\\d+\n```\n\n<details><summary>\\d+ more frames</summary>")
        .contains("<details><summary>Fatal error log " + dir.resolve("suite"))
        .contains("#  SIGSEGV (0xb) at pc=");

    Path html = dir.resolve("summary.html");
    assertThat(tools(Map.of(), "summary", "--crash-log", log.toString(), "--format", "html", "-o", html.toString()).exitCode).isZero();
    assertThat(html).content().contains("<code class=\"nodeid\">" + CRASHED + "</code>");
  }

  @Test
  void runAppendsTheSummaryToTheGitHubStepSummary() throws Exception {
    Path step = Files.writeString(dir.resolve("step_summary.md"), "# earlier step\n");
    Jvm runner = tools(Map.of("GITHUB_STEP_SUMMARY", step.toString()), "run", "--agent", Project.agentJar().toString(),
        "--marker-dir", dir.resolve("markers").toString(), "--crash-log", dir.resolve("crashes.jsonl").toString(), "--",
        Jdks.java(Jdks.current()), "-Dcrash.at=LedgerTest#reconciles[2]", "-Dcrash.how=kill",
        "-jar", Project.launcher("junit5-console.jar").toString(), "execute",
        "--class-path", LedgerSuite.classesFor("junit5-console.jar").toString(), "--select-package", "com.example.ledger",
        "--disable-banner", "--details=none");

    assertThat(runner.exitCode).as(runner.toString()).isEqualTo(1);
    assertThat(runner.output).contains("[test-abort run] crash summary appended to $GITHUB_STEP_SUMMARY");
    assertThat(Files.readString(step))
        .startsWith("# earlier step\n\n## test-abort run: 2 runs, exit code 1\n\n| run | exit | new crashes |\n| --- | --- | --- |\n"
            + "| 1 | 137 | 1 |\n| 2 | 0 | 0 |\n")
        .contains("\n\n## test-abort: 1 test crashed\n")
        .containsPattern("\\| `" + CRASHED.replace("[", "\\[").replace("]", "\\]") + "` \\| `[^`]+` \\| `call` \\| `junit-jupiter` \\|");
  }
}
