package io.testabort.agent.instrument;

import io.testabort.agent.classfile.ClassFileRenamer;
import io.testabort.agent.classfile.OwnClassFiles;
import io.testabort.agent.core.AgentLog;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Constructor;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@link HookWeaver} bound to the ASM inside {@code java.base} ({@code jdk.internal.org.objectweb.asm}: JDK 17
 * has it, API version 8), which the JDK's own lambdas have loaded from its CDS archive already: the agent's shaded ASM, some
 * thirty classes read from the agent jar and verified in every test JVM, is then never loaded. The copy is
 * HookWeaver's class files with their ASM package and their own name renamed ({@link ClassFileRenamer}),
 * defined in a class loader of its own whose unnamed module alone is given that package's export, so the
 * application's classes see no more of the JDK than before.
 *
 * <p>Newer JDKs carry no ASM (Temurin 25 has none: the JDK uses {@code java.lang.classfile}); there, and whenever the
 * binding fails, the agent weaves with HookWeaver on its own ASM. So does a class the JDK's ASM refuses.
 */
final class JdkAsmWeaver implements Weaver {
  static final String JDK_ASM = "jdk/internal/org/objectweb/asm/";
  /** The agent's ASM package as this class is compiled against it: the shade plugin relocates this text too. */
  static final String OWN_ASM = "net/bytebuddy/jar/asm/";
  private static final String WEAVER = "io/testabort/agent/instrument/HookWeaver";
  static final String COPY = "io/testabort/agent/instrument/JdkAsmHookWeaver";
  /** ASM API versions, newest first: ASM9, ASM8 (JDK 17's), ASM7 (JDK 11's). */
  private static final int[] APIS = {9 << 16, 8 << 16, 7 << 16};

  private final Weaver copy;
  private final int api;
  private volatile Weaver own;

  private JdkAsmWeaver(Weaver copy, int api) {
    this.copy = copy;
    this.api = api;
  }

  /** The weaver bound to the JDK's ASM when this JDK has one that works, else HookWeaver on the agent's own. */
  static Weaver choose(Instrumentation inst) {
    try {
      // a class, not a lambda: a lambda spins a class at its first call
      Weaver bound = bind(new Consumer<Module>() {
        @Override
        public void accept(Module module) {
          exportJdkAsm(inst, module);
        }
      });
      if (bound != null) {
        return bound;
      }
      AgentLog.debug("this JDK has no ASM of its own: weaving with the agent's");
    } catch (Throwable t) {
      AgentLog.debug("the JDK's ASM cannot be used, weaving with the agent's: " + t);
    }
    return new HookWeaver();
  }

  /** The ASM API version the copy asks for. */
  int api() {
    return api;
  }

  /** The copy's class, in its own class loader. */
  Class<?> copyClass() {
    return copy.getClass();
  }

  @Override
  public byte[] weave(byte[] classFile, List<HookPoint> points) {
    try {
      return copy.weave(classFile, points);
    } catch (RuntimeException refused) {
      // an attribute newer than the JDK's ASM knows at its API version, say
      AgentLog.debug("the JDK's ASM refused a class (" + refused + "); weaving it with the agent's");
      Weaver w = own;
      if (w == null) {
        w = new HookWeaver();
        own = w;
      }
      return w.weave(classFile, points);
    }
  }

  /**
   * The bound weaver, or null when this JDK has no ASM; throws when binding fails otherwise.
   * {@code export} gives the module of the copy's class loader access to the JDK's ASM package.
   */
  static JdkAsmWeaver bind(Consumer<Module> export) throws Exception {
    try {
      Class.forName(JDK_ASM.replace('/', '.') + "Opcodes", false, null);
    } catch (ClassNotFoundException none) {
      return null;
    }
    CopyLoader loader = new CopyLoader(JdkAsmWeaver.class.getClassLoader());
    export.accept(loader.getUnnamedModule());
    Constructor<?> constructor = loader.loadClass(COPY.replace('/', '.')).getDeclaredConstructor(int.class);
    constructor.setAccessible(true);
    // a weave of a small class file with no hook points: which API version this ASM takes, and that it works
    byte[] probe = OwnClassFiles.read("io/testabort/agent/instrument/Weaver");
    IllegalArgumentException last = null;
    for (int api : APIS) {
      Weaver copy = (Weaver) constructor.newInstance(api);
      try {
        copy.weave(probe, Collections.<HookPoint>emptyList());
        AgentLog.debug("weaving with the JDK's ASM (API version " + (api >>> 16) + ")");
        return new JdkAsmWeaver(copy, api);
      } catch (IllegalArgumentException unsupported) {
        last = unsupported;
      }
    }
    throw last;
  }

  private static void exportJdkAsm(Instrumentation inst, Module to) {
    Set<Module> none = Collections.emptySet();
    inst.redefineModule(
        Object.class.getModule(),
        none,
        Collections.singletonMap(JDK_ASM.substring(0, JDK_ASM.length() - 1).replace('/', '.'), Collections.singleton(to)),
        Collections.<String, Set<Module>>emptyMap(),
        Collections.<Class<?>>emptySet(),
        Collections.<Class<?>, List<Class<?>>>emptyMap());
  }

  /** Defines the renamed copy of HookWeaver's classes, as they are first asked for; the rest from its parent. */
  private static final class CopyLoader extends ClassLoader {
    private final ClassFileRenamer renamer = new ClassFileRenamer(OWN_ASM, JDK_ASM, WEAVER, COPY);

    CopyLoader(ClassLoader parent) {
      super(parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.replace('.', '/').startsWith(COPY)) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        return c != null ? c : findClass(name);
      }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      String internalName = name.replace('.', '/');
      if (!internalName.startsWith(COPY)) {
        throw new ClassNotFoundException(name);
      }
      try {
        byte[] classFile = renamer.rename(OwnClassFiles.read(WEAVER + internalName.substring(COPY.length())));
        return defineClass(name, classFile, 0, classFile.length);
      } catch (IOException | RuntimeException e) {
        throw new ClassNotFoundException(name, e);
      }
    }
  }
}
