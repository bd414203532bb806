package io.testabort.reports.cli;

import io.testabort.reports.pytest.JsonReportCombiner;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "combine-json",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Combines the *_log.json pytest-json-reports of DIR into one JSON list (pytest-abort's combine_json_reports).",
      "Exit 0: written, 1: no report found (an empty list is written), 3: a report is invalid (nothing written)."
    })
final class CombineJsonCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "directory of *_log.json reports")
  Path dir;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "output file (default: DIR/" + JsonReportCombiner.DEFAULT_NAME + ")")
  Path out;

  @Override
  public Integer call() throws Exception {
    Path target = out != null ? out : dir.resolve(JsonReportCombiner.DEFAULT_NAME);
    int reports = JsonReportCombiner.combine(dir, target);
    spec.commandLine().getOut().println("combined " + reports + " reports into " + target);
    return reports == 0 ? Main.EXIT_NOTHING : Main.EXIT_OK;
  }
}
