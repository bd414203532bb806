package io.testabort.reports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input and empty input of {@code attach} and {@code summary}; the real runs are integration tests. */
class AttachAndSummaryCommandsTest {
  @TempDir Path dir;

  @Test
  void attachToAProcessThatIsNoJvmIsBadInputInOneLine() throws Exception {
    Path agent = Files.writeString(dir.resolve("agent.jar"), "not used");
    Process sleeper = new ProcessBuilder("sleep", "60").start();
    try {
      Cli r = Cli.run("attach", Long.toString(sleeper.pid()), "--agent", agent.toString(), "--marker-dir", dir.resolve("m").toString());

      assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
      assertThat(r.err()).startsWith("pid " + sleeper.pid() + ": cannot attach").doesNotContain("\n\tat ");
      assertThat(r.err().strip().lines()).hasSize(1);
    } finally {
      sleeper.destroyForcibly();
    }
  }

  @Test
  void attachWithAMissingAgentJarIsBadInput() {
    Cli r = Cli.run("attach", "1", "--agent", dir.resolve("missing.jar").toString());

    assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(r.err()).contains("missing.jar: no such file");
  }

  @Test
  void aSummaryOfAnEmptyLogSaysNoTestCrashedAndExitsOne() throws Exception {
    Path log = Files.writeString(dir.resolve("crashes.jsonl"), "");

    Cli r = Cli.run("summary", "--crash-log", log.toString());

    assertThat(r.code()).isEqualTo(Main.EXIT_NOTHING);
    assertThat(r.out()).isEqualTo("## test-abort: 0 tests crashed\n\nNo test crashed.\n");
  }

  // collect creates the log only when something crashed: a green build has none, and a CI step that
  // writes the summary then failed with "bad input" where postprocess says "nothing to do"
  @Test
  void aSummaryOfAMissingLogSaysNoTestCrashedAndExitsOne() {
    Cli r = Cli.run("summary", "--crash-log", dir.resolve("none.jsonl").toString());

    assertThat(r.code()).isEqualTo(Main.EXIT_NOTHING);
    assertThat(r.out()).isEqualTo("## test-abort: 0 tests crashed\n\nNo test crashed.\n");
  }

  @Test
  void aSummaryOfALogThatIsADirectoryIsBadInput() {
    Cli r = Cli.run("summary", "--crash-log", dir.toString());

    assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
  }

  @Test
  void aSummaryToAFileLeavesStdoutEmpty() throws Exception {
    Path log = Files.writeString(dir.resolve("crashes.jsonl"),
        "{\"nodeid\": \"p.T#t\", \"reason\": \"killed by SIGKILL (exit 137)\", \"phase\": \"call\"}\n");
    Path out = dir.resolve("summary.html");

    Cli r = Cli.run("summary", "--crash-log", log.toString(), "--format", "html", "-o", out.toString());

    assertThat(r.code()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(out).content().contains("<code class=\"nodeid\">p.T#t</code>");
  }
}
