package io.testabort.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.testabort.crash.CrashLog;
import io.testabort.crash.CrashRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --gpus 7,9}: the suite's test classes sharded over two JVMs side by side, each seeing its own
 * (fake) device; a crash in each shard is recorded with that shard's {@code gpu_id}. No GPU needed: the
 * attribution is what is tested. The command reads its shard's classes from the file
 * {@code TEST_ABORT_CLASSES_FILE} names, one a line, as a script around the JUnit console launcher would;
 * the variable {@code TEST_ABORT_CLASSES} must list the same.
 */
class RunGpusIT {
  @TempDir Path dir;

  @Test
  void eachShardRunsOnItsDeviceAndItsCrashSaysWhich() throws Exception {
    Path classes = LedgerSuite.classesFor("junit5-console.jar");
    // shard 0 (BootTest, LedgerTest) dies in LedgerTest, shard 1 (ClosingTest, SettlementTest) in ClosingTest
    String script = "case $TEST_ABORT_SHARD in 0) at='LedgerTest#reconciles[2]';; *) at='ClosingTest#closesBooks';; esac\n"
        + "[ \"$(tr '\\n' , < \"$TEST_ABORT_CLASSES_FILE\")\" = \"$TEST_ABORT_CLASSES,\" ] || exit 3\n"
        + "select=''; while read -r c; do select=\"$select --select-class $c\"; done < \"$TEST_ABORT_CLASSES_FILE\"\n"
        + "exec '" + Jdks.java(Jdks.current()) + "' -Dcrash.at=\"$at\" -Dcrash.how=kill -jar '" + Project.launcher("junit5-console.jar")
        + "' execute --class-path '" + classes + "' $select --disable-banner --details=none\n";
    Path log = dir.resolve("crashes.jsonl");
    List<String> cmd = new ArrayList<>(List.of(Jdks.java(Jdks.current()), "-jar", Project.reportToolsJar().toString(), "run",
        "--agent", Project.agentJar().toString(), "--marker-dir", dir.resolve("markers").toString(), "--crash-log", log.toString(),
        "--gpus", "7,9", "--test-classes", classes.toString(), "--", "sh", "-c", script));

    Jvm runner = Jvm.run(dir, Map.of(), cmd);

    assertThat(runner.exitCode).as(runner.toString()).isEqualTo(1);
    assertThat(runner.output)
        .contains("[test-abort run] shard 0 on GPU 7: 2 test class(es)")
        .contains("[test-abort run] shard 1 on GPU 9: 2 test class(es)")
        .contains("[test-abort run] run 1 exited 137, 2 new crash(es)")
        .contains("[test-abort run] run 2 exited 0, 0 new crash(es)");
    Map<String, String> gpuOf = CrashLog.firstPerNodeid(new CrashLog(log).read()).stream()
        .collect(Collectors.toMap(CrashRecord::nodeid, CrashRecord::gpuId));
    assertThat(gpuOf).containsOnly(
        Map.entry("com.example.ledger.LedgerTest#reconciles[2]", "7"),
        Map.entry("com.example.ledger.ClosingTest#closesBooks", "9"));
  }
}
