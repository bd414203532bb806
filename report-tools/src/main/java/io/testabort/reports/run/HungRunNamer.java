package io.testabort.reports.run;

import io.testabort.crash.BadInputException;
import io.testabort.reports.attach.InFlightText;
import io.testabort.reports.attach.JvmAttach;
import io.testabort.reports.attach.TestsInFlight;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * What {@code run --run-timeout} does before it kills a hung run: every JVM of the command (the command
 * itself and its descendants whose executable is {@code java}) is asked what it runs, as {@code attach}
 * asks, and the answer printed. JVMs with the runner's agent answer with their marker.
 */
public final class HungRunNamer implements Consumer<ProcessHandle> {
  private final JvmAttach attach;
  private final long seconds;
  private final PrintWriter out;
  private final PrintWriter err;

  public HungRunNamer(JvmAttach attach, long seconds, PrintWriter out, PrintWriter err) {
    this.attach = attach;
    this.seconds = seconds;
    this.out = out;
    this.err = err;
  }

  @Override
  public void accept(ProcessHandle root) {
    List<ProcessHandle> jvms = new ArrayList<>();
    if (isJava(root)) {
      jvms.add(root);
    }
    jvms.addAll(root.descendants().filter(HungRunNamer::isJava).collect(Collectors.toList()));
    out.println(TestRunner.PREFIX + "the run is still going after --run-timeout " + seconds + " s: naming what its "
        + jvms.size() + " JVM(s) run, then killing it");
    for (ProcessHandle jvm : jvms) {
      try {
        TestsInFlight found = attach.inspect(jvm.pid());
        InFlightText.print(found, out);
      } catch (BadInputException | IOException | RuntimeException e) {
        err.println(TestRunner.PREFIX + "warning: could not ask JVM " + jvm.pid() + ": " + e.getMessage());
      }
    }
    out.flush();
  }

  static boolean isJava(ProcessHandle p) {
    return p.info().command().map(c -> c.endsWith("/java") || c.endsWith("\\java.exe")).orElse(false);
  }
}
