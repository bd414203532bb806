package io.testabort.reports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run command's usage errors; the runs themselves are in TestRunnerTest and RunCommandIT. */
class RunCommandTest {
  @TempDir Path tmp;

  @Test
  void withoutAnAgentNextToTheJarItAsksForAgent() {
    // the tests load report-tools from target/classes, where no agent jar lies beside
    Cli r = Cli.run("run", "--marker-dir", tmp.resolve("m").toString(), "--", "true");
    assertThat(r.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err()).contains("pass --agent JAR");
  }

  @Test
  void aPathWithACommaIsAUsageError() throws Exception {
    Path agent = Files.createFile(tmp.resolve("agent.jar"));
    Cli r = Cli.run("run", "--agent", agent.toString(), "--marker-dir", tmp.resolve("a,b").toString(), "--", "true");
    assertThat(r.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err()).contains("--marker-dir: the agent's options cannot carry a path with ','");
    assertThat(tmp.resolve("a,b")).doesNotExist();
  }

  @Test
  void badCountsAndAMissingCommandAreUsageErrors() throws Exception {
    Path agent = Files.createFile(tmp.resolve("agent.jar"));
    assertThat(Cli.run("run", "--agent", agent.toString(), "--max-runs", "0", "--", "true").code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(Cli.run("run", "--agent", agent.toString(), "--timeout", "0", "--", "true").code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(Cli.run("run", "--agent", agent.toString()).code()).isEqualTo(Main.EXIT_USAGE);
  }

  @Test
  void anEmptyDeviceOrAClassListLongerThanLinuxTakesIsAUsageError() throws Exception {
    Path agent = Files.createFile(tmp.resolve("agent.jar"));
    Path classes = Files.createDirectories(tmp.resolve("classes/p"));
    for (int i = 0; i < 3_000; i++) {
      Files.createFile(classes.resolve("SomeRatherLongGeneratedTestClassName" + i + "Test.class"));
    }
    String dir = tmp.resolve("classes").toString();

    Cli empty = Cli.run("run", "--agent", agent.toString(), "--gpus", "0,,1", "--test-classes", dir, "--", "true");
    assertThat(empty.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(empty.err()).contains("--gpus: an empty device id in 0,,1");

    Cli tooLong = Cli.run("run", "--agent", agent.toString(), "--crash-log", tmp.resolve("c.jsonl").toString(),
        "--gpus", "0", "--test-classes", dir, "--", "mvn", "-Dtest={classes}");
    assertThat(tooLong.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(tooLong.err()).contains("more than the 128 KiB Linux takes: use {classes-file}");
    assertThat(tmp.resolve("c.jsonl")).doesNotExist();
  }

  @Test
  void aMissingAgentJarIsBadInput() {
    Cli r = Cli.run("run", "--agent", tmp.resolve("nope.jar").toString(), "--", "true");
    assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(r.errLines()).isEqualTo(1);
    assertThat(r.err()).contains("nope.jar");
  }

  @Test
  void aCommandThatCannotStartIsBadInput() throws Exception {
    Path agent = Files.createFile(tmp.resolve("agent.jar"));
    Cli r = Cli.run("run", "--agent", agent.toString(), "--marker-dir", tmp.resolve("m").toString(), "--crash-log",
        tmp.resolve("c.jsonl").toString(), "--", tmp.resolve("no-such-command").toString());
    assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(r.err()).contains("no-such-command");
    assertThat(r.errLines()).isEqualTo(1);
  }

  @Test
  void helpStatesTheExitCodes() {
    Cli r = Cli.run("run", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out().replaceAll("\\s+", " ")).contains("Exit 0: the last run exited 0 and no test crashed. 1: a test crashed");
  }
}
