package io.testabort.reports.cli;

import io.testabort.crash.BadInputException;
import io.testabort.reports.ReportFailure;
import java.io.IOException;
import java.io.PrintWriter;
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
    int code = PlainArgs.run(args);
    System.exit(code != PlainArgs.NOT_PLAIN ? code : run(args));
  }

  /** Runs the CLI without exiting the JVM; what tests call. */
  public static int run(String... args) {
    return execute(commandLineFor(args), args);
  }

  /** Every command, in the order usage lists them. */
  private static final String[] COMMANDS = {
    "check", "collect", "handle-abort", "postprocess", "combine-json", "json-to-csv", "sanitize", "merge-html",
    "run", "attach", "summary"
  };

  /**
   * A new instance of the command {@code name}, or null. A switch, not a map of constructor references:
   * each lambda spun at class initialisation cost start-up that every run paid (measured, see PlainArgs).
   */
  static Object newCommand(String name) {
    switch (name) {
      case "check": return new CheckCommand();
      case "collect": return new CollectCommand();
      case "handle-abort": return new HandleAbortCommand();
      case "postprocess": return new PostprocessCommand();
      case "combine-json": return new CombineJsonCommand();
      case "json-to-csv": return new JsonToCsvCommand();
      case "sanitize": return new SanitizeCommand();
      case "merge-html": return new MergeHtmlCommand();
      case "run": return new RunCommand();
      case "attach": return new AttachCommand();
      case "summary": return new SummaryCommand();
      default: return null;
    }
  }

  /**
   * The command line for {@code args}: with only the named command when there is one ({@code help NAME}
   * names one too), and none for a lone {@code --version}, since building picocli's model of every
   * command by reflection was most of a short run's start-up.
   */
  static CommandLine commandLineFor(String... args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      return new CommandLine(new Main()).setExecutionExceptionHandler(Main::handle);
    }
    String name = args.length == 2 && args[0].equals("help") ? args[1] : args.length > 0 ? args[0] : "";
    Object only = newCommand(name);
    if (only == null) {
      return commandLine();
    }
    return new CommandLine(new Main()).setExecutionExceptionHandler(Main::handle).addSubcommand(only);
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
    for (String name : COMMANDS) {
      cmd.addSubcommand(newCommand(name));
    }
    return cmd;
  }

  /**
   * The one place exceptions become exit codes: unusable input is one stderr line naming the file and
   * exit 3; anything else is a bug or an exhausted JVM: one stderr line naming the command, exit 4.
   */
  private static int handle(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    return failed(e, commandName(cmd), cmd.getErr());
  }

  /** What {@link #handle} does, without picocli: also what {@link PlainArgs} runs when a command fails. */
  static int failed(Throwable e, String command, PrintWriter err) {
    Throwable t = e instanceof UncheckedIOException ? e.getCause() : e;
    if (t instanceof BadInputException) {
      err.println(t.getMessage());
      return EXIT_BAD_INPUT;
    }
    if (t instanceof FileSystemException) {
      FileSystemException fse = (FileSystemException) t;
      err.println(fse.getFile() + ": " + problem(fse));
      return EXIT_BAD_INPUT;
    }
    if (t instanceof IOException) {
      err.println("I/O error: " + t.getMessage());
      return EXIT_BAD_INPUT;
    }
    return internalError(t, command, err);
  }

  private static int internalError(Throwable t, CommandLine cmd) {
    return internalError(t, commandName(cmd), cmd.getErr());
  }

  /** {@code test-abort-report-tools postprocess}: the command that ran, as far as it was parsed. */
  private static String commandName(CommandLine cmd) {
    String command = cmd.getCommandSpec().qualifiedName();
    CommandLine.ParseResult parsed = cmd.getParseResult();
    while (parsed != null && parsed.subcommand() != null) {
      parsed = parsed.subcommand();
      command += " " + parsed.commandSpec().name();
    }
    return command;
  }

  /** {@code test-abort-report-tools postprocess: internal error: report.html: java.lang.OutOfMemoryError: Java heap space}. */
  private static int internalError(Throwable t, String command, PrintWriter err) {
    String what = t instanceof ReportFailure ? t.getMessage() : String.valueOf(t);
    err.println(command + ": internal error: " + what.replace('\n', ' ').replace('\r', ' '));
    err.flush();
    return EXIT_INTERNAL_ERROR;
  }

  static String problem(FileSystemException e) {
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
