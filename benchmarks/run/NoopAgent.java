/**
 * The floor of the start-up benchmark: a -javaagent that does nothing. Any agent already costs a JVM
 * part of its CDS archive (the archived module graph is off) and the opening of one more jar, so the
 * agent's own cost is measured against this, not against a bare JVM. benchmarks/run.sh builds it.
 *
 * <p>It takes the two-argument premain, as the agent does: with only {@code premain(String)} the JDK
 * first fails to find the two-argument form, which loads about ten more JDK classes and made the floor
 * a few milliseconds dearer than a real do-nothing agent.
 */
public final class NoopAgent {
  private NoopAgent() {}

  public static void premain(String args, java.lang.instrument.Instrumentation inst) {}
}
