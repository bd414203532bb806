package io.testabort.agent.attach;

import io.testabort.crash.json.JsonWriter;
import java.util.List;

/**
 * The two documents an attach writes: the marker, in the keys and order of the agent's own markers
 * (plus {@code "named_from": "stack"}), and the report the attaching tool reads back. Both in UTF-8, with
 * the writer of the agent's markers.
 */
final class SnapshotJson {
  private static final int MAX_RUNNING = 12;

  /** Facts about this JVM the marker carries. */
  static final class Jvm {
    long pid;
    String gpuId;
    String javaVersion;
    String cwd;
    String errorFile;
  }

  private SnapshotJson() {}

  static byte[] marker(List<InFlightTest> tests, String startTime, Jvm jvm) {
    InFlightTest t = tests.get(0);
    JsonWriter g = JsonWriter.utf8(1024);
    g.beginObject();
    g.name("test_name").value(t.testName());
    g.name("nodeid").value(t.nodeid());
    g.name("start_time").value(startTime);
    g.name("status").value("running");
    g.name("pid").value(jvm.pid);
    g.name("gpu_id").value(jvm.gpuId);
    g.name("framework").value(t.framework);
    g.name("test_class").value(t.testClass);
    g.name("method").value(t.method);
    if (t.displayName != null) {
      g.name("display_name").value(t.displayName);
    }
    g.name("phase").value(t.lifecycle.phase);
    g.name("thread").value(t.thread.getName());
    g.name("named_from").value("stack");
    if (tests.size() > 1) {
      g.name("running").beginArray();
      for (InFlightTest r : tests.subList(0, Math.min(tests.size(), MAX_RUNNING))) {
        g.beginObject();
        g.name("nodeid").value(r.nodeid());
        g.name("thread").value(r.thread.getName());
        g.name("start_time").value(startTime);
        g.name("phase").value(r.lifecycle.phase);
        g.endObject();
      }
      g.endArray();
    }
    g.name("jvm").beginObject();
    g.name("java_version").value(jvm.javaVersion);
    g.name("cwd").value(jvm.cwd);
    g.name("error_file").value(jvm.errorFile);
    g.endObject();
    g.endObject();
    return g.toByteArray();
  }

  /** For the tool: the marker written (or null), and each test in flight with its whole stack. */
  static byte[] report(String marker, boolean agentWasActive, List<InFlightTest> tests) {
    JsonWriter g = JsonWriter.utf8(1024);
    g.beginObject();
    g.name("marker").value(marker);
    g.name("agent_was_active").value(agentWasActive);
    g.name("tests").beginArray();
    for (InFlightTest t : tests) {
      g.beginObject();
      g.name("nodeid").value(t.nodeid());
      g.name("framework").value(t.framework);
      g.name("phase").value(t.lifecycle.phase);
      g.name("lifecycle").value(t.lifecycle.name().toLowerCase(java.util.Locale.ROOT));
      g.name("test_class").value(t.testClass);
      g.name("method").value(t.method);
      if (t.displayName != null) {
        g.name("display_name").value(t.displayName);
      }
      g.name("invocation_unknown").value(t.invocationUnknown && t.invocation == null);
      g.name("thread").value(t.thread.getName());
      g.name("thread_state").value(t.thread.getState().name());
      g.name("stack").beginArray();
      for (StackTraceElement f : t.stack) {
        g.value(f.toString());
      }
      g.endArray();
      g.endObject();
    }
    g.endArray();
    g.endObject();
    return g.toByteArray();
  }
}
