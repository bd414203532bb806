import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;

/**
 * The floor of the start-up benchmark: a -javaagent that does nothing. Any agent already costs a JVM
 * part of its CDS archive (the archived module graph is off) and the opening of one more jar, so the
 * agent's own cost is measured against this, not against a bare JVM. benchmarks/run.sh builds it.
 *
 * <p>With the argument {@code transformer} it also registers a class transformer that changes nothing,
 * retransform-capable as the agent's own (its jar then needs
 * {@code Can-Retransform-Classes}): the floor under any agent that rewrites classes as they load,
 * since the JVM then hands every class it loads (a copy of its bytes, through JNI) to Java code.
 *
 * <p>It takes the two-argument premain, as the agent does: with only {@code premain(String)} the JDK
 * first fails to find the two-argument form, which loads about ten more JDK classes and made the floor
 * a few milliseconds dearer than a real do-nothing agent.
 */
public final class NoopAgent {
  private NoopAgent() {}

  public static void premain(String args, Instrumentation inst) {
    if ("transformer".equals(args)) {
      inst.addTransformer(new Unchanged(), true);
    }
  }

  /** Looks at every class and changes none. */
  private static final class Unchanged implements ClassFileTransformer {
    @Override
    public byte[] transform(ClassLoader loader, String name, Class<?> redefined, ProtectionDomain domain, byte[] bytes) {
      return null;
    }
  }
}
