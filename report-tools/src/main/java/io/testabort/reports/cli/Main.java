package io.testabort.reports.cli;

import io.testabort.crash.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
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
      CheckCommand.class,
      CollectCommand.class,
      HandleAbortCommand.class,
      PostprocessCommand.class,
      CombineJsonCommand.class,
      JsonToCsvCommand.class,
      SanitizeCommand.class,
      MergeHtmlCommand.class,
      RunCommand.class,
      AttachCommand.class,
      SummaryCommand.class,
    })
public final class Main implements Runnable {

  /** Exit codes of docs/interface.md section 5. */
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
    return commandLine().execute(args);
  }

  /** The configured command line, so callers (tests) can redirect its output before executing. */
  public static CommandLine commandLine() {
    return new CommandLine(new Main()).setExecutionExceptionHandler(Main::handle);
  }

  /**
   * The one place exceptions become exit codes: unusable input is one stderr line naming the file and
   * exit 3; anything else is a bug and keeps picocli's stack trace.
   */
  private static int handle(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) throws Exception {
    Throwable t = e instanceof UncheckedIOException ? e.getCause() : e;
    if (t instanceof BadInputException) {
      cmd.getErr().println(t.getMessage());
      return EXIT_BAD_INPUT;
    }
    if (t instanceof FileSystemException) {
      FileSystemException fse = (FileSystemException) t;
      cmd.getErr().println(fse.getFile() + ": " + problem(fse));
      return EXIT_BAD_INPUT;
    }
    if (t instanceof IOException) {
      cmd.getErr().println("I/O error: " + t.getMessage());
      return EXIT_BAD_INPUT;
    }
    throw e;
  }

  private static String problem(FileSystemException e) {
    if (e.getReason() != null) {
      return e.getReason();
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NotDirectoryException) {
      return "not a directory";
    }
    return e.getClass().getSimpleName();
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command");
  }
}
