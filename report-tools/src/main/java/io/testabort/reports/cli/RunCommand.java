package io.testabort.reports.cli;

import io.testabort.crash.BadInputException;
import io.testabort.reports.ReportSet;
import io.testabort.reports.run.AgentJar;
import io.testabort.reports.run.AgentLaunch;
import io.testabort.reports.run.ProcessLauncher;
import io.testabort.reports.run.TestRunner;
import io.testabort.reports.summary.StepSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Runs CMD with the agent in JAVA_TOOL_OPTIONS. After each run, records the crashes of dead JVMs in the crash"
          + " log and adds them to the JUnit XML reports; if the run crashed a new test, runs CMD again with every"
          + " logged test skipped, --max-runs times at most. The runner's own lines start with '[test-abort run]'.",
      "Exit 0: the last run exited 0 and no test crashed. 1: a test crashed (in these runs, or earlier per the crash"
          + " log) or the last run exited non-zero. 2: usage error (no agent jar found, a path with ','). 3: bad input"
          + " (unreadable crash log, marker or report; CMD cannot be started)."
    })
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--agent", paramLabel = "JAR",
      description = "agent jar (default: " + AgentJar.FILE_NAME + " next to the report-tools jar)")
  Path agent;

  @Option(names = "--marker-dir", paramLabel = "D", defaultValue = ".test-abort/markers",
      description = "default ${DEFAULT-VALUE}; where the JVMs write their markers")
  Path markerDir;

  @Option(names = "--crash-log", paramLabel = "F", defaultValue = ".test-abort/crashes.jsonl",
      description = "default ${DEFAULT-VALUE}; JSONL crash log, whose crashes are skipped from the first run on")
  Path crashLog;

  @Option(names = "--max-runs", paramLabel = "N", defaultValue = "5", description = "default ${DEFAULT-VALUE}; runs at most")
  int maxRuns;

  @Option(names = "--junit-xml", paramLabel = "DIR", arity = "1..*", description = "JUnit XML report directories to add the crashes to")
  List<Path> junitXml = List.of();

  @Option(names = "--timeout", paramLabel = "S", description = "the agent's timeout: seconds one test may run")
  Long timeout;

  @Parameters(paramLabel = "CMD", arity = "1..*", description = "the test command, after '--'")
  List<String> command;

  @Override
  public Integer call() throws Exception {
    if (maxRuns < 1) {
      throw usage("--max-runs must be at least 1");
    }
    if (timeout != null && timeout < 1) {
      throw usage("--timeout must be at least 1 second");
    }
    Path jar = agent != null ? agent : AgentJar.besideReportTools()
        .orElseThrow(() -> usage("no " + AgentJar.FILE_NAME + " next to the report-tools jar; pass --agent JAR"));
    if (!Files.isRegularFile(jar)) {
      throw new BadInputException(jar, "no such file");
    }
    AgentLaunch launch;
    try {
      launch = new AgentLaunch(jar, markerDir, crashLog, timeout);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    ReportSet reports = new ReportSet();
    for (Path dir : junitXml) {
      ReportOptions.addJUnitXml(reports, dir);
    }
    TestRunner runner = new TestRunner(launch, maxRuns, reports, ProcessLauncher.INHERIT_IO,
        spec.commandLine().getOut(), spec.commandLine().getErr()).stepSummary(System.getenv(StepSummary.ENV));
    return runner.run(command).exitCode();
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
