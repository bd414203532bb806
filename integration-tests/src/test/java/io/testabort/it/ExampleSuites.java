package io.testabort.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/** An example suite of examples/ (with the crash points) compiled against a framework jar, for a plain JVM to run. */
final class ExampleSuites {
  private ExampleSuites() {}

  static Path compile(Path out, String example, Path frameworkJar) throws IOException {
    List<String> args = new ArrayList<>(List.of("-nowarn", "-d", out.toString(), "-cp", frameworkJar.toString()));
    args.addAll(sources(Project.examples().resolve(example + "/src/test/java")));
    args.addAll(sources(Project.examples().resolve("crash-support/src/main/java")));
    if (ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(new String[0])) != 0) {
      throw new IllegalStateException("could not compile examples/" + example + " against " + frameworkJar);
    }
    return out;
  }

  private static List<String> sources(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).collect(Collectors.toList());
    }
  }
}
