package io.testabort.reports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.testabort.crash.IsoTime;
import io.testabort.reports.Fixtures;
import io.testabort.reports.pytest.JsonReportGenerator;
import io.testabort.reports.pytest.html.BigReportGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7 finding 5: {@code postprocess} and {@code handle-abort} on 100 MB reports under
 * {@code -Xmx64m}, in a real JVM started from the command line, with all of a log's crashes at once.
 */
class BigReportsTest {
  private static final long HUNDRED_MB = 100_000_000L;

  @TempDir Path tmp;

  private record Run(int code, String output) {}

  private Run cli(String... args) throws Exception {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(List.of(args));
    Path out = tmp.resolve("out.txt");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
    return new Run(p.exitValue(), Files.readString(out));
  }

  /** 45 new crashes and 5 of tests the report already shows. */
  private Path crashLog(String newPrefix, String existingFormat) throws Exception {
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < 50; i++) {
      String id = i % 10 == 0 ? String.format(existingFormat, i * 7) : newPrefix + i;
      log.append("{\"nodeid\": \"").append(id).append("\", \"reason\": \"SIGSEGV in C [libcrash.so+0x1139]\", \"duration\": 1.5}\n");
    }
    return Files.writeString(tmp.resolve("crashes.jsonl"), log);
  }

  private static String head(Path file, int bytes) throws Exception {
    try (var in = Files.newInputStream(file)) {
      return new String(in.readNBytes(bytes), StandardCharsets.ISO_8859_1);
    }
  }

  private static int count(Pattern p, String text) {
    Matcher m = p.matcher(text);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  @Test
  void postprocessAddsFiftyCrashesToAHundredMegabytePageUnder64Megabytes() throws Exception {
    Path page = tmp.resolve("big_log.html");
    BigReportGenerator.main(new String[] {Fixtures.raw("test_output_log.html").toString(), page.toString(), String.valueOf(HUNDRED_MB)});
    Pattern failed = Pattern.compile("<span class=\"failed\">(\\d+) Failed");
    int failedBefore = count(failed, head(page, 200_000));
    long sizeBefore = Files.size(page);
    Path log = crashLog("test_big.py::test_crashed_", "test_big.py::test_case[%d-p\u00e4ram]");

    Run r = cli("postprocess", "--crash-log", log.toString(), "--html", page.toString());

    assertThat(r.code()).as(r.output()).isZero();
    assertThat(r.output()).contains("patched " + page);
    assertThat(count(failed, head(page, 200_000))).isEqualTo(failedBefore + 45);
    assertThat(Files.size(page)).isGreaterThan(sizeBefore);
    try (Stream<Path> files = Files.list(tmp)) {
      assertThat(files.map(f -> f.getFileName().toString())).allMatch(n -> !n.startsWith("."), "no temp or rollback file left");
    }
    byte[] tail = tail(page, 3_000_000);
    assertThat(new String(tail, StandardCharsets.UTF_8)).contains("test_big.py::test_crashed_49").endsWith("</html>");

    // every crash is shown now: a second run finds nothing to add and writes nothing
    long modified = Files.getLastModifiedTime(page).toMillis();
    r = cli("postprocess", "--crash-log", log.toString(), "--html", page.toString());
    assertThat(r.code()).as(r.output()).isZero();
    assertThat(r.output()).doesNotContain("patched");
    assertThat(Files.getLastModifiedTime(page).toMillis()).isEqualTo(modified);
  }

  @Test
  void handleAbortPatchesAHundredMegabytePageUnder64Megabytes() throws Exception {
    Path page = tmp.resolve("big_log.html");
    BigReportGenerator.main(new String[] {Fixtures.raw("test_output_log.html").toString(), page.toString(), String.valueOf(HUNDRED_MB)});
    Path marker = Files.writeString(tmp.resolve("m.json"), "{\"test_name\": \"test_hang\", \"nodeid\": \"test_big.py::test_hang\", "
        + "\"start_time\": \"" + IsoTime.format(LocalDateTime.now().minusSeconds(3)) + "\", \"status\": \"running\", \"pid\": 77, \"gpu_id\": \"1\"}");

    Run r = cli("handle-abort", "--marker", marker.toString(), "--html", page.toString());

    assertThat(r.code()).as(r.output()).isZero();
    assertThat(new String(tail(page, 3_000_000), StandardCharsets.UTF_8)).contains("test_big.py::test_hang");
    assertThat(marker).doesNotExist();
  }

  @Test
  void postprocessAddsFiftyCrashesToAHundredMegabyteJsonReportUnder64Megabytes() throws Exception {
    Path json = tmp.resolve("big.json");
    JsonReportGenerator.main(new String[] {json.toString(), String.valueOf(HUNDRED_MB)});
    assertThat(Files.size(json)).isGreaterThan(HUNDRED_MB);
    Path log = crashLog("test_big.py::test_crashed_", "test_big.py::test_case[%d]");

    Run r = cli("postprocess", "--crash-log", log.toString(), "--json", json.toString());

    assertThat(r.code()).as(r.output()).isZero();
    List<String> crashed = new ArrayList<>();
    long tests = 0;
    long failedCount = -1;
    try (JsonParser p = new JsonFactory().createParser(json.toFile())) {
      p.nextToken();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        if (name.equals("summary")) {
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            if (key.equals("failed")) {
              failedCount = p.getLongValue();
            }
          }
        } else if (name.equals("tests")) {
          while (p.nextToken() == JsonToken.START_OBJECT) {
            tests++;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String key = p.currentName();
              p.nextToken();
              if (key.equals("nodeid") && p.getText().startsWith("test_big.py::test_crashed_")) {
                crashed.add(p.getText());
              }
              p.skipChildren();
            }
          }
        } else {
          p.skipChildren();
        }
      }
    }
    assertThat(crashed).hasSize(45).doesNotHaveDuplicates();
    assertThat(failedCount).isEqualTo(45);
    assertThat(tests).isGreaterThan(20_000);

    r = cli("postprocess", "--crash-log", log.toString(), "--json", json.toString());
    assertThat(r.code()).as(r.output()).isZero();
    assertThat(r.output()).doesNotContain("patched");
  }

  @Test
  void postprocessAddsFiftyCrashesToASurefireDirectoryUnder64Megabytes() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("surefire-reports"));
    String template = Files.readString(Fixtures.dir().resolve("junit/TEST-com.example.CalcTest.xml"));
    for (int i = 0; i < 2_000; i++) {
      Files.writeString(dir.resolve("TEST-com.example.Calc" + i + "Test.xml"), template.replace("com.example.CalcTest", "com.example.Calc" + i + "Test"));
    }
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < 50; i++) {
      log.append("{\"nodeid\": \"com.example.Calc").append(i * 37).append("Test#crashes").append(i).append("\", \"reason\": \"SIGSEGV\"}\n");
    }
    Path crashes = Files.writeString(tmp.resolve("crashes.jsonl"), log);

    Run r = cli("postprocess", "--crash-log", crashes.toString(), "--junit-xml", dir.toString());

    assertThat(r.code()).as(r.output()).isZero();
    assertThat(Files.readString(dir.resolve("TEST-com.example.Calc37Test.xml"))).contains("crashes1");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.count()).isEqualTo(2_000);
    }
    try (Stream<Path> files = Files.list(tmp)) {
      assertThat(files.map(f -> f.getFileName().toString())).allMatch(n -> !n.startsWith("."), "no rollback directory left");
    }
  }

  // a JUnit XML file was read whole, ten times its size in heap: 100 MB needed -Xmx1g
  @Test
  void postprocessAddsACrashToA100MegabyteJUnitXmlReportUnder64Megabytes() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("junit"));
    Path report = dir.resolve("TEST-pytest.xml");
    String output = "captured output line &amp; more ".repeat(30);
    int cases = 0;
    try (java.io.Writer w = Files.newBufferedWriter(report)) {
      w.write("<?xml version=\"1.0\" encoding=\"utf-8\"?><testsuites><testsuite name=\"pytest\" errors=\"0\" failures=\"0\""
          + " skipped=\"0\" tests=\"0\" time=\"1.0\" timestamp=\"2026-12-03T00:00:00\" hostname=\"h\">\n");
      for (long size = 0; size < 100L * 1024 * 1024; cases++) {
        String c = "<testcase classname=\"tests.test_mod" + (cases % 50) + "\" name=\"test_case_" + cases + "\" time=\"0.001\"><system-out>"
            + output + "</system-out></testcase>\n";
        w.write(c);
        size += c.length();
      }
      w.write("</testsuite></testsuites>\n");
    }
    long before = Files.size(report);
    byte[] tailBefore = tail(report, 4096);
    Path crashes = Files.writeString(tmp.resolve("crashes.jsonl"),
        "{\"nodeid\": \"tests/test_mod3.py::test_crashed\", \"reason\": \"SIGSEGV\", \"duration\": 1.5}\n");

    Run r = cli("postprocess", "--crash-log", crashes.toString(), "--junit-xml", dir.toString());

    assertThat(r.code()).as(r.output()).isZero();
    String head;
    try (java.io.InputStream in = Files.newInputStream(report)) {
      head = new String(in.readNBytes(300), java.nio.charset.StandardCharsets.UTF_8);
    }
    assertThat(head).contains("<testsuite name=\"pytest\" errors=\"1\" failures=\"0\" skipped=\"0\" tests=\"" + (cases + 1) + "\"");
    String end = new String(tail(report, 600), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(end).contains("<testcase name=\"test_crashed\" classname=\"tests.test_mod3\" time=\"1.500\">")
        .endsWith("</testcase>\n</testsuite></testsuites>\n");
    assertThat(Files.size(report)).isBetween(before, before + 400);
    // every other byte as pytest wrote it: the last test case before the crash's is untouched
    String tailText = new String(tailBefore, java.nio.charset.StandardCharsets.UTF_8);
    String lastCase = tailText.substring(tailText.lastIndexOf("<testcase"), tailText.lastIndexOf("</testsuite>"));
    assertThat(new String(tail(report, 5000), java.nio.charset.StandardCharsets.UTF_8)).contains(lastCase);
  }

  private static byte[] tail(Path file, int bytes) throws Exception {
    try (var ch = java.nio.channels.FileChannel.open(file)) {
      long from = Math.max(0, ch.size() - bytes);
      java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate((int) (ch.size() - from));
      ch.read(buf, from);
      return buf.array();
    }
  }
}
