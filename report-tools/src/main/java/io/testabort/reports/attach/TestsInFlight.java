package io.testabort.reports.attach;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** What {@link JvmAttach} found in one JVM: its marker, and (when it attached) each test thread's stack. */
public final class TestsInFlight {
  /** How the tests were named. */
  public enum Source {
    /** The JVM runs the agent: its own marker, read without attaching. */
    AGENT_MARKER,
    /** The agent was attached and named the tests from their stacks. */
    ATTACHED
  }

  private final long pid;
  private final Source source;
  private final int javaFeature;
  private final boolean dynamicAgentWarning;
  private final Path marker;
  private final Map<String, Object> markerFields;
  private final List<ThreadInFlight> threads;

  TestsInFlight(long pid, Source source, int javaFeature, boolean dynamicAgentWarning, Path marker,
      Map<String, Object> markerFields, List<ThreadInFlight> threads) {
    this.pid = pid;
    this.source = source;
    this.javaFeature = javaFeature;
    this.dynamicAgentWarning = dynamicAgentWarning;
    this.marker = marker;
    this.markerFields = markerFields;
    this.threads = Collections.unmodifiableList(threads);
  }

  public long pid() {
    return pid;
  }

  public Source source() {
    return source;
  }

  /** The target's Java feature release (17, 25, ...); 0 when it did not say. */
  public int javaFeature() {
    return javaFeature;
  }

  /**
   * True when loading the agent made the target print JDK 21+'s warning about dynamically loaded agents
   * (JEP 451): it runs on 21+ without {@code -XX:+EnableDynamicAgentLoading}.
   */
  public boolean dynamicAgentWarning() {
    return dynamicAgentWarning;
  }

  /** The marker file of the JVM (which may not exist when nothing ran), or null. */
  public Path marker() {
    return marker;
  }

  /** The marker's content, or null when there is no marker. */
  public Map<String, Object> markerFields() {
    return markerFields;
  }

  /** Threads in a test or class lifecycle method, with their stacks; empty for {@link Source#AGENT_MARKER}. */
  public List<ThreadInFlight> threads() {
    return threads;
  }

  /** Whether a test (or class setup/teardown) is in flight. */
  public boolean anyInFlight() {
    if (source == Source.ATTACHED) {
      return !threads.isEmpty();
    }
    return markerFields != null && ("running".equals(markerFields.get("status")) || "timeout".equals(markerFields.get("status")));
  }
}
