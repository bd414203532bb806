package io.testabort.reports.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownSummaryTest {
  private final String md = MarkdownSummary.render(SummaryEntry.of(HostileRecords.two()));

  /** GFM's cell split: at every {@code |} not preceded by a backslash. */
  private static List<String> cells(String row) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    for (int i = 0; i < row.length(); i++) {
      char c = row.charAt(i);
      if (c == '|' && (i == 0 || row.charAt(i - 1) != '\\')) {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells.subList(1, cells.size() - 1);
  }

  @Test
  void eachCrashIsOneTableRowOfFiveCells() {
    List<String> rows = md.lines().filter(l -> l.startsWith("| ")).toList();
    assertThat(rows).hasSize(4); // header, delimiter, two crashes
    for (String row : rows) {
      assertThat(cells(row)).as(row).hasSize(5);
    }
    assertThat(cells(rows.get(2)).get(4)).isEqualTo(" 0.25 s ");
    assertThat(cells(rows.get(3)).get(4)).isEqualTo(" unknown ");
  }

  @Test
  void namesAreCodeSpansThatNoBacktickEnds() {
    String row = md.lines().filter(l -> l.startsWith("| ")).toList().get(2);
    String nameCell = cells(row).get(0).strip();
    // the name holds runs of 1 and 2 backticks: a fence of 3 keeps it one span
    assertThat(nameCell).startsWith("```").endsWith("```").doesNotContain("\n");
    assertThat(nameCell.substring(3, nameCell.length() - 3)).doesNotContain("```");
    assertThat(md).contains("### ```" + VisibleText.of(HostileRecords.NAME) + "```\n");
  }

  @Test
  void controlCharactersAndOverridesAreShownNotSent() {
    assertThat(md).doesNotContain("\r").doesNotContain("\u0007").doesNotContain("\u001b").doesNotContain("\u202e")
        .doesNotContain("\ud800")
        .contains("next\u240d\u2407\u241b[31m").contains("#h\u240anext").contains("é 😀 \ufffd]");
  }

  @Test
  void noRawHtmlOutsideCodeButTheDetailsWeWrite() {
    for (String line : md.lines().toList()) {
      if (line.startsWith("<")) {
        assertThat(line).matches("</?details>.*|<details><summary>.*</summary>");
      }
    }
    // the name's markup only ever sits inside a code span: the table row and the heading
    assertThat(md.lines().filter(l -> l.contains("<script>")))
        .allMatch(l -> l.startsWith("| ```p.T#t[<script>") || l.startsWith("### ```p.T#t[<script>"));
  }

  @Test
  void aCrashWithoutAFatalErrorLogSaysSo() {
    assertThat(md).contains("No Java frames: the JVM left no fatal error log").contains("**GPU:** `3`");
  }

  @Test
  void noCrashIsSaid() {
    assertThat(MarkdownSummary.render(List.of())).isEqualTo("## test-abort: 0 tests crashed\n\nNo test crashed.\n");
  }

  // GitHub refuses a job summary over 1 MiB whole: 120 JVM crashes with their fatal error logs were 1.7 MB
  @Test
  void aSummaryPastItsBudgetLeavesOutDetailsThenRowsAndSaysHowMany() {
    List<io.testabort.crash.CrashRecord> many = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      many.add(io.testabort.crash.CrashRecord.of(java.util.Map.of("nodeid", "p.T#t" + i, "reason", "x".repeat(100))));
    }
    List<SummaryEntry> entries = SummaryEntry.of(many);
    String all = MarkdownSummary.render(entries);
    assertThat(all).doesNotContain("left out").doesNotContain("not listed");

    String small = MarkdownSummary.render(entries, 12_000, 6_000);
    assertThat(small.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(12_000);
    long rows = small.lines().filter(l -> l.startsWith("| `p.T#t")).count();
    assertThat(rows).isBetween(10L, 49L);
    assertThat(small).contains((50 - rows) + " more crashed tests are not listed: a GitHub job summary takes at most 1 MiB");
    long detailed = small.lines().filter(l -> l.startsWith("### ")).count();
    assertThat(detailed).isLessThan(rows);
    assertThat(small).contains("The details (Java frames, fatal error log) of " + (rows - detailed) + " more crashed tests are left out");
  }
}
