package io.testabort.reports.cli;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code sanitize} and {@code postprocess} without picocli when their arguments are in the plain forms
 * below; anything else (help, version, a value starting with {@code -} or {@code @}, a repeated or unknown
 * option, a missing value) returns {@link #NOT_PLAIN} and picocli parses, reports and helps exactly as before.
 *
 * <p>Why hand-parse what picocli does: these two commands run once per CI job on reports of any size, and
 * the issue 8 budget counts JVM start. Building picocli's model (annotation reflection, proxies, ~180
 * classes) was about half of a short run's CPU (report-tools/bench/README.md, cli-startup.sh).
 * The forms accepted here parse to the same fields as picocli would (PlainArgsTest pins that).
 *
 * <pre>
 *   sanitize PATH... [--glob G | --glob=G]                        (in any order, at least one PATH)
 *   postprocess --crash-log F [--json F] [--html F] [--csv F] [--junit-xml D]  (any order, "=" forms too, at least one report)
 * </pre>
 */
final class PlainArgs {
  /** Not a plain command line: let picocli parse it. */
  static final int NOT_PLAIN = -1;

  private PlainArgs() {}

  /** Runs {@code args} when plain and returns the exit code, else {@link #NOT_PLAIN} having done nothing. */
  static int run(String[] args) {
    if (args.length == 0 || System.getProperty("picocli.trace") != null) {
      return NOT_PLAIN;
    }
    if (args[0].equals("sanitize")) {
      SanitizeCommand c = sanitize(args);
      return c == null ? NOT_PLAIN : execute("sanitize", c, null);
    }
    if (args[0].equals("postprocess")) {
      PostprocessCommand c = postprocess(args);
      return c == null ? NOT_PLAIN : execute("postprocess", null, c);
    }
    return NOT_PLAIN;
  }

  /** {@code sanitize} with its fields set as picocli would set them, or null when not plain. */
  static SanitizeCommand sanitize(String[] args) {
    List<Path> paths = new ArrayList<>();
    String glob = null;
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      String value;
      if (a.equals("--glob")) {
        if (++i == args.length) {
          return null;
        }
        value = args[i];
      } else if (a.startsWith("--glob=")) {
        value = a.substring("--glob=".length());
      } else {
        Path p = plainPath(a);
        if (p == null) {
          return null;
        }
        paths.add(p);
        continue;
      }
      if (glob != null || !plain(value)) {
        return null;
      }
      glob = value;
    }
    if (paths.isEmpty()) {
      return null;
    }
    SanitizeCommand c = new SanitizeCommand();
    c.paths = paths;
    c.glob = glob == null ? "*_log.html" : glob;
    return c;
  }

  /** {@code postprocess} with its fields set as picocli would set them, or null when not plain. */
  static PostprocessCommand postprocess(String[] args) {
    PostprocessCommand c = new PostprocessCommand();
    c.reports = new ReportOptions();
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      int eq = a.indexOf('=');
      String name = eq < 0 ? a : a.substring(0, eq);
      String value;
      if (eq >= 0) {
        value = a.substring(eq + 1);
      } else if (++i < args.length) {
        value = args[i];
      } else {
        return null;
      }
      Path p = plainPath(value);
      if (p == null) {
        return null;
      }
      if (name.equals("--crash-log") && c.crashLog == null) {
        c.crashLog = p;
      } else if (name.equals("--json") && c.reports.json == null) {
        c.reports.json = p;
      } else if (name.equals("--html") && c.reports.html == null) {
        c.reports.html = p;
      } else if (name.equals("--csv") && c.reports.csv == null) {
        c.reports.csv = p;
      } else if (name.equals("--junit-xml") && c.reports.junitXml == null) {
        c.reports.junitXml = p;
      } else {
        return null;
      }
    }
    ReportOptions r = c.reports;
    if (c.crashLog == null || (r.json == null && r.html == null && r.csv == null && r.junitXml == null)) {
      return null;
    }
    return c;
  }

  /** Runs one of the commands; a failure becomes the same line and exit code as under picocli. */
  private static int execute(String name, SanitizeCommand sanitize, PostprocessCommand postprocess) {
    PrintWriter err = writer(System.err, "sun.stderr.encoding");
    try {
      if (sanitize != null) {
        return sanitize.call();
      }
      PrintWriter out = writer(System.out, "sun.stdout.encoding");
      try {
        return postprocess.patch(postprocess.reports.reports(), out, err);
      } finally {
        out.flush();
      }
    } catch (Throwable t) {
      return Main.failed(t, "test-abort-report-tools " + name, err);
    } finally {
      err.flush();
    }
  }

  /** A value picocli takes as it is: no option-like {@code -}, no {@code @argfile}, no quotes to trim. */
  private static boolean plain(String value) {
    return !value.isEmpty() && value.charAt(0) != '-' && value.charAt(0) != '@' && value.indexOf('"') < 0;
  }

  /** {@code value} as picocli converts a Path ({@link Paths#get}), or null when not plain or not a path. */
  private static Path plainPath(String value) {
    if (!plain(value)) {
      return null;
    }
    try {
      return Paths.get(value);
    } catch (InvalidPathException e) {
      return null;
    }
  }

  /** The writer picocli's {@code getOut()}/{@code getErr()} would make: same charset, same autoflush. */
  private static PrintWriter writer(OutputStream stream, String encodingProperty) {
    String name = System.getProperty(encodingProperty);
    Charset cs = Charset.defaultCharset();
    if (name != null) {
      try {
        cs = Charset.forName("cp65001".equalsIgnoreCase(name) ? "UTF-8" : name);
      } catch (RuntimeException e) {
        // picocli falls back to the default charset too
      }
    }
    return new PrintWriter(new BufferedWriter(new OutputStreamWriter(stream, cs)), true);
  }
}
