package io.testabort.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The programs some tests need beside the JDK running the build: Chromium, gcc, python3 and Temurin 25.
 * On CI ({@code CI=true}) a missing one fails the test, so CI cannot pass by testing less; elsewhere the
 * test is skipped, and why is printed on stderr as well as given to JUnit, so nobody misses it.
 *
 * <p>Shared by every test module through the test-support module.
 */
public final class Prerequisites {
  /** Where Debian's Temurin packages (and the CI image) put Temurin 25. */
  static final Path JVMS = Paths.get("/usr/lib/jvm");

  private Prerequisites() {}

  public static boolean onCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /** python3 on the PATH. */
  public static Path python3() {
    return require("python3", onPath("python3"), "install python3");
  }

  /** gcc on the PATH. */
  public static Path gcc() {
    return require("gcc", onPath("gcc"), "install gcc");
  }

  /** Chromium (or Chrome) on the PATH, for the tests that look at pages as a browser renders them. */
  public static Path chromium() {
    return require("chromium", onPath("chromium", "chromium-browser", "google-chrome"), "install chromium");
  }

  /** The home of Temurin 25, which the calling test needs. */
  public static Path temurin25() {
    return require("Temurin 25", findTemurin25(), "install temurin-25-jdk under " + JVMS);
  }

  /**
   * Temurin 25's home for a list of JDKs to run on (a parameter source): when it is missing, CI fails and
   * elsewhere the list goes without it, said on stderr.
   */
  public static Optional<Path> temurin25IfInstalled() {
    Path home = findTemurin25();
    if (home == null) {
      missing("Temurin 25", "install temurin-25-jdk under " + JVMS, false);
    }
    return Optional.ofNullable(home);
  }

  /** {@code found}, or: fail on CI, skip (with a stderr line) elsewhere. */
  public static Path require(String what, Path found, String hint) {
    if (found == null) {
      missing(what, hint, true);
    }
    return found;
  }

  private static void missing(String what, String hint, boolean skipsTest) {
    missing(what, hint, skipsTest, onCi());
  }

  static void missing(String what, String hint, boolean skipsTest, boolean ci) {
    String message = what + " is not installed (" + hint + ")";
    if (ci) {
      throw new AssertionError(message + "; CI=true requires every test to run");
    }
    System.err.println("[prerequisite] " + message + ": "
        + (skipsTest ? "skipping " + caller() : "running without it") + " (with CI=true this fails)");
    if (skipsTest) {
      Assumptions.assumeTrue(false, message);
    }
  }

  /** The test that asked, for the stderr line. */
  private static String caller() {
    return StackWalker.getInstance().walk(frames -> frames
        .filter(f -> !f.getClassName().equals(Prerequisites.class.getName()))
        .findFirst()
        .map(f -> f.getClassName() + "." + f.getMethodName())
        .orElse("the test"));
  }

  /** The first of {@code names} that is an executable on the PATH, or null. */
  public static Path onPath(String... names) {
    for (String name : names) {
      for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
        if (!dir.isEmpty() && Files.isExecutable(Paths.get(dir, name))) {
          return Paths.get(dir, name);
        }
      }
    }
    return null;
  }

  private static Path findTemurin25() {
    if (!Files.isDirectory(JVMS)) {
      return null;
    }
    try (Stream<Path> dirs = Files.list(JVMS)) {
      return dirs.filter(d -> d.getFileName().toString().startsWith("temurin-25"))
          .filter(d -> Files.isExecutable(d.resolve("bin/java")))
          .sorted()
          .findFirst()
          .orElse(null);
    } catch (IOException e) {
      return null;
    }
  }
}
