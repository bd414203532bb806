package io.testabort.reports.pytest.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.testabort.crash.BadInputException;
import io.testabort.crash.CrashRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The byte path of sanitize (FastBlobReader, FastBlobWriter) against the jackson path it replaces:
 * same bytes, same answer, on fixtures and random pages; what it does not take goes to jackson.
 */
class FastBlobPathTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"raw/test_basic_log.html", "raw/test_params_log.html", "raw/test_rawids_log.html",
      "raw/test_output_log.html", "raw/test_bigout_log.html", "raw/test_surrogate_nocsv_log.html",
      "raw/test_surrogate_log.html", "merged/merged-single-quoted.html"})
  void fixturesTakeTheFastPathWithTheSameBytes(String name) throws Exception {
    Path fast = Fixtures.copy(name, Files.createDirectories(tmp.resolve("fast")));
    Path slow = Fixtures.copy(name, Files.createDirectories(tmp.resolve("slow")));

    Boolean changed = BlobSanitizer.sanitizeFast(fast);

    assertThat(changed).as("fast path taken").isNotNull();
    assertThat(changed).isEqualTo(BlobSanitizer.sanitizeWithJackson(slow));
    assertThat(Files.readAllBytes(fast)).isEqualTo(Files.readAllBytes(slow));
  }

  @Test
  void randomPagesTakeTheFastPathWithTheSameBytes() throws Exception {
    int fastTaken = 0;
    for (int seed = 0; seed < 500; seed++) {
      String page = new RandomBlobs(seed, false).page(seed % 3 == 0 ? '\'' : '"');
      Outcome fast = run(page, true, "f" + seed);
      Outcome slow = run(page, false, "s" + seed);
      assertThat(fast).as("seed %d: %s", seed, page).isEqualTo(slow);
      if (fast.error == null && BlobSanitizer.sanitizeFast(write(page, "g" + seed)) != null) {
        fastTaken++;
      }
    }
    assertThat(fastTaken).isEqualTo(500);
  }

  @Test
  void oddPagesGiveTheSameBytesOrTheSameError() throws Exception {
    for (int seed = 0; seed < 500; seed++) {
      String page = new RandomBlobs(seed, true).page(seed % 3 == 0 ? '\'' : '"');
      assertThat(run(page, true, "f" + seed)).as("seed %d: %s", seed, page).isEqualTo(run(page, false, "s" + seed));
    }
  }

  @Test
  void referencesTheFastPathLeavesToJacksonStillWork() throws Exception {
    String page = "<div data-jsonblob=\"{&#34;k&#34;: &#34;caf&eacute; &amp a\\tb&#34;}\"></div>";
    Path f = write(page, "named");

    assertThat(BlobSanitizer.sanitizeFast(f)).isNull();
    assertThat(Files.readAllBytes(f)).isEqualTo(page.getBytes(StandardCharsets.UTF_8));
    assertThat(BlobSanitizer.sanitize(f)).isTrue();
    assertThat(Files.readString(f)).isEqualTo(
        "<div data-jsonblob=\"{&quot;k&quot;: &quot;caf\u00e9 &amp; a  b&quot;}\"></div>");
  }

  @Test
  void truncatedAndInvalidBlobsKeepTheirErrors() throws Exception {
    for (String page : new String[] {
        "<div data-jsonblob=\"{&#34;k&#34;: 1",
        "<div data-jsonblob=\"{&#34;k&#34;: 01}\"></div>",
        "<div data-jsonblob=\"[1]\"></div>",
        "<div data-jsonblob=\"{} {}\"></div>",
        "<div data-jsonblob=\"{&#34;k&#34;: &#34;\u00e9\"></div>",
    }) {
      assertThat(run(page, true, "f")).as(page).isEqualTo(run(page, false, "s"));
      assertThat(run(page, true, "f").error).as(page).isNotNull();
    }
  }

  @Test
  void controlCharactersSurrogatesAndNonAsciiInKeysAreWrittenAsJacksonDoes() throws Exception {
    String page = "<div data-jsonblob=\"{&#34;a\\u0001\\u001F\\b\\f\\n\\r\\t\u00e9\\ud83d\\ude00\\udce9\\ud800x"
        + "&lt;&#39;&#34;: &#34;\\u0085\u200d\r\n&#10;\\r\\n\\r\\r\\ud800&#34;}\"></div>";
    Outcome fast = run(page, true, "f");
    assertThat(fast).isEqualTo(run(page, false, "s"));
    assertThat(fast.bytes).contains("a\\u0001\\u001F\\b\\f\\n\\r\\t\u00e9\ud83d\ude00\\udce9\\ud800x&lt;&#x27;&quot;: ");
  }

  @Test
  void postprocessOnRandomPagesGivesTheSameBytesAsJackson() throws Exception {
    String[] ids = {"t.py::a", "t.py::b[\u00e9]", "t.py::c[<x>&\"']", "t.py::d[\u0007\ud83d\ude00]", "t.py::e"};
    int fastTaken = 0;
    for (int seed = 0; seed < 400; seed++) {
      String page = new RandomBlobs(seed, false).pytestPage(seed % 3 == 0 ? '\'' : '"', ids);
      List<CrashEntry> crashes = new ArrayList<>();
      for (int i = 0; i < 1 + seed % 3; i++) {
        String id = ids[(seed + i * 2) % ids.length];
        crashes.add(new CrashEntry(CrashRecord.of(Map.of("nodeid", id, "reason", "SIGSEGV <x> & \u00e9",
            "duration", 1.5)), null));
      }
      Path fast = write(page, "pf" + seed);
      Path slow = write(page, "ps" + seed);
      Boolean fastAdded = PytestHtmlReport.addCrashesFast(fast, crashes);
      boolean slowAdded = PytestHtmlReport.addCrashesWithJackson(slow, crashes);
      assertThat(fastAdded).as("seed %d: %s", seed, page).isNotNull();
      fastTaken++;
      assertThat(fastAdded).as("seed %d", seed).isEqualTo(slowAdded);
      assertThat(Files.readString(fast)).as("seed %d: %s", seed, page).isEqualTo(Files.readString(slow));
    }
    assertThat(fastTaken).isEqualTo(400);
  }

  @Test
  void postprocessOnFixturesGivesTheSameBytesAsJackson() throws Exception {
    for (String name : new String[] {"raw/test_basic_log.html", "raw/test_output_log.html",
        "raw/test_surrogate_log.html", "raw/test_rawids_log.html", "merged/merged-single-quoted.html"}) {
      Path fast = Fixtures.copy(name, Files.createDirectories(tmp.resolve("pf")));
      Path slow = Fixtures.copy(name, Files.createDirectories(tmp.resolve("ps")));
      List<CrashEntry> crashes = List.of(
          new CrashEntry(CrashRecord.of(Map.of("nodeid", "test_x.py::test_crash[\u00e9<b>]", "reason", "SIGSEGV")), null),
          new CrashEntry(CrashRecord.of(Map.of("nodeid", "test_y.py::test_other", "reason", "abort")), null));
      assertThat(PytestHtmlReport.addCrashesFast(fast, crashes)).as(name).isTrue();
      assertThat(PytestHtmlReport.addCrashesWithJackson(slow, crashes)).isTrue();
      assertThat(Files.readAllBytes(fast)).as(name).isEqualTo(Files.readAllBytes(slow));
    }
  }

  private Path write(String page, String name) throws Exception {
    Path f = tmp.resolve(name + "_log.html");
    Files.write(f, page.getBytes(StandardCharsets.UTF_8));
    return f;
  }

  private Outcome run(String page, boolean fast, String name) throws Exception {
    Path f = write(page, name);
    Outcome o = new Outcome();
    try {
      o.changed = fast ? BlobSanitizer.sanitize(f) : BlobSanitizer.sanitizeWithJackson(f);
    } catch (BadInputException e) {
      o.error = e.getMessage().replace(f.toString(), "FILE");
    }
    o.bytes = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
    return o;
  }

  private static final class Outcome {
    boolean changed;
    String error;
    String bytes;

    @Override
    public boolean equals(Object o) {
      Outcome x = (Outcome) o;
      return changed == x.changed && java.util.Objects.equals(error, x.error) && bytes.equals(x.bytes);
    }

    @Override
    public int hashCode() {
      return bytes.hashCode();
    }

    @Override
    public String toString() {
      return "changed=" + changed + " error=" + error + "\n" + bytes;
    }
  }
}
