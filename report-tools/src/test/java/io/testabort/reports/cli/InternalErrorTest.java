package io.testabort.reports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** An OutOfMemoryError or a bug is one stderr line naming the command, and exit 4 (never 0 or 1). */
class InternalErrorTest {

  @CommandLine.Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    @CommandLine.Option(names = "--error") boolean error;

    @Override
    public Integer call() {
      if (error) {
        throw new OutOfMemoryError("Java heap space");
      }
      throw new IllegalStateException("a bug\nover two lines");
    }
  }

  private static Cli run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = Main.commandLine().addSubcommand(new Boom());
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int code = Main.execute(cmd, args);
    return new Cli(code, out.toString(), err.toString());
  }

  @Test
  void outOfMemoryIsOneLineAndExitFour() {
    Cli r = run("boom", "--error");
    assertThat(r.code()).isEqualTo(Main.EXIT_INTERNAL_ERROR).isEqualTo(4);
    assertThat(r.err()).isEqualTo("test-abort-report-tools boom: internal error: java.lang.OutOfMemoryError: Java heap space" + System.lineSeparator());
  }

  @Test
  void anUnexpectedExceptionIsOneLineAndExitFour() {
    Cli r = run("boom");
    assertThat(r.code()).isEqualTo(4);
    assertThat(r.errLines()).isEqualTo(1);
    assertThat(r.err()).startsWith("test-abort-report-tools boom: internal error: java.lang.IllegalStateException: a bug over two lines");
  }
}
