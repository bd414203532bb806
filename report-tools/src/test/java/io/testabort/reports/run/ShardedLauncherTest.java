package io.testabort.reports.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class ShardedLauncherTest {
  private final Map<String, List<String>> commands = new ConcurrentHashMap<>();
  private final Map<String, Map<String, String>> envs = new ConcurrentHashMap<>();
  private final StringWriter out = new StringWriter();

  private ShardedLauncher launcher(List<String> gpus, List<String> classes, int failingShard) {
    ProcessLauncher fake = (command, env) -> {
      String shard = env.get("TEST_ABORT_SHARD");
      commands.put(shard, command);
      envs.put(shard, env);
      return shard.equals(String.valueOf(failingShard)) ? 137 : 0;
    };
    return new ShardedLauncher(fake, gpus, List.of("HIP_VISIBLE_DEVICES", "CUDA_VISIBLE_DEVICES"), classes, new PrintWriter(out, true));
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
  void surefireDefaultIncludesMakeTheTestClasses() {
    assertThat(TestClasses.isTestClass("p/LedgerTest")).isTrue();
    assertThat(TestClasses.isTestClass("p/TestLedger")).isTrue();
    assertThat(TestClasses.isTestClass("p/LedgerTests")).isTrue();
    assertThat(TestClasses.isTestClass("p/LedgerTestCase")).isTrue();
    assertThat(TestClasses.isTestClass("p/LedgerTest$Quarterly")).isFalse();
    assertThat(TestClasses.isTestClass("p/Ledger")).isFalse();
  }
}
