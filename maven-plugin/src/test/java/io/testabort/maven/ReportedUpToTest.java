package io.testabort.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.testabort.crash.CrashLog;
import io.testabort.crash.CrashRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report goal shows the crashes new since it last reported, each as it crashed last. */
class ReportedUpToTest {
  @TempDir Path dir;

  private static CrashRecord crash(String nodeid, String reason) {
    return CrashRecord.of(Map.of("nodeid", nodeid, "reason", reason));
  }

  @Test
  void onlyWhatWasAppendedSinceTheLastReportIsNew() throws Exception {
    Path log = dir.resolve("crashes.jsonl");
    CrashLog crashes = new CrashLog(log);
    ReportedUpTo reported = new ReportedUpTo(dir.resolve(ReportedUpTo.FILE_NAME), log);
    crashes.append(crash("com.x.CalcTest#adds[1]", "Runtime.halt(3)"), "collector");

    assertThat(reported.newRecords()).extracting(CrashRecord::reason).containsExactly("Runtime.halt(3)");
    reported.markAllReported();
    assertThat(reported.newRecords()).as("a later build that did not clean: nothing new").isEmpty();

    crashes.append(crash("com.x.CalcTest#adds[1]", "System.exit(9)"), "agent"); // the same test, crashed again
    assertThat(ReportMojo.latestPerNodeid(reported.newRecords())).extracting(CrashRecord::reason).containsExactly("System.exit(9)");

    Files.delete(log); // mvn clean removed the log but not a marker folder elsewhere: start over
    crashes.append(crash("com.x.Other#t", "SIGSEGV"), "collector");
    assertThat(reported.newRecords()).extracting(CrashRecord::nodeid).containsExactly("com.x.Other#t");
  }

  @Test
  void theLatestRecordOfEachNodeIdInTheOrderTheyLastCrashed() {
    List<CrashRecord> records = List.of(crash("a", "1"), crash("b", "2"), crash("a", "3"));

    assertThat(ReportMojo.latestPerNodeid(records)).extracting(CrashRecord::reason).containsExactly("2", "3");
  }

  @Test
  void aCrashBelongsToTheModuleWhoseFolderHoldsItsJvmsWorkingDirectoryMostClosely() {
    Path root = Path.of("/build");
    Path a = root.resolve("a");
    Path nested = a.resolve("nested");
    List<Path> modules = List.of(root, a, nested);

    assertThat(ReportMojo.moduleOf("/build/a", modules)).isEqualTo(a);
    assertThat(ReportMojo.moduleOf("/build/a/target/work", modules)).as("Surefire's workingDirectory").isEqualTo(a);
    assertThat(ReportMojo.moduleOf("/build/a/nested", modules)).isEqualTo(nested);
    assertThat(ReportMojo.moduleOf("/build", modules)).isEqualTo(root);
    assertThat(ReportMojo.moduleOf("/elsewhere", modules)).isNull();
    assertThat(ReportMojo.moduleOf(null, modules)).isNull();
  }
}
