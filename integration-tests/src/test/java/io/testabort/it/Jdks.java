package io.testabort.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The JDKs the crash tests run on: the one running the build (17) and Temurin 25 beside it. */
final class Jdks {
  private Jdks() {}

  static Path current() {
    return Paths.get(System.getProperty("java.home"));
  }

  /** Temurin 25 under /usr/lib/jvm; required when CI=true, so CI cannot silently test one JDK. */
  static Path temurin25() {
    try (Stream<Path> dirs = Files.list(Paths.get("/usr/lib/jvm"))) {
      return dirs.filter(d -> d.getFileName().toString().startsWith("temurin-25"))
          .filter(d -> Files.isExecutable(d.resolve("bin/java")))
          .findFirst()
          .orElseGet(Jdks::missing);
    } catch (IOException e) {
      return missing();
    }
  }

  private static Path missing() {
    if ("true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("Temurin 25 is not installed under /usr/lib/jvm, but CI must test on it");
    }
    return null;
  }

  static List<Path> all() {
    List<Path> jdks = new ArrayList<>();
    jdks.add(current());
    Path t25 = temurin25();
    if (t25 != null) {
      jdks.add(t25);
    }
    return jdks;
  }

  static String java(Path jdk) {
    return jdk.resolve("bin/java").toString();
  }

  static String label(Path jdk) {
    return jdk.getFileName().toString();
  }
}
