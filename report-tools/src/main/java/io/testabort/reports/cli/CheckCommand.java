package io.testabort.reports.cli;

import io.testabort.crash.CrashJson;
import io.testabort.crash.CrashRecord;
import io.testabort.crash.MarkerCheck;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Prints the crash record (one JSON line) if MARKER shows a test in flight when its process died",
      "(\"status\": \"running\"; a \"timeout\" key names the agent's limit; the older \"status\": \"timeout\" too).",
      "Exit 0: crash, 1: no crash (missing, idle or too young marker), 3: invalid marker. MARKER is left as it is."
    })
final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "MARKER", description = "marker file (last_running_<pid>.json or pytest-abort's)")
  Path marker;

  @Option(names = "--min-duration", paramLabel = "S", description = "ignore markers younger than S seconds (default: ${DEFAULT-VALUE})")
  double minDuration = MarkerCheck.DEFAULT_MIN_DURATION;

  @Override
  public Integer call() throws Exception {
    Optional<CrashRecord> crash = new MarkerCheck(minDuration).check(marker);
    if (crash.isEmpty()) {
      return Main.EXIT_NOTHING;
    }
    spec.commandLine().getOut().println(CrashJson.toLine(crash.get()));
    return Main.EXIT_OK;
  }
}
