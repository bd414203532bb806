package io.testabort.reports.run;

import java.nio.file.Path;

/**
 * How the runner attaches the agent to every JVM the test command starts: one {@code -javaagent:} option
 * put first in {@code JAVA_TOOL_OPTIONS}, which every JVM reads (Maven and Gradle forks included). First,
 * because an agent given twice keeps the first options, and the runner needs its own.
 */
public final class AgentLaunch {
  private final Path agentJar;
  private final Path markerDir;
  private final Path crashLog;
  private final Long timeoutSeconds;

  /**
   * @param timeoutSeconds the agent's {@code timeout}, or null for none
   * @throws IllegalArgumentException for a path the {@code -javaagent:} option cannot carry
   */
  public AgentLaunch(Path agentJar, Path markerDir, Path crashLog, Long timeoutSeconds) {
    // absolute: forked test JVMs may run in other directories than ours
    this.agentJar = usable("--agent", agentJar.toAbsolutePath().normalize());
    this.markerDir = usable("--marker-dir", markerDir.toAbsolutePath().normalize());
    this.crashLog = usable("--crash-log", crashLog.toAbsolutePath().normalize());
    this.timeoutSeconds = timeoutSeconds;
    if (this.agentJar.toString().contains("=")) {
      // the JVM ends the jar path at the first '='
      throw new IllegalArgumentException("--agent: the agent jar's path must not contain '=': " + this.agentJar);
    }
  }

  private static Path usable(String option, Path p) {
    // the agent splits its options at commas; a quote would end our quoting in JAVA_TOOL_OPTIONS
    if (p.toString().contains(",") || p.toString().contains("\"")) {
      throw new IllegalArgumentException(option + ": the agent's options cannot carry a path with ',' or '\"': " + p);
    }
    return p;
  }

  public Path markerDir() {
    return markerDir;
  }

  public Path crashLog() {
    return crashLog;
  }

  /** The agent option; {@code skip} names the crash log (only once it exists: the agent warns about a missing one). */
  public String javaagent(boolean skipCrashed) {
    String option = "-javaagent:" + agentJar + "=dir=" + markerDir + ",crashLog=" + crashLog
        + (skipCrashed ? ",skip=" + crashLog : "") + (timeoutSeconds != null ? ",timeout=" + timeoutSeconds : "");
    // the JVM splits JAVA_TOOL_OPTIONS at whitespace unless quoted
    return option.chars().anyMatch(Character::isWhitespace) ? '"' + option + '"' : option;
  }

  /** The agent option followed by {@code existing} (the caller's JAVA_TOOL_OPTIONS, may be null), kept. */
  public String javaToolOptions(String existing, boolean skipCrashed) {
    String ours = javaagent(skipCrashed);
    return existing == null || existing.isBlank() ? ours : ours + " " + existing.strip();
  }

  /**
   * Whether {@code existing} already loads a test-abort agent: given twice, the agent keeps the first
   * options, the runner's, and ignores the caller's.
   */
  public static boolean loadsTestAbortAgent(String existing) {
    return existing != null && existing.matches("(?s).*-javaagent:\\S*test-abort-agent[^=\\s]*\\.jar.*");
  }
}
