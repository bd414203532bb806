package io.testabort.reports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * The picocli-free start of sanitize and postprocess: what it accepts parses to the very fields picocli
 * sets; everything else is left to picocli; failures print and exit as under picocli.
 */
class PlainArgsTest {
  @TempDir Path tmp;

  static Stream<String> plainSanitize() {
    return Stream.of(
        "sanitize a_log.html",
        "sanitize a_log.html dir b.html",
        "sanitize --glob *.html dir",
        "sanitize dir --glob=*.html other",
        "sanitize dir --glob x=y",
        "sanitize ./help",
        "sanitize check",
        "sanitize r\u00e9port_log.html");
  }

  @ParameterizedTest
  @MethodSource("plainSanitize")
  void plainSanitizeArgumentsGetTheFieldsPicocliSets(String line) {
    String[] args = line.split(" ");
    SanitizeCommand plain = PlainArgs.sanitize(args);
    SanitizeCommand picocli = new SanitizeCommand();
    new CommandLine(picocli).parseArgs(Arrays.copyOfRange(args, 1, args.length));

    assertThat(plain).isNotNull();
    assertThat(plain.paths).isEqualTo(picocli.paths);
    assertThat(plain.glob).isEqualTo(picocli.glob);
  }

  static Stream<String> plainPostprocess() {
    return Stream.of(
        "postprocess --crash-log c.jsonl --html r.html",
        "postprocess --html r.html --crash-log c.jsonl",
        "postprocess --crash-log=c.jsonl --json=r.json --csv r.csv --junit-xml=xml --html r.html",
        "postprocess --junit-xml target/surefire-reports --crash-log crash_log.jsonl",
        "postprocess --crash-log c=1.jsonl --json a=b.json");
  }

  @ParameterizedTest
  @MethodSource("plainPostprocess")
  void plainPostprocessArgumentsGetTheFieldsPicocliSets(String line) {
    String[] args = line.split(" ");
    PostprocessCommand plain = PlainArgs.postprocess(args);
    PostprocessCommand picocli = new PostprocessCommand();
    new CommandLine(picocli).parseArgs(Arrays.copyOfRange(args, 1, args.length));

    assertThat(plain).isNotNull();
    assertThat(plain.crashLog).isEqualTo(picocli.crashLog);
    assertThat(plain.reports).usingRecursiveComparison().isEqualTo(picocli.reports);
  }

  static Stream<String> notPlain() {
    return Stream.of(
        "",
        "sanitize",
        "sanitize --help",
        "sanitize -h",
        "sanitize --version",
        "sanitize -V a.html",
        "sanitize @args.txt",
        "sanitize -- a.html",
        "sanitize -x.html",
        "sanitize --glob *.html",
        "sanitize a.html --glob",
        "sanitize a.html --glob a --glob b",
        "sanitize a.html --glob=",
        "sanitize a.html --glob -x",
        "sanitize a.html --globs x",
        "sanitize \"a.html\"",
        "postprocess",
        "postprocess --help",
        "postprocess --crash-log c.jsonl",
        "postprocess --html r.html",
        "postprocess --crash-log c.jsonl --html",
        "postprocess --crash-log c.jsonl --html r.html --html s.html",
        "postprocess --crash-log c.jsonl --crash-log d.jsonl --html r.html",
        "postprocess --crash-log c.jsonl --html r.html extra",
        "postprocess --crash-log c.jsonl --html --json",
        "postprocess --crash-log c.jsonl --html=",
        "postprocess --crash-log @c --html r.html",
        "postprocess --crash-log c.jsonl --xml r.xml",
        "postprocess --crash-log c.jsonl -h",
        "check --crash-log c.jsonl",
        "--help",
        "--version",
        "help sanitize");
  }

  @ParameterizedTest
  @MethodSource("notPlain")
  void everythingElseIsLeftToPicocli(String line) {
    String[] args = line.isEmpty() ? new String[0] : line.split(" ");
    assertThat(PlainArgs.run(args)).isEqualTo(PlainArgs.NOT_PLAIN);
  }

