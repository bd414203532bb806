package io.testabort.agent.bridge;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.security.CodeSource;
import java.util.Collections;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

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
  /** What the template's placeholder {@code runtimeArguments()} becomes in java.base. */
  static final String VM = "jdk/internal/misc/VM";
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
    final byte[] definerFile = read(DEFINER.replace('.', '/'));
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
   * The template renamed into {@code java.lang}: its own name and its references to its own members
   * (it mentions no other class of the agent, only JDK types), and its placeholder for the JVM's
   * arguments pointed at {@code jdk.internal.misc.VM}.
   */
  static byte[] bridgeClassFile() throws IOException {
    ClassReader reader = new ClassReader(read(TEMPLATE));
    ClassWriter writer = new ClassWriter(0);
    reader.accept(new Rename(writer), 0);
    return writer.toByteArray();
  }

  private static final class Rename extends ClassVisitor {
    Rename(ClassVisitor next) {
      super(Opcodes.ASM9, next);
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
      super.visit(version, access, INTERNAL_NAME, signature, superName, interfaces);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
      return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature, exceptions)) {
        @Override
        public void visitFieldInsn(int opcode, String owner, String field, String fieldDescriptor) {
          super.visitFieldInsn(opcode, renamed(owner), field, fieldDescriptor);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String method, String methodDescriptor, boolean itf) {
          if (TEMPLATE.equals(owner) && method.equals("runtimeArguments")) {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, VM, RUNTIME_ARGUMENTS, methodDescriptor, false);
          } else {
            super.visitMethodInsn(opcode, renamed(owner), method, methodDescriptor, itf);
          }
        }
      };
    }

    private static String renamed(String owner) {
      return TEMPLATE.equals(owner) ? INTERNAL_NAME : owner;
    }
  }

  /**
   * The class file of one of the agent's own classes, read from the agent jar (or classes folder) that
   * holds this class. Not through the class loader's resource lookup: that searches the loader's modules
   * first (opening the runtime image's reader early) and then opens a {@code jar:} URL connection, a dozen
   * JDK classes that no CDS archive holds. Median time to "hooks and bridge ready" ({@code log=debug},
   * JUnit 4, 15 runs): 34.5 ms that way, 30.4 ms this way. The jar is open already, as the class path's,
   * so this reads no central directory again.
   */
  static byte[] read(String internalName) throws IOException {
    String entry = internalName + ".class";
    File home = codeSource();
    if (home != null && home.isFile()) {
      try (ZipFile jar = new ZipFile(home)) {
        ZipEntry e = jar.getEntry(entry);
        if (e != null) {
          try (InputStream in = jar.getInputStream(e)) {
            return in.readAllBytes();
          }
        }
      }
    } else if (home != null && home.isDirectory()) {
      File file = new File(home, entry);
      if (file.isFile()) {
        try (InputStream in = new FileInputStream(file)) {
          return in.readAllBytes();
        }
      }
    }
    // anything else (a jar inside a jar, say): the class loader finds it
    InputStream in = BootBridge.class.getClassLoader().getResourceAsStream(entry);
    if (in == null) {
      throw new IOException(entry + " is missing from the agent jar");
    }
    try {
      return in.readAllBytes();
    } finally {
      in.close();
    }
  }

  /** The agent jar or classes folder, when it is a local file; null otherwise. */
  private static File codeSource() {
    try {
      CodeSource source = BootBridge.class.getProtectionDomain().getCodeSource();
      URL location = source == null ? null : source.getLocation();
      return location != null && "file".equals(location.getProtocol()) ? new File(location.toURI()) : null;
    } catch (URISyntaxException | RuntimeException e) {
      return null;
    }
  }
}
