package io.testabort.reports.cli;

import io.testabort.crash.BadInputException;
import io.testabort.reports.ReportFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code java -jar test-abort-report-tools.jar}. Commands stay thin: the work is in the library. */
@Command(
    name = "test-abort-report-tools",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Reads test-abort crash markers and crash logs; patches, sanitizes and merges test reports.",
    // subcommands are added in code (COMMANDS): a run builds the picocli model of its own command only
    subcommands = {CommandLine.HelpCommand.class})
public final class Main implements Runnable {

  /** Exit codes of docs/interface.md section 5. */
  public static final int EXIT_OK = 0;
  public static final int EXIT_NOTHING = 1;
  public static final int EXIT_USAGE = 2;
  public static final int EXIT_BAD_INPUT = 3;
  /** A bug or an exhausted JVM (e.g. OutOfMemoryError): one stderr line, never mistaken for 0 or 1. */
  public static final int EXIT_INTERNAL_ERROR = 4;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the CLI without exiting the JVM; what tests call. */
  public static int run(String... args) {
    return execute(commandLineFor(args), args);
  }

  /** Every command, in the order usage lists them. */
  private static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

  static {
    COMMANDS.put("check", CheckCommand::new);
    COMMANDS.put("collect", CollectCommand::new);
    COMMANDS.put("handle-abort", HandleAbortCommand::new);
    COMMANDS.put("postprocess", PostprocessCommand::new);
    COMMANDS.put("combine-json", CombineJsonCommand::new);
    COMMANDS.put("json-to-csv", JsonToCsvCommand::new);
    COMMANDS.put("sanitize", SanitizeCommand::new);
    COMMANDS.put("merge-html", MergeHtmlCommand::new);
    COMMANDS.put("run", RunCommand::new);
    COMMANDS.put("attach", AttachCommand::new);
    COMMANDS.put("summary", SummaryCommand::new);
  }

  /**
   * The command line for {@code args}: with only the named command when there is one, since building
   * picocli's model of every command by reflection was most of a short run's start-up.
   */
  static CommandLine commandLineFor(String... args) {
    Supplier<Object> only = args.length > 0 ? COMMANDS.get(args[0]) : null;
    if (only == null) {
      return commandLine();
    }
    return new CommandLine(new Main()).setExecutionExceptionHandler(Main::handle).addSubcommand(only.get());
  }

  /**
   * Executes {@code cmd}; an {@link Error} (which picocli lets through) becomes the same one line and
   * exit {@link #EXIT_INTERNAL_ERROR} as any other unexpected failure.
   */
  public static int execute(CommandLine cmd, String... args) {
    try {
      return cmd.execute(args);
    } catch (Throwable t) {
      return internalError(t, cmd);
    }
  }

  /** The configured command line, so callers (tests) can redirect its output before executing. */
  public static CommandLine commandLine() {
    CommandLine cmd = new CommandLine(new Main()).setExecutionExceptionHandler(Main::handle);
    for (Supplier<Object> c : COMMANDS.values()) {
      cmd.addSubcommand(c.get());
    }
    return cmd;
  }

  /**
   * The one place exceptions become exit codes: unusable input is one stderr line naming the file and
   * exit 3; anything else is a bug or an exhausted JVM: one stderr line naming the command, exit 4.
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
    return internalError(t, cmd);
  }

  /** {@code test-abort-report-tools postprocess: internal error: report.html: java.lang.OutOfMemoryError: Java heap space}. */
  private static int internalError(Throwable t, CommandLine cmd) {
    String command = cmd.getCommandSpec().qualifiedName();
    CommandLine.ParseResult parsed = cmd.getParseResult();
    while (parsed != null && parsed.subcommand() != null) {
      parsed = parsed.subcommand();
      command += " " + parsed.commandSpec().name();
    }
    String what = t instanceof ReportFailure ? t.getMessage() : String.valueOf(t);
    cmd.getErr().println(command + ": internal error: " + what.replace('\n', ' ').replace('\r', ' '));
    cmd.getErr().flush();
    return EXIT_INTERNAL_ERROR;
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
