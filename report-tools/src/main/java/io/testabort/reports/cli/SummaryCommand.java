package io.testabort.reports.cli;

import io.testabort.crash.CrashLog;
import io.testabort.crash.CrashRecord;
import io.testabort.crash.io.AtomicFiles;
import io.testabort.reports.summary.HtmlSummary;
import io.testabort.reports.summary.MarkdownSummary;
import io.testabort.reports.summary.SummaryEntry;
import io.testabort.reports.summary.TextSummary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "summary",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Summarizes the crashed tests of a crash log: name, reason, phase, framework, duration, the crashed thread's"
          + " Java frames and the head of the fatal error log. Markdown is what GitHub Actions' $GITHUB_STEP_SUMMARY"
          + " takes; html is a self-contained page.",
      "Exit 0: written. 1: the log is missing or holds no crash (the summary says so). 3: unreadable crash log."
    })
final class SummaryCommand implements Callable<Integer> {
  enum Format { markdown, text, html }

  @Spec CommandSpec spec;

  @Option(names = "--crash-log", paramLabel = "F", required = true, description = "JSONL crash log")
  Path crashLog;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "markdown",
      description = "markdown (default), text or html")
  Format format;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "file to write (through a temp file and a rename); default stdout")
  Path output;

  @Override
  public Integer call() throws Exception {
    // no log is no crash, as for postprocess: collect creates it only when something crashed
    List<CrashRecord> crashes = Files.exists(crashLog) ? new CrashLog(crashLog).readFirstPerNodeid() : List.of();
    List<SummaryEntry> entries = SummaryEntry.of(crashes);
    String rendered;
    switch (format) {
      case html:
        rendered = HtmlSummary.render(entries);
        break;
      case text:
        rendered = TextSummary.render(entries);
        break;
      default:
        rendered = MarkdownSummary.render(entries);
    }
    if (output != null) {
      AtomicFiles.write(output, rendered.getBytes(StandardCharsets.UTF_8));
    } else {
      spec.commandLine().getOut().print(rendered);
      spec.commandLine().getOut().flush();
    }
    return crashes.isEmpty() ? Main.EXIT_NOTHING : Main.EXIT_OK;
  }
}
