package io.testabort.reports.summary;

import static org.assertj.core.api.Assertions.assertThat;

import io.testabort.crash.CrashRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextSummaryTest {
  @Test
  void oneLinePerFieldAndNoControlCharacterReachesTheTerminal() {
    String text = TextSummary.render(SummaryEntry.of(HostileRecords.two()));

    assertThat(text.chars().filter(c -> c < 0x20 && c != '\n')).isEmpty();
    assertThat(text).contains("\n  reason:    SIGSEGV | in `C [lib.so]` <b>bold</b>\u240asecond line\n")
        .contains("\ncom.example.Plain#works\n  reason:    killed by SIGKILL (exit 137)\n")
        .contains("  gpu:       3\n");
  }

  /** A record as collect writes it; {@code errorFile} and {@code signal} may be null. */
  private static CrashRecord crash(String errorFile, String signal) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("nodeid", "com.x.T#t");
    f.put("reason", "r");
    if (errorFile != null) {
      f.put("error_file", errorFile);
    }
    if (signal != null) {
      f.put("signal", signal);
    }
    return CrashRecord.of(f);
  }

  @Test
  void withoutJavaFramesEveryFormatSaysWhyAndOnlyWhatIsTrue(@TempDir Path dir)
      throws Exception {
    // a VM thread's crash: a fatal error log, and no Java frames in it
    Path log = Files.writeString(dir.resolve("hs_err_pid7.log"),
        "#\n# A fatal error has been detected by the Java Runtime Environment:\n#\n#  SIGSEGV (0xb) at pc=0x1, pid=7, tid=8\n"
            + "#\n---------------  T H R E A D  ---------------\n\nCurrent thread (0x1):  VMThread \"VM Thread\"\n");
    SummaryEntry vmThread = SummaryEntry.of(crash(log.toString(), "SIGSEGV"));
    SummaryEntry gone = SummaryEntry.of(crash(dir.resolve("gone.log").toString(), "SIGSEGV"));
    SummaryEntry killed = SummaryEntry.of(crash(null, null));

    for (SummaryEntry e : List.of(vmThread, gone, killed)) {
      String note = e.noFramesNote(p -> p);
      assertThat(TextSummary.render(List.of(e))).contains(note);
      assertThat(MarkdownSummary.render(List.of(e))).contains(e.noFramesNote(MarkdownSummary::code));
      assertThat(Jsoup.parse(HtmlSummary.render(List.of(e))).selectFirst("p.no-frames").text()).isEqualTo(note);
    }
    assertThat(vmThread.noFramesNote(p -> p)).contains("ran no Java code").doesNotContain("killed");
    assertThat(gone.noFramesNote(p -> p)).isEqualTo("No Java frames: the fatal error log " + dir.resolve("gone.log") + " is not here to read.");
    assertThat(killed.noFramesNote(p -> p)).contains("left no fatal error log (it was killed, exited or timed out");
    assertThat(HtmlSummary.render(List.of(killed))).startsWith("<!doctype html>");
  }
}
