package io.testabort.reports.cli;

import io.testabort.crash.BadInputException;
import io.testabort.reports.attach.InFlightText;
import io.testabort.reports.attach.JvmAttach;
import io.testabort.reports.attach.TestsInFlight;
import io.testabort.reports.run.AgentJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "attach",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Names the tests in flight in the running JVM PID (a hung test run, say) and leaves it running. A JVM that"
          + " runs the agent: its marker is read, without attaching. Any other JVM: the agent is attached, names the"
          + " test on every thread from its stack, writes the marker (D/last_running_PID.json) and prints it with"
          + " each such thread's stack; later tests of that JVM are recorded as usual.",
      "Exit 0: a test is in flight. 1: none. 2: usage error. 3: PID is not a JVM we can attach to."
    })
final class AttachCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PID", description = "process id of the JVM")
  long pid;

  @Option(names = "--agent", paramLabel = "JAR",
      description = "agent jar (default: " + AgentJar.FILE_NAME + " next to the report-tools jar)")
  Path agent;

  @Option(names = "--marker-dir", paramLabel = "D", defaultValue = ".test-abort/markers",
      description = "default ${DEFAULT-VALUE}; where the attached agent writes the JVM's marker")
  Path markerDir;

  @Override
  public Integer call() throws Exception {
    // no jar is needed to read a JVM that runs the agent already: only to load it into one that does not
    Path jar = agent != null ? agent : AgentJar.besideReportTools().orElse(null);
    if (jar != null && !Files.isRegularFile(jar)) {
      throw new BadInputException(jar, "no such file");
    }
    JvmAttach attach;
    try {
      attach = new JvmAttach(jar, markerDir);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    TestsInFlight found;
    try {
      found = attach.inspect(pid);
    } catch (JvmAttach.NoAgentJarException e) {
      throw usage(e.getMessage() + ": no " + AgentJar.FILE_NAME + " next to the report-tools jar; pass --agent JAR");
    }
    InFlightText.print(found, spec.commandLine().getOut());
    if (found.dynamicAgentWarning()) {
      spec.commandLine().getErr().println(InFlightText.dynamicAgentHint(found));
    }
    return found.anyInFlight() ? Main.EXIT_OK : Main.EXIT_NOTHING;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
