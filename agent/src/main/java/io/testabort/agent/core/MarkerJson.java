package io.testabort.agent.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.util.List;

/**
 * Renders the marker of docs/interface.md section 3. Long texts and lists are capped so that a marker fits in
 * one 4 KiB page, which is what makes its in-place rewrite untearable (see {@link MarkerFile}).
 */
final class MarkerJson {
  static final int MAX_TEXT = 400;
  static final int MAX_RUNNING = 12;

  private final JsonFactory factory = new JsonFactory();
  private final ByteArrayBuilder buffer = new ByteArrayBuilder(MarkerFile.PAGE);

  /** What one marker shows. */
  static final class Content {
    String status;
    RunningTest top;
    List<RunningTest> running;
    ExitRecord exit;
    long timeoutSeconds;
    long pid;
    String gpuId;
    JvmInfo jvm;
  }

  /** Not thread-safe: the registry calls it under its lock. */
  byte[] render(Content c) throws IOException {
    buffer.reset();
    try (JsonGenerator g = factory.createGenerator(buffer)) {
      RunningTest t = c.top;
      g.writeStartObject();
      // the six keys of pytest-abort's marker come first
      g.writeStringField("test_name", cap(t.testName));
      g.writeStringField("nodeid", cap(t.nodeid, 1000));
      g.writeStringField("start_time", t.startTime);
      g.writeStringField("status", c.status);
      g.writeNumberField("pid", c.pid);
      g.writeStringField("gpu_id", c.gpuId);
      g.writeStringField("framework", t.framework);
      optional(g, "test_class", t.testClass);
      optional(g, "method", t.method);
      optional(g, "display_name", t.displayName);
      optional(g, "unique_id", t.uniqueId);
      g.writeStringField("phase", t.effectivePhase());
      g.writeStringField("thread", cap(t.thread.getName()));
      if (c.timeoutSeconds > 0) {
        g.writeNumberField("timeout", c.timeoutSeconds);
      }
      if (c.running != null && c.running.size() > 1) {
        g.writeArrayFieldStart("running");
        int n = 0;
        for (RunningTest r : c.running) {
          if (n++ == MAX_RUNNING) {
            break;
          }
          g.writeStartObject();
          g.writeStringField("nodeid", cap(r.nodeid));
          g.writeStringField("thread", cap(r.thread.getName()));
          g.writeStringField("start_time", r.startTime);
          g.writeStringField("phase", r.effectivePhase());
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      if (c.exit != null) {
        g.writeObjectFieldStart("exit");
        if (c.exit.code == null) {
          g.writeNullField("code");
        } else {
          g.writeNumberField("code", c.exit.code);
        }
        g.writeStringField("via", c.exit.via);
        g.writeArrayFieldStart("stack");
        for (String frame : c.exit.stack) {
          g.writeString(cap(frame, 200));
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      if (c.jvm != null) {
        g.writeObjectFieldStart("jvm");
        g.writeStringField("java_version", c.jvm.javaVersion);
        g.writeStringField("cwd", cap(c.jvm.cwd));
        g.writeStringField("error_file", cap(c.jvm.errorFile));
        g.writeEndObject();
      }
      g.writeEndObject();
    }
    return buffer.toByteArray();
  }

  private static void optional(JsonGenerator g, String key, String value) throws IOException {
    if (value != null) {
      g.writeStringField(key, cap(value));
    }
  }

  private static String cap(String s) {
    return cap(s, MAX_TEXT);
  }

  private static String cap(String s, int max) {
    if (s == null || s.length() <= max) {
      return s;
    }
    int end = max - 3;
    if (Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end) + "...";
  }
}
