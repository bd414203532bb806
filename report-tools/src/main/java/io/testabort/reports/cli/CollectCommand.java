package io.testabort.reports.cli;

import io.testabort.crash.BadInputException;
import io.testabort.crash.Collector;
import io.testabort.crash.CrashJson;
import io.testabort.crash.CrashLog;
import io.testabort.crash.CrashRecord;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "collect",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Turns the markers (last_running*.json: the agent's and pytest-abort's) of processes that are gone, judged",
      "by the pid inside each, into crash records, exactly once even with several collectors; prints them as JSON",
      "lines and removes those markers (idle ones too). Markers of running processes stay.",
      "Exit 0: new crashes, 1: none, 3: a dead JVM's marker is invalid (left in place; the others are collected)."
    })
final class CollectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--marker-dir", required = true, paramLabel = "D", description = "directory of last_running*.json markers")
  Path markerDir;

  @Option(names = "--crash-log", paramLabel = "F", description = "JSONL crash log to append the records to")
  Path crashLog;

  @Override
  public Integer call() throws Exception {
    Collector.Result result = new Collector(markerDir, crashLog == null ? null : new CrashLog(crashLog)).collect();
    for (CrashRecord r : result.records()) {
      spec.commandLine().getOut().println(CrashJson.toLine(r));
    }
    spec.commandLine().getOut().flush();
    if (!result.invalid().isEmpty()) {
      BadInputException first = result.invalid().get(0);
      int more = result.invalid().size() - 1;
      throw more == 0 ? first : new BadInputException(first.file(), first.problem() + " (and " + more + " more invalid markers)");
    }
    return result.records().isEmpty() ? Main.EXIT_NOTHING : Main.EXIT_OK;
  }
}
