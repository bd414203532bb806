package io.testabort.reports.summary;

import java.util.List;

/** The summary as plain text for a terminal or a CI log; control characters shown, never sent. */
public final class TextSummary {
  private TextSummary() {}

  public static String render(List<SummaryEntry> entries) {
    StringBuilder out = new StringBuilder();
    out.append("test-abort: ").append(entries.size()).append(entries.size() == 1 ? " test" : " tests").append(" crashed\n");
    for (SummaryEntry e : entries) {
      out.append('\n').append(VisibleText.of(e.nodeid())).append('\n');
      out.append("  reason:    ").append(VisibleText.of(e.reason())).append('\n');
      out.append("  phase:     ").append(VisibleText.of(e.phase())).append('\n');
      out.append("  framework: ").append(VisibleText.of(e.framework())).append('\n');
      out.append("  duration:  ").append(e.duration()).append('\n');
      if (!"unknown".equals(e.gpuId())) {
        out.append("  gpu:       ").append(VisibleText.of(e.gpuId())).append('\n');
      }
      if (!e.javaFrames().isEmpty()) {
        out.append("  Java frames of the crashed thread").append(e.thread() != null ? " \"" + VisibleText.of(e.thread()) + "\"" : "")
            .append(":\n");
        for (String f : e.javaFrames()) {
          out.append("    ").append(VisibleText.of(f)).append('\n');
        }
      } else {
        out.append("  ").append(e.noFramesNote(VisibleText::of)).append('\n');
      }
      if (e.errorFile() != null) {
        out.append("  fatal error log: ").append(VisibleText.of(e.errorFile().toString())).append('\n');
      }
    }
    return out.toString();
  }
}
