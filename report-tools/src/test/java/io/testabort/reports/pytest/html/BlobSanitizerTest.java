package io.testabort.reports.pytest.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.testabort.crash.BadInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlobSanitizerTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"test_basic_log.html", "test_params_log.html", "test_rawids_log.html",
      "test_output_log.html", "test_bigout_log.html", "test_surrogate_nocsv_log.html"})
  void matchesPythonReferenceOutput(String name) throws Exception {
    Path f = Fixtures.copy("raw/" + name, tmp);
    Path reference = Fixtures.file("pytest-abort-patched/sanitized/" + name);

    assertThat(BlobSanitizer.sanitize(f)).isTrue();

    assertThat(BlobReader.read(f)).isEqualTo(BlobReader.read(reference));
    // same bytes as Python's json.dumps + html.escape, and everything around the blob untouched
    assertThat(Files.readAllBytes(f)).isEqualTo(Files.readAllBytes(reference));
  }

  @ParameterizedTest
  @ValueSource(strings = {"test_basic_log.html", "test_output_log.html", "test_surrogate_nocsv_log.html"})
  void secondRunChangesNothing(String name) throws Exception {
    Path f = Fixtures.copy("raw/" + name, tmp);
    BlobSanitizer.sanitize(f);
    byte[] once = Files.readAllBytes(f);

    assertThat(BlobSanitizer.sanitize(f)).isFalse();
    assertThat(Files.readAllBytes(f)).isEqualTo(once);
  }

  @Test
  void unfinishedPageWithNothingToCleanIsNotRewritten() throws Exception {
    Path f = Fixtures.copy("raw/test_surrogate_log.html", tmp);
    byte[] before = Files.readAllBytes(f);
    assertThat(BlobSanitizer.sanitize(f)).isFalse();
    assertThat(Files.readAllBytes(f)).isEqualTo(before);
  }

  @Test
  void singleQuotedMergedBlobKeepsItsQuotes() throws Exception {
    Path f = Fixtures.copy("merged/merged-single-quoted.html", tmp);
    assertThat(BlobSanitizer.sanitize(f)).isTrue();
    String text = Files.readString(f);
    assertThat(text).contains("data-jsonblob='{&quot;environment&quot;");
    assertThat(BlobReader.tests(f)).hasSize(18); // 19 results: one key holds call + teardown
  }

  @Test
  void repairsRawControlCharactersInsideStrings() throws Exception {
    Path f = tmp.resolve("raw_log.html");
    String blob = "{\"tests\": {\"t\": [{\"log\": \"a\nb\tc\u0007d\"}]}}".replace("\"", "&#34;");
    Files.write(f, ("<p>x</p><div data-jsonblob=\"" + blob + "\"></div><p>after \u00e9</p>").getBytes(StandardCharsets.UTF_8));

    assertThat(BlobSanitizer.sanitize(f)).isTrue();

    assertThat(BlobReader.read(f).toString()).contains("a<br/>b  c d");
    assertThat(Files.readString(f)).startsWith("<p>x</p><div data-jsonblob=\"{&quot;tests&quot;")
        .endsWith("\"></div><p>after \u00e9</p>");
  }

  @Test
  void escapedLoneSurrogateBecomesASpace() throws Exception {
    Path f = tmp.resolve("s_log.html");
    Files.writeString(f, "<div data-jsonblob=\"{&#34;k\\udce9&#34;: &#34;caf\\udce9 \\ud83d\\ude00&#34;}\"></div>");

    assertThat(BlobSanitizer.sanitize(f)).isTrue();

    // keys are untouched (the surrogate stays escaped there), values lose it; the emoji pair survives
    assertThat(Files.readString(f)).isEqualTo(
        "<div data-jsonblob=\"{&quot;k\\udce9&quot;: &quot;caf  \ud83d\ude00&quot;}\"></div>");
  }

  @Test
  void unrepairableBlobIsBadInputAndFileUntouched() throws Exception {
    Path f = tmp.resolve("bad_log.html");
    Files.writeString(f, "<div data-jsonblob=\"{&#34;tests&#34;: {&#34;a&#34;: [1, }\"></div>");
    byte[] before = Files.readAllBytes(f);

    assertThatThrownBy(() -> BlobSanitizer.sanitize(f)).isInstanceOf(BadInputException.class)
        .hasMessageContaining(f.toString()).hasMessageContaining("not valid JSON");
    assertThat(Files.readAllBytes(f)).isEqualTo(before);
    assertThat(Files.list(tmp)).hasSize(1);
  }

  @Test
  void badInputs() throws Exception {
    Path text = tmp.resolve("notes_log.html");
    Files.writeString(text, "<html><body>hello</body></html>");
    Path truncated = tmp.resolve("trunc_log.html");
    Files.writeString(truncated, "<div data-jsonblob=\"{&#34;tests&#34;: {}");
    Path binary = tmp.resolve("bin_log.html");
    Files.write(binary, new byte[] {0, (byte) 0xff, 1, 2, (byte) 0xfe, 'd', 'a', 't', 'a'});
    Path badUtf8 = tmp.resolve("latin_log.html");
    Files.write(badUtf8, "<div data-jsonblob=\"{&#34;a&#34;: &#34;\u00e9&#34;}\"></div>".getBytes(StandardCharsets.ISO_8859_1));

    for (Path p : new Path[] {text, truncated, binary, badUtf8, tmp}) {
      byte[] before = Files.isDirectory(p) ? null : Files.readAllBytes(p);
      assertThatThrownBy(() -> BlobSanitizer.sanitize(p)).isInstanceOf(BadInputException.class)
          .hasMessageStartingWith(p.toString());
      if (before != null) {
        assertThat(Files.readAllBytes(p)).isEqualTo(before);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"test_basic_log.html", "test_missing_log.html", "test_surrogate_log.html"})
  void matchesPythonOnPytestAbortAppendedReports(String name) throws Exception {
    Path f = Fixtures.copy("pytest-abort-patched/appended/" + name, tmp);
    BlobSanitizer.sanitize(f);
    assertThat(Files.readAllBytes(f))
        .isEqualTo(Files.readAllBytes(Fixtures.file("pytest-abort-patched/appended-then-sanitized/" + name)));
  }

  @Test
  void emptyFileIsBadInput() throws Exception {
    Path f = Files.createFile(tmp.resolve("empty_log.html"));
    assertThatThrownBy(() -> BlobSanitizer.sanitize(f)).isInstanceOf(BadInputException.class)
        .hasMessage(f + ": empty file, not a pytest-html report");
  }
}
