package io.testabort.reports.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code java -jar test-abort-report-tools.jar}. Commands stay thin: the work is in the library. */
@Command(
    name = "test-abort-report-tools",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Reads test-abort crash markers and crash logs; patches, sanitizes and merges test reports.",
    subcommands = {
      CommandLine.HelpCommand.class,
      SanitizeCommand.class,
      MergeHtmlCommand.class,
    })
public final class Main implements Runnable {

  /** Exit codes of CONTRACT.md section 5. */
  public static final int EXIT_OK = 0;
  public static final int EXIT_NOTHING = 1;
  public static final int EXIT_USAGE = 2;
  public static final int EXIT_BAD_INPUT = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the CLI without exiting the JVM; what tests call. */
  public static int run(String... args) {
    return new CommandLine(new Main()).execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command");
  }
}
