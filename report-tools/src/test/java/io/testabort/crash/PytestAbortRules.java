package io.testabort.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.testabort.crash.json.Json;
import io.testabort.testing.Prerequisites;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * pytest-abort's reading and appending rules, run by python3 from the restatement in test resources
 * ({@code pytest-abort-interop/pytest_abort_rules.py}; its docstring names the functions it follows).
 */
final class PytestAbortRules {
  static final Path DIR = resource("pytest-abort-interop");

  private PytestAbortRules() {}

  static Path resource(String name) {
    try {
      return Paths.get(PytestAbortRules.class.getClassLoader().getResource(name).toURI());
    } catch (Exception e) {
      throw new AssertionError("test resource " + name, e);
    }
  }

  /** {@code check_for_crash_file}'s crash record for {@code marker}, or null when it sees no crash. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> check(Path marker) throws Exception {
    return (Map<String, Object>) Json.parse(run("check", marker.toString()));
  }

  /** The unique node ids pytest-abort reads from {@code log}, in order. */
  @SuppressWarnings("unchecked")
  static List<String> nodeids(Path log) throws Exception {
    return (List<String>) Json.parse(run("nodeids", log.toString()));
  }

  /** Starts appending {@code count} records to {@code log} as pytest-abort does (flock, one line each). */
  static Process startAppending(Path log, int count, int pad) throws Exception {
    return new ProcessBuilder(command("append", log.toString(), "python", String.valueOf(count), String.valueOf(pad)))
        .redirectErrorStream(true).start();
  }

  static String run(String... args) throws Exception {
    Process p = new ProcessBuilder(command(args)).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    return out.strip();
  }

  private static List<String> command(String... args) {
    List<String> cmd = new ArrayList<>(List.of(Prerequisites.python3().toString(), DIR.resolve("pytest_abort_rules.py").toString()));
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** A copy of a marker in {@code dir}, under its own name, with the pid of a process that is certainly gone. */
  static Path copyWithDeadPid(Path marker, Path dir) throws Exception {
    String text = Files.readString(marker).replaceFirst("\"pid\":\\s*\\d+", "\"pid\": " + DEAD_PID);
    return Files.writeString(dir.resolve(marker.getFileName().toString()), text);
  }

  /** Above any Linux pid_max. */
  static final long DEAD_PID = 2_147_483_000L;
}
