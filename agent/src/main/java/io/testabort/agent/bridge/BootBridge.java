package io.testabort.agent.bridge;

import io.testabort.agent.classfile.ClassFileRenamer;
import io.testabort.agent.classfile.OwnClassFiles;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Puts {@code java.lang.TestAbortBridge} (a copy of {@link BridgeTemplate}) into {@code java.base}, once per
 * JVM, when the first hooked framework class loads. Nothing is appended to the bootstrap class path
 * (that would print a CDS warning in every JVM); a JVM that loads no test framework never gets here.
 */
public final class BootBridge {
  /** The internal name the hooks call. */
  public static final String INTERNAL_NAME = "java/lang/TestAbortBridge";
  private static final String TEMPLATE = "io/testabort/agent/bridge/BridgeTemplate";
  private static final String DEFINER = "io.testabort.agent.bridge.BootDefiner";
  /** What the template's {@link VmStandIn} becomes in java.base. */
  static final String VM = "jdk/internal/misc/VM";
  static final String VM_STAND_IN = "io/testabort/agent/bridge/VmStandIn";
  static final String RUNTIME_ARGUMENTS = "getRuntimeArguments";

  private BootBridge() {}

  /**
   * Defines the bridge (or finds it, after an earlier attach) and points it at {@code dispatcher}.
   *
   * @return the bridge class
   * @throws Exception when this JVM does not let the agent define it; then nothing must be hooked
   */
  public static synchronized Class<?> install(Instrumentation inst, BiFunction<String, Object[], Object> dispatcher)
      throws Exception {
    Class<?> bridge;
    try {
      bridge = Class.forName(INTERNAL_NAME.replace('/', '.'), false, null);
    } catch (ClassNotFoundException absent) {
      bridge = define(inst, bridgeClassFile());
    }
    bridge.getField("target").set(null, dispatcher);
    return bridge;
  }

  /**
   * The JVM's arguments through {@code bridge} (jdk.internal.misc.VM, which the agent itself may not call),
   * or null when this bridge cannot tell (one defined by an older agent that was attached first).
   */
  public static Supplier<String[]> vmArguments(Class<?> bridge) {
    final Method method;
    try {
      method = bridge.getMethod("vmArguments");
    } catch (NoSuchMethodException | RuntimeException e) {
      return null;
    }
    return new Supplier<String[]>() {
      @Override
      public String[] get() {
        try {
          return (String[]) method.invoke(null);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
          return null;
        }
      }
    };
  }

  private static Class<?> define(Instrumentation inst, byte[] classFile) throws Exception {
    final byte[] definerFile = OwnClassFiles.read(DEFINER.replace('.', '/'));
    ClassLoader throwaway =
        new ClassLoader(null) {
          @Override
          protected Class<?> findClass(String name) throws ClassNotFoundException {
            if (!DEFINER.equals(name)) {
              throw new ClassNotFoundException(name);
            }
            return defineClass(name, definerFile, 0, definerFile.length);
          }
        };
    Class<?> definer = throwaway.loadClass(DEFINER);
    Module javaBase = Object.class.getModule();
    Set<Module> none = Collections.emptySet();
    inst.redefineModule(
        javaBase,
        none,
        Collections.<String, Set<Module>>emptyMap(),
        Collections.singletonMap("java.lang", Collections.singleton(definer.getModule())),
        Collections.<Class<?>>emptySet(),
        Collections.<Class<?>, java.util.List<Class<?>>>emptyMap());
    return (Class<?>) definer.getMethod("define", byte[].class).invoke(null, (Object) classFile);
  }

  /**
   * The template renamed into {@code java.lang}: its own name (it mentions no other class of the agent,
   * only JDK types), and its stand-in for {@code jdk.internal.misc.VM}, which only {@code java.base} may
   * call. A rename of constant-pool names, so that defining the bridge loads no ASM.
   */
  static byte[] bridgeClassFile() throws IOException {
    return new ClassFileRenamer(TEMPLATE, INTERNAL_NAME, VM_STAND_IN, VM).rename(OwnClassFiles.read(TEMPLATE));
  }
}
