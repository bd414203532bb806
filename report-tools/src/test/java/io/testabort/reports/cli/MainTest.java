package io.testabort.reports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** A run builds only its own command; everything else still reaches the full command line. */
class MainTest {
  @Test
  void aNamedCommandGetsACommandLineWithOnlyThatCommand() {
    assertThat(Main.commandLineFor("sanitize", "x.html").getSubcommands()).containsOnlyKeys("help", "sanitize");
    assertThat(Main.commandLineFor("--help").getSubcommands()).containsKeys("help", "check", "postprocess", "sanitize", "run", "attach", "summary").hasSize(12);
    assertThat(Main.commandLineFor("nope").getSubcommands()).hasSize(12);
    assertThat(Main.commandLineFor().getSubcommands()).hasSize(12);
  }

  @Test
  void theJarsMainClassNamesNoPicocliTypeSoTheLauncherLoadsNone() {
    for (java.lang.reflect.Method m : JarMain.class.getDeclaredMethods()) {
      assertThat(m.getReturnType().getName()).doesNotStartWith("picocli.");
      for (Class<?> p : m.getParameterTypes()) {
        assertThat(p.getName()).as(m.toString()).doesNotStartWith("picocli.");
      }
    }
    assertThat(JarMain.class.getSuperclass()).isEqualTo(Object.class);
    assertThat(JarMain.class.getDeclaredFields()).isEmpty();
  }

  @Test
  void versionAndHelpOnOneCommandBuildOnlyWhatTheyPrint() {
    assertThat(Main.commandLineFor("--version").getSubcommands()).containsOnlyKeys("help");
    assertThat(Main.commandLineFor("-V").getSubcommands()).containsOnlyKeys("help");
    assertThat(Main.commandLineFor("help", "sanitize").getSubcommands()).containsOnlyKeys("help", "sanitize");
    assertThat(Main.commandLineFor("help").getSubcommands()).hasSize(12);
    assertThat(Main.commandLineFor("--version", "sanitize").getSubcommands()).hasSize(12);
  }

  @ParameterizedTest
  @ValueSource(strings = {"--version", "-V", "help sanitize", "help postprocess", "help nope", "sanitize --help", "postprocess", "--help", "help"})
  void aCommandLineBuiltForTheArgumentsPrintsWhatTheFullOnePrints(String line) {
    String[] args = line.split(" ");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = Main.commandLineFor(args).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
    int code = Main.execute(cmd, args);

    assertThat(new Cli(code, out.toString(), err.toString())).isEqualTo(Cli.run(args));
  }

  @Test
  void unknownCommandsAreStillUsageErrors() {
    assertThat(Main.run("nope")).isEqualTo(Main.EXIT_USAGE);
    assertThat(Main.run("sanitize", "--version")).isEqualTo(Main.EXIT_OK);
  }
}
