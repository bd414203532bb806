package io.testabort.reports.pytest.html;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;

/** The real pytest-html fixtures under test resources ({@code pytest-reports/}); missing fixtures fail the build. */
final class Fixtures {
  private Fixtures() {}

  static Path dir() {
    String prop = System.getProperty("fixtures.dir");
    if (prop == null) {
      throw new IllegalStateException("system property fixtures.dir is not set (see report-tools/pom.xml)");
    }
    Path dir = Paths.get(prop).resolve("pytest-reports").normalize();
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("pytest report fixtures not found at " + dir);
    }
    return dir;
  }

  static Path file(String relative) {
    Path p = dir().resolve(relative);
    if (!Files.isRegularFile(p)) {
      throw new IllegalStateException("fixture missing: " + p);
    }
    return p;
  }

  /** A writable copy of a fixture in {@code tmp}. */
  static Path copy(String relative, Path tmp) {
    try {
      Path src = file(relative);
      Path dst = tmp.resolve(src.getFileName().toString());
      Files.copy(src, dst, StandardCopyOption.REPLACE_EXISTING);
      dst.toFile().setWritable(true);
      return dst;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
