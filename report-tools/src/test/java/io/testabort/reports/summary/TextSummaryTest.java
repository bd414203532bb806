package io.testabort.reports.summary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextSummaryTest {
  @Test
  void oneLinePerFieldAndNoControlCharacterReachesTheTerminal() {
    String text = TextSummary.render(SummaryEntry.of(HostileRecords.two()));

    assertThat(text.chars().filter(c -> c < 0x20 && c != '\n')).isEmpty();
    assertThat(text).contains("\n  reason:    SIGSEGV | in `C [lib.so]` <b>bold</b>\u240asecond line\n")
        .contains("\ncom.example.Plain#works\n  reason:    killed by SIGKILL (exit 137)\n")
        .contains("  gpu:       3\n");
  }
}
