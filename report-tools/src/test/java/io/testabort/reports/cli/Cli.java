package io.testabort.reports.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the CLI in-process and captures what it prints. */
public record Cli(int code, String out, String err) {
  public static Cli run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = Main.commandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int code = Main.execute(cmd, args);
    return new Cli(code, out.toString(), err.toString());
  }

  /** Stderr lines, so tests can insist on exactly one. */
  public long errLines() {
    return err.lines().count();
  }
}
