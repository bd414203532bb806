package io.testabort.reports.run;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShardedLauncherTest {
  private final Map<String, List<String>> commands = new ConcurrentHashMap<>();
  private final Map<String, Map<String, String>> envs = new ConcurrentHashMap<>();
  private final StringWriter out = new StringWriter();
  @TempDir Path files;

  private ShardedLauncher launcher(List<String> gpus, List<String> classes, int failingShard) {
    ProcessLauncher fake = (command, env) -> {
      String shard = env.get("TEST_ABORT_SHARD");
      commands.put(shard, command);
      envs.put(shard, env);
      return shard.equals(String.valueOf(failingShard)) ? 137 : 0;
    };
    return new ShardedLauncher(fake, gpus, List.of("HIP_VISIBLE_DEVICES", "CUDA_VISIBLE_DEVICES"), classes, files, new PrintWriter(out, true));
  }

  @Test
  void eachDeviceRunsItsShardWithItsVariables() throws Exception {
    int exit = launcher(List.of("0", "1"), List.of("a.ATest", "b.BTest", "c.CTest"), -1)
        .run(List.of("mvn", "surefire:test", "-Dtest={classes}", "-DreportsDirectory=target/reports-{shard}-gpu{gpu}"),
            Map.of("JAVA_TOOL_OPTIONS", "-javaagent:x.jar"));

    assertThat(exit).isZero();
    assertThat(commands.get("0")).containsExactly("mvn", "surefire:test", "-Dtest=a.ATest,c.CTest", "-DreportsDirectory=target/reports-0-gpu0");
    assertThat(commands.get("1")).containsExactly("mvn", "surefire:test", "-Dtest=b.BTest", "-DreportsDirectory=target/reports-1-gpu1");
    assertThat(envs.get("1")).containsEntry("HIP_VISIBLE_DEVICES", "1").containsEntry("CUDA_VISIBLE_DEVICES", "1")
        .containsEntry("TEST_ABORT_CLASSES", "b.BTest").containsEntry("JAVA_TOOL_OPTIONS", "-javaagent:x.jar");
    assertThat(out.toString()).contains("[test-abort run] shard 0 on GPU 0: 2 test class(es)");
  }

  @Test
  void moreDevicesThanClassesLeavesTheRestIdleAndAFailedShardFailsTheRun() throws Exception {
    int exit = launcher(List.of("4", "5", "6"), List.of("a.ATest", "b.BTest"), 1).run(List.of("t", "{classes}"), Map.of());

    assertThat(exit).isEqualTo(137);
    assertThat(commands).containsOnlyKeys("0", "1");
  }

  @Test
  void eachShardsClassesAreInAFileOfOneALine() throws Exception {
    launcher(List.of("0", "1"), List.of("a.ATest", "b.BTest", "c.CTest"), -1)
        .run(List.of("mvn", "-Dsurefire.includesFile={classes-file}"), Map.of());

    Path shard0 = files.resolve("shard-0-classes.txt").toAbsolutePath();
    assertThat(commands.get("0")).containsExactly("mvn", "-Dsurefire.includesFile=" + shard0);
    assertThat(Files.readString(shard0)).isEqualTo("a.ATest\nc.CTest\n");
    assertThat(envs.get("1")).containsEntry("TEST_ABORT_CLASSES_FILE", files.resolve("shard-1-classes.txt").toAbsolutePath().toString());
    assertThat(Files.readString(files.resolve("shard-1-classes.txt"))).isEqualTo("b.BTest\n");
  }

  // 2,200 classes of a real suite made TEST_ABORT_CLASSES longer than Linux passes: no shard started
  @Test
  void aListTooLongForLinuxLeavesTheVariableUnsetAndIsRefusedAsAnArgument() throws Exception {
    List<String> many = IntStream.range(0, 2_200)
        .mapToObj(i -> String.format("com.example.generated.module%02d.SomeRatherLongTestClassName%04dTest", i % 40, i))
        .collect(Collectors.toList());
    ShardedLauncher one = launcher(List.of("0"), many, -1);

    assertThatThrownBy(() -> one.check(List.of("mvn", "-Dtest={classes}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shard 0's 2200 test classes make an argument of")
        .hasMessageContaining("-Dsurefire.includesFile={classes-file}");
    one.check(List.of("mvn", "-Dsurefire.includesFile={classes-file}"));

    assertThat(one.run(List.of("mvn", "-Dsurefire.includesFile={classes-file}"), Map.of("TEST_ABORT_CLASSES", "stale"))).isZero();
    assertThat(envs.get("0")).doesNotContainKey("TEST_ABORT_CLASSES").containsKey("TEST_ABORT_CLASSES_FILE");
    assertThat(Files.readAllLines(files.resolve("shard-0-classes.txt"))).isEqualTo(many);
    assertThat(out.toString()).contains("too many for TEST_ABORT_CLASSES");
  }

  @Test
  void anEmptyDeviceIdIsRefused() {
    assertThatThrownBy(() -> launcher(List.of("0", "", "1"), List.of("a.ATest"), -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("--gpus: an empty device id in 0,,1");
  }

  @Test
  void surefireDefaultIncludesMakeTheTestClasses() {
    assertThat(TestClasses.isTestClass("p/LedgerTest")).isTrue();
    assertThat(TestClasses.isTestClass("p/TestLedger")).isTrue();
    assertThat(TestClasses.isTestClass("p/LedgerTests")).isTrue();
    assertThat(TestClasses.isTestClass("p/LedgerTestCase")).isTrue();
    assertThat(TestClasses.isTestClass("p/LedgerTest$Quarterly")).isFalse();
    assertThat(TestClasses.isTestClass("p/Ledger")).isFalse();
  }
}
