package io.testabort.reports.pytest.html;

import static org.junit.jupiter.api.Assertions.fail;

import io.testabort.crash.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Python's {@code html.unescape}, run by python3 as a child process over JSON files. Without python3
 * the test fails in CI ({@code CI=true}) and is skipped elsewhere, with the reason.
 */
final class PythonUnescape {
  private final Path dir;

  private PythonUnescape(Path dir) {
    this.dir = dir;
  }

  static PythonUnescape start(Path dir) throws Exception {
    PythonUnescape p = new PythonUnescape(dir);
    if (!p.available()) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("python3 is not installed, and CI=true requires the html.unescape comparison to run");
      }
      Assumptions.assumeTrue(false, "python3 is not installed: html.unescape comparison skipped");
    }
    return p;
  }

  private boolean available() {
    try {
      return run("import sys") == 0;
    } catch (Exception e) {
      return false;
    }
  }

  /** Every key of Python's {@code html.entities.html5}, with or without {@code ;}. */
  List<String> html5Names() throws Exception {
    Path out = dir.resolve("names.json");
    check(run("import html.entities, json, sys; open(sys.argv[1], 'w').write(json.dumps(sorted(html.entities.html5)))", out.toString()));
    return strings(out);
  }

  /** {@code html.unescape} of each input. */
  List<String> unescape(List<String> inputs) throws Exception {
    Path in = dir.resolve("cases.json");
    Path out = dir.resolve("unescaped.json");
    Files.writeString(in, Json.write(inputs), StandardCharsets.US_ASCII);
    check(run("import html, json, sys; cases = json.load(open(sys.argv[1]));"
        + " open(sys.argv[2], 'w').write(json.dumps([html.unescape(c) for c in cases]))", in.toString(), out.toString()));
    return strings(out);
  }

  private static List<String> strings(Path file) throws Exception {
    List<String> list = new ArrayList<>();
    for (Object o : (List<?>) Json.parse(Files.readString(file, StandardCharsets.US_ASCII))) {
      list.add((String) o);
    }
    return list;
  }

  private static void check(int code) {
    if (code != 0) {
      fail("python3 exited " + code);
    }
  }

  private int run(String script, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("python3", "-c", script));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("python.log").toFile()).start();
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      fail("python3 did not finish in 2 minutes");
    }
    return p.exitValue();
  }
}
