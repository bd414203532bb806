package io.testabort.reports.attach;

import io.testabort.crash.json.Json;
import java.io.PrintWriter;

/** How {@code attach} prints what it found: the marker as one JSON line, then each test thread and its stack. */
public final class InFlightText {
  public static final String PREFIX = "[test-abort attach] ";

  private InFlightText() {}

  public static void print(TestsInFlight found, PrintWriter out) {
    if (found.source() == TestsInFlight.Source.AGENT_MARKER) {
      out.println(PREFIX + "JVM " + found.pid() + " runs the test-abort agent; its marker " + found.marker()
          + (found.markerFields() == null ? " does not exist (no test has started)" : ":"));
    } else {
      out.println(PREFIX + "attached the agent to JVM " + found.pid() + javaOf(found) + ": " + found.threads().size()
          + " thread(s) in a test; the JVM keeps running and the agent records the tests that start from now on");
    }
    if (found.markerFields() != null) {
      out.println(Json.write(found.markerFields()));
    }
    for (ThreadInFlight t : found.threads()) {
      out.println();
      out.println("\"" + t.thread() + "\" " + t.threadState() + ": " + t.nodeid() + " (" + t.framework() + ", " + t.phase()
          + (t.lifecycle().equals("test") ? "" : ", in " + t.lifecycle().replace('_', ' ') + " method " + t.method())
          + (t.invocationUnknown() ? "; which invocation is not on the stack" : "") + ")");
      for (String frame : t.stack()) {
        out.println("\tat " + frame);
      }
    }
    if (found.marker() != null && found.source() == TestsInFlight.Source.ATTACHED) {
      out.println();
      out.println(PREFIX + "marker: " + found.marker());
    }
    out.flush();
  }

  /** The JDK 21+ warning the target printed, and how to allow the attach (one line, for stderr). */
  public static String dynamicAgentHint(TestsInFlight found) {
    return PREFIX + "note: JVM " + found.pid() + " runs Java " + found.javaFeature()
        + ", which warns on its stderr about an agent loaded into a running JVM (JEP 451); start it with"
        + " -XX:+EnableDynamicAgentLoading to allow that without the warning";
  }

  private static String javaOf(TestsInFlight found) {
    return found.javaFeature() > 0 ? " (Java " + found.javaFeature() + ")" : "";
  }
}
