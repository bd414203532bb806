package io.testabort.reports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
  void unknownCommandsAreStillUsageErrors() {
    assertThat(Main.run("nope")).isEqualTo(Main.EXIT_USAGE);
    assertThat(Main.run("sanitize", "--version")).isEqualTo(Main.EXIT_OK);
  }
}