  @Test
  void picocliTracingIsLeftToPicocli() {
    System.setProperty("picocli.trace", "DEBUG");
    try {
      assertThat(PlainArgs.run(new String[] {"sanitize", "a_log.html"})).isEqualTo(PlainArgs.NOT_PLAIN);
    } finally {
      System.clearProperty("picocli.trace");
    }
  }

  @Test
  void badInputsFailWithTheLinesAndExitCodesOfPicocli() throws Exception {
    for (String bad : BadInputs.create(Files.createDirectory(tmp.resolve("names")), ".jsonl").keySet()) {
      for (String shape : new String[] {"crash log", "report", "sanitized"}) {
        // each run gets its own fresh files: a failed run may leave them otherwise than it found them
        Cli picocli = captured(() -> Cli.run(badArgs(tmp.resolve("picocli-" + shape + "-" + bad), bad, shape)));
        Cli plain = captured(() -> plainRun(badArgs(tmp.resolve("plain-" + shape + "-" + bad), bad, shape)));
        assertThat(plain).as(bad + " as " + shape).isEqualTo(new Cli(picocli.code(),
            picocli.out().replace("picocli-", "plain-"), picocli.err().replace("picocli-", "plain-")));
        assertThat(plain.code()).isIn(Main.EXIT_OK, Main.EXIT_NOTHING, Main.EXIT_BAD_INPUT);
      }
    }
  }

  /** The arguments running the bad input {@code name} as a crash log, a report or a page to sanitize. */
  private static String[] badArgs(Path dir, String name, String shape) {
    try {
      Path bad = BadInputs.create(Files.createDirectories(dir), ".jsonl").get(name);
      Path log = Files.writeString(dir.resolve("c.jsonl"), "{\"nodeid\": \"t.py::t\", \"reason\": \"SIGSEGV\"}\n");
      switch (shape) {
        case "crash log": return new String[] {"postprocess", "--crash-log", bad.toString(), "--html", dir.resolve("r.html").toString()};
        case "report": return new String[] {"postprocess", "--crash-log", log.toString(), "--json", bad.toString()};
        default: return new String[] {"sanitize", bad.toString()};
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void anInternalErrorIsTheOneLineAndExitCodeOfPicocli() {
    StringWriter err = new StringWriter();
    int code = Main.failed(new OutOfMemoryError("Java heap space"), "test-abort-report-tools postprocess", new PrintWriter(err));

    assertThat(code).isEqualTo(Main.EXIT_INTERNAL_ERROR);
    assertThat(err.toString()).isEqualTo("test-abort-report-tools postprocess: internal error: java.lang.OutOfMemoryError: Java heap space" + System.lineSeparator());
  }

  @Test
  void aGoodRunPrintsAndWritesAsUnderPicocli() throws Exception {
    Path log = Files.writeString(tmp.resolve("c.jsonl"), "{\"nodeid\": \"t.py::t\", \"reason\": \"SIGSEGV\"}\n");
    Path a = tmp.resolve("a.csv");
    Path b = tmp.resolve("b.csv");
    Cli picocli = captured(() -> Cli.run("postprocess", "--crash-log", log.toString(), "--csv", a.toString()));
    Cli plain = captured(() -> plainRun("postprocess", "--crash-log", log.toString(), "--csv", b.toString()));

    assertThat(plain.code()).isEqualTo(picocli.code()).isZero();
    assertThat(plain.out()).isEqualTo(picocli.out().replace(a.toString(), b.toString())).isEqualTo("patched " + b + System.lineSeparator());
    assertThat(Files.readString(b)).isEqualTo(Files.readString(a));
  }

  private static Cli plainRun(String... args) {
    int code = PlainArgs.run(args);
    assertThat(code).isNotEqualTo(PlainArgs.NOT_PLAIN);
    return new Cli(code, "", "");
  }

  /**
   * What a run prints to System.out and System.err (sanitize and PlainArgs print there), added to what
   * it printed to the writers Cli gives picocli.
   */
  private static Cli captured(Supplier<Cli> run) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      Cli r = run.get();
      return new Cli(r.code(), r.out() + out.toString(StandardCharsets.UTF_8), r.err() + err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }
}
