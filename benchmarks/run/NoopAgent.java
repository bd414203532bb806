/**
 * The floor of the start-up benchmark: a -javaagent that does nothing. Any agent already costs a JVM
 * part of its CDS archive (the archived module graph is off) and the opening of one more jar, so the
 * agent's own cost is measured against this, not against a bare JVM. benchmarks/run.sh builds it.
 */
public final class NoopAgent {
  private NoopAgent() {}

  public static void premain(String args) {}
}
