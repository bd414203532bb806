package io.testabort.reports.cli;

import io.testabort.crash.BadInputException;
import io.testabort.reports.ReportSet;
import io.testabort.reports.junit.ReportDirectories;
import io.testabort.reports.run.AgentJar;
import io.testabort.reports.attach.JvmAttach;
import io.testabort.reports.run.AgentLaunch;
import io.testabort.reports.run.DeadlineLauncher;
import io.testabort.reports.run.HungRunNamer;
import io.testabort.reports.run.ProcessLauncher;
import io.testabort.reports.run.ShardedLauncher;
import io.testabort.reports.run.TestClasses;
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

  @Option(names = "--timeout", paramLabel = "S",
      description = "seconds one test may run (the agent's watchdog: thread dump, marker status timeout, exit 124)")
  Long timeout;

  @Option(names = "--run-timeout", paramLabel = "S",
      description = "seconds one run of CMD may take; past that the runner names the tests in flight in each of its"
          + " JVMs (as attach does), then kills CMD and everything it started")
  Long runTimeout;

  @Option(names = "--gpus", paramLabel = "IDS", split = ",",
      description = "one JVM per device, side by side: the test classes are sharded over them; in CMD {classes} is the"
          + " shard's classes (comma-separated, as -Dtest= takes them), {classes-file} a file of them one a line"
          + " (as -Dsurefire.includesFile= takes it), {shard} its number, {gpu} its device")
  List<String> gpus = List.of();

  @Option(names = "--gpu-env", paramLabel = "VARS", split = ",", defaultValue = "HIP_VISIBLE_DEVICES,CUDA_VISIBLE_DEVICES",
      description = "default ${DEFAULT-VALUE}; the variables that get each shard's device")
  List<String> gpuEnv;

  @Option(names = "--test-classes", paramLabel = "DIR",
      description = "compiled test classes to shard with --gpus (default: target/test-classes, else build/classes/java/test)")
  Path testClasses;

  @Parameters(paramLabel = "CMD", arity = "1..*", description = "the test command, after '--'")
  List<String> command;

  @Override
  public Integer call() throws Exception {
    // a SIGTERM or SIGINT to the runner alone: CMD and what it started go with it
    Runtime.getRuntime().addShutdownHook(new Thread(DeadlineLauncher::killDescendants, "test-abort-run-cleanup"));
    if (maxRuns < 1) {
      throw usage("--max-runs must be at least 1");
    }
    if (timeout != null && timeout < 1) {
      throw usage("--timeout must be at least 1 second");
    }
    if (runTimeout != null && runTimeout < 1) {
      throw usage("--run-timeout must be at least 1 second");
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
    // several directories (two Gradle test tasks, Surefire's and Failsafe's) as one: a crash counts once
    ReportSet reports = junitXml.isEmpty() ? new ReportSet() : ReportDirectories.named(junitXml).addTo(new ReportSet());
    ProcessLauncher launcher = ProcessLauncher.INHERIT_IO;
    if (runTimeout != null) {
      JvmAttach attach = new JvmAttach(jar, launch.markerDir());
      launcher = new DeadlineLauncher(runTimeout,
          new HungRunNamer(attach, runTimeout, spec.commandLine().getOut(), spec.commandLine().getErr()));
    }
    if (!gpus.isEmpty()) {
      Path dir = testClasses != null ? testClasses
          : Files.isDirectory(Path.of("target/test-classes")) ? Path.of("target/test-classes") : Path.of("build/classes/java/test");
      if (!Files.isDirectory(dir)) {
        throw new BadInputException(dir, "no such directory of compiled test classes (--test-classes)");
      }
      List<String> classes = TestClasses.in(dir);
      if (classes.isEmpty()) {
        throw new BadInputException(dir, "no test classes (Test*, *Test, *Tests, *TestCase) to shard over --gpus");
      }
      // the shards' class files go beside the crash log (.test-abort/ by default)
      Path filesDir = crashLog.toAbsolutePath().getParent();
      ShardedLauncher sharded;
      try {
        sharded = new ShardedLauncher(launcher, gpus, gpuEnv, classes, filesDir, spec.commandLine().getOut());
        sharded.check(command);
      } catch (IllegalArgumentException e) {
        throw usage(e.getMessage());
      }
      launcher = sharded;
    }
    TestRunner runner = new TestRunner(launch, maxRuns, reports, launcher,
        spec.commandLine().getOut(), spec.commandLine().getErr()).stepSummary(System.getenv(StepSummary.ENV));
    return runner.run(command).exitCode();
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
