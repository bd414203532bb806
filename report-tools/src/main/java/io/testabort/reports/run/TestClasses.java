package io.testabort.reports.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The test classes of a compiled test class directory, by Surefire's default includes ({@code Test*},
 * {@code *Test}, {@code *Tests}, {@code *TestCase}); nested classes are left to their enclosing class.
 */
public final class TestClasses {
  private TestClasses() {}

  public static List<String> in(Path classesDir) throws IOException {
    try (Stream<Path> files = Files.walk(classesDir)) {
      return files.filter(f -> f.toString().endsWith(".class"))
          .map(f -> classesDir.relativize(f).toString().replace('\\', '/'))
          .map(f -> f.substring(0, f.length() - ".class".length()))
          .filter(TestClasses::isTestClass)
          .map(f -> f.replace('/', '.'))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  static boolean isTestClass(String path) {
    String simple = path.substring(path.lastIndexOf('/') + 1);
    return !simple.contains("$") && !simple.equals("package-info") && !simple.equals("module-info")
        && (simple.startsWith("Test") || simple.endsWith("Test") || simple.endsWith("Tests") || simple.endsWith("TestCase"));
  }
}
