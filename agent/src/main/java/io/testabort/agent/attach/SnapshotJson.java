package io.testabort.agent.attach;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * The two documents an attach writes: the marker, in the keys and order of the agent's own markers
 * (plus {@code "named_from": "stack"}), and the report the attaching tool reads back.
 */
final class SnapshotJson {
  private static final JsonFactory JSON = new JsonFactory();
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

  static byte[] marker(List<InFlightTest> tests, String startTime, Jvm jvm) throws IOException {
    InFlightTest t = tests.get(0);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("test_name", t.testName());
      g.writeStringField("nodeid", t.nodeid());
      g.writeStringField("start_time", startTime);
      g.writeStringField("status", "running");
      g.writeNumberField("pid", jvm.pid);
      g.writeStringField("gpu_id", jvm.gpuId);
      g.writeStringField("framework", t.framework);
      g.writeStringField("test_class", t.testClass);
      g.writeStringField("method", t.method);
      if (t.displayName != null) {
        g.writeStringField("display_name", t.displayName);
      }
      g.writeStringField("phase", t.lifecycle.phase);
      g.writeStringField("thread", t.thread.getName());
      g.writeStringField("named_from", "stack");
      if (tests.size() > 1) {
        g.writeArrayFieldStart("running");
        for (InFlightTest r : tests.subList(0, Math.min(tests.size(), MAX_RUNNING))) {
          g.writeStartObject();
          g.writeStringField("nodeid", r.nodeid());
          g.writeStringField("thread", r.thread.getName());
          g.writeStringField("start_time", startTime);
          g.writeStringField("phase", r.lifecycle.phase);
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      g.writeObjectFieldStart("jvm");
      g.writeStringField("java_version", jvm.javaVersion);
      g.writeStringField("cwd", jvm.cwd);
      g.writeStringField("error_file", jvm.errorFile);
      g.writeEndObject();
      g.writeEndObject();
    }
    return out.toByteArray();
  }

  /** For the tool: the marker written (or null), and each test in flight with its whole stack. */
  static byte[] report(String marker, boolean agentWasActive, List<InFlightTest> tests) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("marker", marker);
      g.writeBooleanField("agent_was_active", agentWasActive);
      g.writeArrayFieldStart("tests");
      for (InFlightTest t : tests) {
        g.writeStartObject();
        g.writeStringField("nodeid", t.nodeid());
        g.writeStringField("framework", t.framework);
        g.writeStringField("phase", t.lifecycle.phase);
        g.writeStringField("lifecycle", t.lifecycle.name().toLowerCase(java.util.Locale.ROOT));
        g.writeStringField("test_class", t.testClass);
        g.writeStringField("method", t.method);
        if (t.displayName != null) {
          g.writeStringField("display_name", t.displayName);
        }
        g.writeBooleanField("invocation_unknown", t.invocationUnknown && t.invocation == null);
        g.writeStringField("thread", t.thread.getName());
        g.writeStringField("thread_state", t.thread.getState().name());
        g.writeArrayFieldStart("stack");
        for (StackTraceElement f : t.stack) {
          g.writeString(f.toString());
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    return out.toByteArray();
  }
}
