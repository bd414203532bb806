package io.testabort.reports.pytest.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The blob is streamed: a report many times larger than the heap is sanitized and patched. */
class BigReportTest {
  @TempDir Path tmp;

  private int runWithSmallHeap(String... args) throws Exception {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new java.util.ArrayList<>(List.of(java, "-Xmx24m", "-cp", System.getProperty("java.class.path")));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("out.txt").toFile()).start();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    return p.exitValue();
  }

  @Test
  void sanitizesAndPatchesAReportLargerThanTheHeap() throws Exception {
    Path big = tmp.resolve("big_log.html");
    BigReportGenerator.main(new String[] {Fixtures.file("raw/test_output_log.html").toString(), big.toString(), "40000000"});
    assertThat(Files.size(big)).isGreaterThan(40_000_000L);

    int rc = runWithSmallHeap("io.testabort.reports.cli.Main", "sanitize", big.toString());

    assertThat(rc).as(Files.readString(tmp.resolve("out.txt"))).isZero();
    assertThat(Files.readString(tmp.resolve("out.txt"))).contains("modified=1 total=1 failed=0");
    Map<String, Object> tests = BlobReader.tests(big);
    assertThat(tests).hasSizeGreaterThan(5000);
    String someLog = tests.values().iterator().next().toString();
    assertThat(someLog).contains("<br/>").doesNotContain("\u001b", "\u0007", "\u0000", "\r", "\n", "\t");

    rc = runWithSmallHeap(PatchMain.class.getName(), big.toString(), "test_big.py::test_crashed");
    assertThat(rc).as(Files.readString(tmp.resolve("out.txt"))).isZero();
    assertThat(BlobReader.tests(big)).hasSize(tests.size() + 1).containsKey("test_big.py::test_crashed");
  }

  /** Entry point for the forked JVM. */
  public static final class PatchMain {
    public static void main(String[] args) throws Exception {
      new PytestHtmlReport().addCrash(Paths.get(args[0]), Crashes.of(args[1]), null);
    }
  }
}
