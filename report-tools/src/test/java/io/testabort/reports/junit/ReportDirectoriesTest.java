package io.testabort.reports.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.testabort.crash.CrashRecord;
import io.testabort.reports.ReportSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportDirectoriesTest {
  @TempDir Path target;

  private Path surefire() {
    return target.resolve("surefire-reports");
  }

  private Path failsafe() {
    return target.resolve("failsafe-reports");
  }

  private static CrashRecord crash(String nodeid, String testClass) {
    return CrashRecord.of(testClass == null ? Map.of("nodeid", nodeid) : Map.of("nodeid", nodeid, "test_class", testClass));
  }

  @Test
  void withoutFailsafeEveryCrashIsSurefires() {
    ReportDirectories dirs = new ReportDirectories(List.of(surefire(), failsafe()), failsafe(), null);

    assertThat(dirs.directoryFor(crash("com.x.LedgerIT#books", "com.x.LedgerIT"))).isEqualTo(surefire());
  }

  @Test
  void failsafesDefaultIncludesSendItsClassesToItsReports() {
    ReportDirectories dirs = new ReportDirectories(List.of(surefire(), failsafe()), failsafe(), ReportDirectories.FAILSAFE_DEFAULT_INCLUDES);

    assertThat(dirs.directoryFor(crash("com.x.LedgerIT#books", "com.x.LedgerIT"))).isEqualTo(failsafe());
    assertThat(dirs.directoryFor(crash("com.x.ITLedger#books", null))).isEqualTo(failsafe());
    assertThat(dirs.directoryFor(crash("com.x.LedgerITCase$Nested#books[2]", "com.x.LedgerITCase$Nested"))).isEqualTo(failsafe());
    assertThat(dirs.directoryFor(crash("com.x.LedgerTest#books[2]", "com.x.LedgerTest"))).isEqualTo(surefire());
  }

  @Test
  void configuredIncludesReplaceTheDefaults() {
    ReportDirectories dirs = new ReportDirectories(List.of(surefire(), failsafe()), failsafe(), List.of("**/LedgerTest.java", "com/y/**/*.class"));

    assertThat(dirs.directoryFor(crash("com.x.LedgerTest#books[2]", "com.x.LedgerTest"))).isEqualTo(failsafe());
    assertThat(dirs.directoryFor(crash("com.y.deep.Any#m", "com.y.deep.Any"))).isEqualTo(failsafe());
    assertThat(dirs.directoryFor(crash("com.x.LedgerIT#books", "com.x.LedgerIT"))).isEqualTo(surefire());
  }

  @Test
  void aRegexIncludeMatchesTheClassFilesPath() {
    ReportDirectories dirs = new ReportDirectories(List.of(surefire(), failsafe()), failsafe(), List.of("%regex[.*Check.*]"));

    assertThat(dirs.directoryFor(crash("com.ex.c.ServiceCheck#boom", "com.ex.c.ServiceCheck"))).isEqualTo(failsafe());
    assertThat(dirs.directoryFor(crash("com.ex.c.ServiceTest#ok", "com.ex.c.ServiceTest"))).isEqualTo(surefire());
  }

  @Test
  void aReportOfTheClassInOneDirectoryOnlyDecides() throws Exception {
    Files.createDirectories(surefire());
    Files.writeString(surefire().resolve("TEST-com.x.LedgerIT.xml"), "<testsuite/>");
    ReportDirectories dirs = new ReportDirectories(List.of(surefire(), failsafe()), failsafe(), ReportDirectories.FAILSAFE_DEFAULT_INCLUDES);

    assertThat(dirs.directoryFor(crash("com.x.LedgerIT$Inner#books", "com.x.LedgerIT$Inner"))).isEqualTo(surefire());
  }

  @Test
  void aClassLevelCrashIsNamedByItsClass() {
    assertThat(ReportDirectories.topLevelClass(crash("com.x.BootIT", null))).isEqualTo("com.x.BootIT");
  }

  @Test
  void includesFollowSurefiresPatternRules() {
    assertThat(ReportDirectories.pattern("*IT").matcher("com/x/FooIT").matches()).isTrue();
    assertThat(ReportDirectories.pattern("**/*IT.java").matcher("FooIT").matches()).isTrue();
    assertThat(ReportDirectories.pattern("com/x/*IT.java").matcher("com/x/y/FooIT").matches()).isFalse();
    assertThat(ReportDirectories.pattern("%regex[.*IT]").matcher("com/x/FooIT").matches()).isTrue();
    assertThat(ReportDirectories.pattern("%regex[.*IT").matcher("com/x/FooIT").matches()).isFalse(); // not closed: a glob
    assertThat(ReportDirectories.pattern("%regex[(]").matcher("(").matches()).isFalse();
  }

  @Test
  void aCrashGoesToOneDirectoryOnly() throws Exception {
    ReportDirectories dirs = new ReportDirectories(List.of(surefire(), failsafe()), failsafe(), ReportDirectories.FAILSAFE_DEFAULT_INCLUDES);
    CrashRecord unit = crash("com.x.LedgerTest#books[2]", "com.x.LedgerTest");
    CrashRecord it = crash("com.x.LedgerIT#books", "com.x.LedgerIT");

    List<Path> written = dirs.addTo(new ReportSet()).addCrashes(List.of(unit, it), null);

    assertThat(written).containsExactly(surefire(), failsafe());
    assertThat(surefire().resolve("TEST-com.x.LedgerTest.xml")).exists();
    assertThat(failsafe().resolve("TEST-com.x.LedgerIT.xml")).exists();
    assertThat(surefire().resolve("TEST-com.x.LedgerIT.xml")).doesNotExist();
    assertThat(failsafe().resolve("TEST-com.x.LedgerTest.xml")).doesNotExist();
  }

  @Test
  void shardsDirectoriesGetEachCrashOnceInTheFirstUnlessAnotherHoldsItsClass() throws Exception {
    Path shard0 = target.resolve("reports-0");
    Path shard1 = Files.createDirectories(target.resolve("reports-1"));
    Files.writeString(shard1.resolve("TEST-com.x.HeldTest.xml"), "<testsuite name=\"com.x.HeldTest\" tests=\"0\"/>");
    ReportDirectories dirs = new ReportDirectories(List.of(shard0, shard1), null, null);

    dirs.addTo(new ReportSet())
        .addCrashes(List.of(crash("com.x.NewTest#a", "com.x.NewTest"), crash("com.x.HeldTest#b", "com.x.HeldTest")), null);

    assertThat(shard0.resolve("TEST-com.x.NewTest.xml")).exists();
    assertThat(shard1.resolve("TEST-com.x.NewTest.xml")).doesNotExist();
    assertThat(shard0.resolve("TEST-com.x.HeldTest.xml")).doesNotExist();
    assertThat(Files.readString(shard1.resolve("TEST-com.x.HeldTest.xml"))).contains("name=\"b\"");
  }

  @Test
  void twoGradleTasksTheCrashGoesWhereItsTaskDiedAndARerunsSkippedEntryBecomesIt() throws Exception {
    // 'test' ran ParserTest and passed parses[1]; 'slowTest' died in it and wrote no report
    Path test = Files.createDirectories(target.resolve("test-results/test"));
    Path slow = target.resolve("test-results/slowTest");
    Files.writeString(test.resolve("TEST-com.x.ParserTest.xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<testsuite name=\"com.x.ParserTest\" tests=\"1\" skipped=\"0\" failures=\"0\" errors=\"0\" "
        + "timestamp=\"2026-01-01T00:00:00\" hostname=\"h\" time=\"0.1\">\n"
        + "  <testcase name=\"parses[1]\" classname=\"com.x.ParserTest\" time=\"0.1\"/>\n</testsuite>\n");
    byte[] passed = Files.readAllBytes(test.resolve("TEST-com.x.ParserTest.xml"));
    ReportDirectories dirs = new ReportDirectories(List.of(test, slow), null, null);
    CrashRecord crash = crash("com.x.ParserTest#parses[1]", "com.x.ParserTest");

    assertThat(dirs.addTo(new ReportSet()).addCrashes(List.of(crash), null)).containsExactly(slow);

    assertThat(Files.readAllBytes(test.resolve("TEST-com.x.ParserTest.xml"))).isEqualTo(passed);
    assertThat(Files.readString(slow.resolve("TEST-com.x.ParserTest.xml"))).contains("<error");
    assertThat(dirs.placed()).containsEntry(crash, slow);
    // the same log again: shown as written, nothing anywhere changes
    assertThat(new ReportDirectories(List.of(test, slow), null, null).addTo(new ReportSet())
        .addCrashes(List.of(crash("com.x.ParserTest#parses[1]", "com.x.ParserTest")), null)).isEmpty();
  }

  @Test
  void neitherDirectoryHoldingTheClassItIsCreatedOnceAndOnlyOnce() throws Exception {
    ReportDirectories dirs = new ReportDirectories(List.of(surefire(), failsafe()), failsafe(), ReportDirectories.FAILSAFE_DEFAULT_INCLUDES);
    CrashRecord unit = crash("com.x.CalcTest#adds", "com.x.CalcTest");

    dirs.addTo(new ReportSet()).addCrashes(List.of(unit), null);
    dirs.addTo(new ReportSet()).addCrashes(List.of(crash("com.x.CalcTest#adds", "com.x.CalcTest")), null);

    assertThat(surefire().resolve("TEST-com.x.CalcTest.xml")).exists();
    assertThat(Files.readString(surefire().resolve("TEST-com.x.CalcTest.xml"))).containsOnlyOnce("<error");
    assertThat(failsafe()).doesNotExist();
  }
}
