package io.testabort.reports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The real pytest report files under test resources ({@code pytest-reports/}); missing fixtures fail the test. */
public final class Fixtures {
  private Fixtures() {}

  public static Path dir() {
    String prop = System.getProperty("fixtures.dir");
    if (prop == null) {
      throw new IllegalStateException("system property fixtures.dir is not set (see report-tools/pom.xml)");
    }
    Path dir = Path.of(prop).normalize();
    if (!Files.isDirectory(dir.resolve("pytest-reports"))) {
      throw new IllegalStateException("fixtures missing: " + dir + " has no pytest-reports/");
    }
    return dir;
  }

  public static Path raw(String name) {
    return dir().resolve("pytest-reports/raw").resolve(name);
  }

  /** Every raw file ending in {@code suffix}, sorted. */
  public static List<Path> raws(String suffix) throws Exception {
    try (Stream<Path> s = Files.list(dir().resolve("pytest-reports/raw"))) {
      return s.filter(p -> p.toString().endsWith(suffix)).sorted().collect(Collectors.toList());
    }
  }
}
