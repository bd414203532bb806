package io.testabort.reports.cli;

import io.testabort.reports.ReportSet;
import io.testabort.crash.CrashLog;
import io.testabort.crash.CrashRecord;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "postprocess",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Adds every crashed node id of the crash log that a report does not show yet; running it again changes nothing.",
      "Exit 0: done, 1: the log is missing or empty, 3: invalid log or report (all kept as they were), 4: internal error."
    })
final class PostprocessCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--crash-log", required = true, paramLabel = "F", description = "JSONL crash log")
  Path crashLog;

  @Mixin ReportOptions reports;

  @Override
  public Integer call() throws Exception {
    ReportSet targets = reports.reports();
    if (targets.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "Name at least one report: --json, --html, --csv or --junit-xml");
    }
    return patch(targets, spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  /** The work, once the options are known to name at least one report; also what {@link PlainArgs} runs. */
  int patch(ReportSet targets, PrintWriter out, PrintWriter err) throws Exception {
    if (!Files.exists(crashLog)) {
      return Main.EXIT_NOTHING;
    }
    List<CrashRecord> crashes = new CrashLog(crashLog).readFirstPerNodeid(err::println);
    if (crashes.isEmpty()) {
      return Main.EXIT_NOTHING;
    }
    for (Path p : targets.addCrashes(crashes, null)) {
      out.println("patched " + p);
    }
    return Main.EXIT_OK;
  }
}
