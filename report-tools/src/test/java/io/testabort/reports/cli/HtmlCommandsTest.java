package io.testabort.reports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.testabort.reports.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sanitize and merge-html commands: output lines, exit codes, one-line errors. */
class HtmlCommandsTest {
  @TempDir Path tmp;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream oldOut;
  private PrintStream oldErr;

  @BeforeEach
  void capture() {
    oldOut = System.out;
    oldErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(oldOut);
    System.setErr(oldErr);
  }

  private Path raw(String name, Path dir) throws IOException {
    Path fixtures = Paths.get(System.getProperty("fixtures.dir"), "pytest-reports", "raw");
    Path dst = dir.resolve(name);
    Files.copy(fixtures.resolve(name), dst, StandardCopyOption.REPLACE_EXISTING);
    dst.toFile().setWritable(true);
    return dst;
  }

  @Test
  void sanitizeDirectoryCountsAndIsIdempotent() throws Exception {
    raw("test_basic_log.html", tmp);
    raw("test_output_log.html", tmp);
    raw("test_surrogate_log.html", tmp);
    Files.writeString(tmp.resolve("notes.html"), "not matched by the glob");

    assertThat(Main.run("sanitize", tmp.toString())).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8).trim()).isEqualTo("modified=2 total=3 failed=0");

    out.reset();
    assertThat(Main.run("sanitize", tmp.toString())).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8).trim()).isEqualTo("modified=0 total=3 failed=0");
  }

  @Test
  void sanitizeReportsBadFilesOnOneLineEachAndExits3() throws Exception {
    Path good = raw("test_basic_log.html", tmp);
    Path bad = tmp.resolve("broken_log.html");
    Files.writeString(bad, "<div data-jsonblob=\"{&#34;tests&#34;: {\"></div>");
    Path notReport = tmp.resolve("x_log.html");
    Files.writeString(notReport, "hello");

    int rc = Main.run("sanitize", "--glob", "*.html", tmp.toString());

    assertThat(rc).isEqualTo(3);
    assertThat(out.toString(StandardCharsets.UTF_8).trim()).isEqualTo("modified=1 total=3 failed=2");
    String[] lines = err.toString(StandardCharsets.UTF_8).trim().split("\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0]).startsWith(bad.toString() + ": data-jsonblob is not valid JSON");
    assertThat(lines[1]).startsWith(notReport.toString() + ": not a pytest-html report");
    assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("Exception", "\tat ");
    assertThat(Files.readString(bad)).isEqualTo("<div data-jsonblob=\"{&#34;tests&#34;: {\"></div>");
    assertThat(good).exists();
  }

  @Test
  void mergeHtmlWritesOneReport() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    raw("test_basic_log.html", in);
    raw("test_params_log.html", in);
    Path merged = tmp.resolve("merged.html");

    assertThat(Main.run("merge-html", "-i", in.toString(), "-o", merged.toString())).isZero();

    assertThat(out.toString(StandardCharsets.UTF_8).trim()).isEqualTo("merged 2 reports (33 results) into " + merged);
    assertThat(merged).exists();
  }

  @Test
  void usageErrorsExit2() {
    assertThat(Main.run("merge-html", "-i", tmp.toString())).isEqualTo(2);
    assertThat(Main.run("sanitize")).isEqualTo(2);
  }

  @Test
  void aGlobThatIsNotOneIsAUsageErrorNamingIt() throws Exception {
    Path report = Files.copy(Fixtures.raw("test_basic_log.html"), tmp.resolve("test_basic_log.html"));
    byte[] before = Files.readAllBytes(report);

    Cli r = Cli.run("sanitize", tmp.toString(), "--glob", "[");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("Invalid value for option '--glob': ").contains("'['").doesNotContain("internal error");
    assertThat(Files.readAllBytes(report)).isEqualTo(before);
  }
}
