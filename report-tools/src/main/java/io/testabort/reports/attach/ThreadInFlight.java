package io.testabort.reports.attach;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/** One thread of an attached JVM with the test or class lifecycle method it is in, and its stack. */
public final class ThreadInFlight {
  private final Map<String, Object> fields;

  ThreadInFlight(Map<String, Object> fields) {
    this.fields = Collections.unmodifiableMap(fields);
  }

  public String thread() {
    return string("thread");
  }

  public String threadState() {
    return string("thread_state");
  }

  public String nodeid() {
    return string("nodeid");
  }

  public String framework() {
    return string("framework");
  }

  public String phase() {
    return string("phase");
  }

  /** {@code class_setup}, {@code test_setup}, {@code test}, {@code test_teardown} or {@code class_teardown}. */
  public String lifecycle() {
    return string("lifecycle");
  }

  /** The test or lifecycle method on the stack. */
  public String method() {
    return string("method");
  }

  /** True for a parameterized, repeated or dynamic invocation whose index the stack does not show. */
  public boolean invocationUnknown() {
    return Boolean.TRUE.equals(fields.get("invocation_unknown"));
  }

  /** The frames, top first, as {@link StackTraceElement#toString()} prints them. */
  @SuppressWarnings("unchecked")
  public List<String> stack() {
    Object s = fields.get("stack");
    return s instanceof List ? (List<String>) s : List.of();
  }

  private String string(String key) {
    Object v = fields.get(key);
    return v == null ? "" : String.valueOf(v);
  }
}
