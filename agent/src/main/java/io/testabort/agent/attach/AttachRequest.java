package io.testabort.agent.attach;

/**
 * The agent argument of {@code report-tools attach}: the agent's own options plus
 * {@code attachReport=PATH}, where the tool wants the names of the tests in flight. Only this package
 * reads that key; the rest goes to the agent's options as given.
 */
public final class AttachRequest {
  static final String KEY = "attachReport";

  private final String agentOptions;
  private final String reportPath;

  private AttachRequest(String agentOptions, String reportPath) {
    this.agentOptions = agentOptions;
    this.reportPath = reportPath;
  }

  /** Splits {@code args} (may be null) into the agent's options and the report path (null when not asked). */
  public static AttachRequest parse(String args) {
    if (args == null) {
      return new AttachRequest(null, null);
    }
    StringBuilder rest = new StringBuilder();
    String report = null;
    for (String part : args.split(",")) {
      if (part.startsWith(KEY + "=")) {
        report = part.substring(KEY.length() + 1);
      } else if (!part.isEmpty()) {
        rest.append(rest.length() == 0 ? "" : ",").append(part);
      }
    }
    return new AttachRequest(rest.toString(), report);
  }

  public String agentOptions() {
    return agentOptions;
  }

  /** Where to write the report, or null when the agent was attached without {@code attachReport}. */
  public String reportPath() {
    return reportPath;
  }
}
