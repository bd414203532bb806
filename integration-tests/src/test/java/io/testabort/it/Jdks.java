package io.testabort.it;

import io.testabort.testing.Prerequisites;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** The JDKs the crash tests run on: the one running the build (17) and Temurin 25 beside it. */
final class Jdks {
  private Jdks() {}

  static Path current() {
    return Paths.get(System.getProperty("java.home"));
  }

  /** Temurin 25, which the calling test needs: fails on CI, skipped with a stderr line elsewhere. */
  static Path temurin25() {
    return Prerequisites.temurin25();
  }

  static List<Path> all() {
    List<Path> jdks = new ArrayList<>();
    jdks.add(current());
    Prerequisites.temurin25IfInstalled().ifPresent(jdks::add); // required on CI
    return jdks;
  }

  static String java(Path jdk) {
    return jdk.resolve("bin/java").toString();
  }

  static String label(Path jdk) {
    return jdk.getFileName().toString();
  }
}
