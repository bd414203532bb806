package io.testabort.reports.cli;

import io.testabort.crash.CrashLog;
import io.testabort.crash.CrashRecord;
import io.testabort.crash.MarkerCheck;
import io.testabort.crash.io.ProcessIds;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "handle-abort",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "pytest-abort's handle_abort: if the marker shows a crash, log it and add it to every named report;",
      "then remove the marker. Exit 0: crash handled, 1: no crash, 3: invalid marker or report (all kept as they were), 4: internal error."
    })
final class HandleAbortCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--marker", required = true, paramLabel = "M", description = "marker file")
  Path marker;

  @Mixin ReportOptions reports;

  @Option(names = "--testfile", paramLabel = "NAME", description = "test file bare test names are anchored to (NAME.py::test)")
  String testfile;

  @Option(names = "--crash-log", paramLabel = "F", description = "JSONL crash log to append the record to")
  Path crashLog;

  @Option(names = "--min-duration", paramLabel = "S", description = "ignore markers younger than S seconds (default: ${DEFAULT-VALUE})")
  double minDuration = MarkerCheck.DEFAULT_MIN_DURATION;

  @Override
  public Integer call() throws Exception {
    Optional<CrashRecord> crash = new MarkerCheck(minDuration).check(marker);
    if (crash.isEmpty()) {
      Files.deleteIfExists(marker);
      return Main.EXIT_NOTHING;
    }
    // the marker is claimed first: one that cannot be removed stops us before a report or the log
    // changes, and a retry then finds it again instead of logging the crash twice
    Path claimed = claim();
    List<Path> written;
    try {
      written = reports.reports().addCrashes(List.of(crash.get()), testfile, () -> {
        if (crashLog != null) {
          new CrashLog(crashLog).append(crash.get(), "runner");
        }
      });
    } catch (Exception | Error e) {
      try {
        Files.move(claimed, marker, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException | RuntimeException back) {
        e.addSuppressed(back);
      }
      throw e;
    }
    Files.deleteIfExists(claimed);
    for (Path p : written) {
      spec.commandLine().getOut().println("patched " + p);
    }
    return Main.EXIT_OK;
  }

  /**
   * Renames the marker to {@code <marker>.claimed-<pid>}, the name {@code collect} gives the markers it
   * handles: a collector running beside us leaves it alone while we live, and takes it over if we die
   * before the crash is logged.
   */
  private Path claim() throws IOException {
    Path claimed = marker.resolveSibling(marker.getFileName() + ".claimed-" + ProcessIds.current());
    try {
      return Files.move(marker, claimed, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileSystemException e) {
      throw new FileSystemException(marker.toString(), null, "cannot remove the marker: " + Main.problem(e));
    }
  }
}
