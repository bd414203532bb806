package io.testabort.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class PrerequisitesTest {
  @Test
  void aMissingProgramFailsOnCi() {
    assertThatThrownBy(() -> Prerequisites.missing("gcc", "install gcc", true, true))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("gcc is not installed").hasMessageContaining("CI=true");
    assertThatThrownBy(() -> Prerequisites.missing("Temurin 25", "install it", false, true)).isInstanceOf(AssertionError.class);
  }

  @Test
  void aMissingProgramSkipsVisiblyElsewhere() {
    PrintStream err = System.err;
    ByteArrayOutputStream said = new ByteArrayOutputStream();
    System.setErr(new PrintStream(said, true, StandardCharsets.UTF_8));
    try {
      assertThatThrownBy(() -> Prerequisites.missing("gcc", "install gcc", true, false))
          .isInstanceOf(TestAbortedException.class).hasMessageContaining("gcc is not installed");
      Prerequisites.missing("Temurin 25", "install it", false, false); // a list of JDKs goes on without it
    } finally {
      System.setErr(err);
    }
    assertThat(said.toString(StandardCharsets.UTF_8).lines()).satisfiesExactly(
        l -> assertThat(l).startsWith("[prerequisite] gcc is not installed (install gcc): skipping " + PrerequisitesTest.class.getName())
            .endsWith(" (with CI=true this fails)"),
        l -> assertThat(l).isEqualTo("[prerequisite] Temurin 25 is not installed (install it): running without it (with CI=true this fails)"));
  }

  @Test
  void findsProgramsOnThePath() {
    assertThat(Prerequisites.onPath("sh")).isNotNull();
    assertThat(Prerequisites.onPath("no-such-program-here")).isNull();
  }
}
