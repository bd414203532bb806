package io.testabort.reports.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepSummaryTest {
  @TempDir Path dir;

  @Test
  void appendsToWhatOtherStepsWrote() throws Exception {
    Path file = Files.writeString(dir.resolve("step_summary.md"), "# build\n");

    assertThat(StepSummary.appendIfConfigured(HostileRecords.two(), file.toString())).isTrue();

    assertThat(Files.readString(file)).startsWith("# build\n\n## test-abort: 2 tests crashed\n");
  }

  // a step that left an HTML block open swallowed the heading, and one whose table row had no final
  // newline got the heading as part of that row
  @Test
  void aBlankLineEndsWhatTheStepBeforeLeftOpen() throws Exception {
    Path file = Files.writeString(dir.resolve("step_summary.md"), "<details><summary>log</summary>\n\nok\n\n</details>\n| 1 | 2 |");

    StepSummary.appendIfConfigured(HostileRecords.two(), file.toString());

    assertThat(Files.readString(file)).contains("| 1 | 2 |\n\n## test-abort: 2 tests crashed\n");
  }

  @Test
  void nothingWithoutTheVariableOrWithoutACrash() throws Exception {
    assertThat(StepSummary.appendIfConfigured(HostileRecords.two(), null)).isFalse();
    assertThat(StepSummary.appendIfConfigured(HostileRecords.two(), " ")).isFalse();
    Path file = dir.resolve("step_summary.md");
    assertThat(StepSummary.appendIfConfigured(List.of(), file.toString())).isFalse();
    assertThat(file).doesNotExist();
  }
}
