package io.testabort.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.testabort.agent.bridge.BootBridge;
import io.testabort.agent.classfile.ClassFileRenamer;
import io.testabort.agent.junitplatform.JUnitPlatformInstrumentation;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;

/**
 * An entry hook's reads ({@link HookRead}): woven as typed calls, each guarded on its own, in classes the
 * JVM loads and verifies, on the agent's ASM and on the JDK's. The woven bridge calls are renamed to
 * {@link RecordingBridge}, which keeps what the hook would have got.
 */
class HookWeaverReadsTest {
  private static final String NODE = ReadsFixture.Node.class.getName();
  private static final String ID = ReadsFixture.Id.class.getName();
  private static final String LISTENER = "io/testabort/agent/instrument/ReadsFixture$Listener";
  private static final String ADAPTER = HookedClasses.PLATFORM_LISTENER_ADAPTER.replace('.', '/');

  @BeforeEach
  void reset() {
    RecordingBridge.reset();
    ReadsFixture.Runs.runs = 0;
  }

  /** The node's id, the id's text, its name, whether it is a leaf; a call that throws; a null on the way. */
  private static HookPoint started() {
    return new HookPoint("started", 2, HookPoint.Kind.ENTER, -1, "started", null, new HookRead[] {
      HookRead.argument(0).call(NODE, "id", "L" + ID.replace('.', '/') + ";", true),
      HookRead.argument(0).call(NODE, "id", "L" + ID.replace('.', '/') + ";", true).call(ID, "text", "Ljava/lang/String;", false),
      HookRead.argument(0).call(NODE, "name", "Ljava/lang/String;", true),
      HookRead.argument(0).call(NODE, "isLeaf", "Z", true),
      HookRead.argument(0).call(NODE, "depth", "J", true),
      HookRead.argument(0).call(NODE, "broken", "Ljava/lang/String;", true),
      HookRead.argument(0).call(NODE, "parent", "L" + NODE.replace('.', '/') + ";", true)
          .call(NODE, "name", "Ljava/lang/String;", true),
      HookRead.argument(0).call(NODE, "missing", "Ljava/lang/String;", true),
      HookRead.argument(1).call("java.lang.Object", "toString", "Ljava/lang/String;", false),
    });
  }

  @Test
  void theHookGetsTheArgumentsAndThenEachReadsValue() throws Exception {
    Object listener = load(woven(new HookWeaver(), LISTENER, started()), LISTENER).getConstructor().newInstance();
    ReadsFixture.Node node = new ReadsFixture.Leaf("[engine:x]/[class:A]", "A", null);

    run(listener, node, 42);

    assertThat(ReadsFixture.Runs.runs).as("the method's own code ran").isEqualTo(1);
    assertThat(RecordingBridge.lastEvent).isEqualTo("started");
    Object[] args = RecordingBridge.lastArgs;
    assertThat(args).hasSize(3 + 9);
    assertThat(args[0]).isSameAs(listener);
    assertThat(args[1]).isSameAs(node);
    assertThat(args[2]).isEqualTo(42);
    assertThat(args[3]).isSameAs(node.id());
    assertThat(args[4]).isEqualTo("[engine:x]/[class:A]");
    assertThat(args[5]).isEqualTo("A");
    assertThat(args[6]).isEqualTo(Boolean.TRUE);
    assertThat(args[7]).isEqualTo(7L);
    assertThat(args[8]).as("a read that throws").isNull();
    assertThat(args[9]).as("a null on the way").isNull();
    assertThat(args[10]).as("a method the class lacks").isNull();
    assertThat(args[11]).as("a read from a primitive argument is not woven").isNull();
  }

  @Test
  void aNullArgumentLeavesEveryReadNullAndTheMethodRuns() throws Exception {
    Object listener = load(woven(new HookWeaver(), LISTENER, started()), LISTENER).getConstructor().newInstance();

    run(listener, null, 1);

    assertThat(ReadsFixture.Runs.runs).isEqualTo(1);
    Object[] args = RecordingBridge.lastArgs;
    for (int i = 3; i < args.length; i++) {
      assertThat(args[i]).as("read %d", i - 3).isNull();
    }
  }

  @Test
  void theMethodsOwnLoopsAndHandlersStillVerifyAndRunAfterTheReads() throws Exception {
    Object listener = load(woven(new HookWeaver(), LISTENER, started()), LISTENER).getConstructor().newInstance();
    Method m = listener.getClass().getMethod("started", ReadsFixture.Node.class, int.class);
    ReadsFixture.Node parent = new ReadsFixture.Leaf("[engine:x]", "root", null);

    m.invoke(listener, new ReadsFixture.Leaf("[engine:x]/[class:B]", "B", parent), 3);

    assertThat(RecordingBridge.lastArgs[9]).isEqualTo("root");
    assertThat(ReadsFixture.Runs.lastSum).isEqualTo(0 + 1 + 2);
    assertThatThrownBy(() -> m.invoke(listener, new ReadsFixture.Leaf("[engine:x]", "throws", null), -1))
        .isInstanceOf(InvocationTargetException.class)
        .hasCauseInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @EnabledIf("io.testabort.agent.instrument.JdkAsmWeaverTest#jdkHasAsm")
  void theJdkAsmCopyWeavesTheSameBytes() throws Exception {
    JdkAsmWeaver bound = JdkAsmWeaver.bind(module -> {});
    byte[] original = classFile(LISTENER);
    assertThat(bound.weave(original, List.of(started()))).isEqualTo(new HookWeaver().weave(original, List.of(started())));
  }

  /** The Platform's own launcher class with the start hook's reads: it verifies, and the reads are the descriptor's. */
  @Test
  void thePlatformStartReadsAreTheDescriptorsOwn() throws Exception {
    List<HookPoint> points = HookRegistry.of(new JUnitPlatformInstrumentation()).pointsFor(ADAPTER);
    Class<?> adapter = load(woven(new HookWeaver(), ADAPTER, points.toArray(new HookPoint[0])), ADAPTER);
    Constructor<?> c = adapter.getDeclaredConstructors()[0];
    c.setAccessible(true);
    Object instance = c.newInstance(new Object[c.getParameterCount()]);
    EngineDescriptor engine = new EngineDescriptor(UniqueId.forEngine("junit-jupiter"), "JUnit Jupiter");
    EngineDescriptor child = new EngineDescriptor(engine.getUniqueId().append("class", "acme.LedgerTest"), "LedgerTest");
    engine.addChild(child);
    Method started = adapter.getMethod("executionStarted", TestDescriptor.class);
    started.setAccessible(true);

    try {
      started.invoke(instance, child);
    } catch (InvocationTargetException e) {
      // the launcher's own code then meets the nulls given to the constructor: the hook ran before it
    }

    Object[] args = RecordingBridge.lastArgs;
    assertThat(args).hasSize(2 + 8);
    assertThat(args[2]).isSameAs(child.getUniqueId());
    assertThat(args[3]).isEqualTo(child.getUniqueId().getSegments());
    assertThat(args[4]).isEqualTo("class");
    assertThat(args[5]).isEqualTo("acme.LedgerTest");
    assertThat(args[6]).isEqualTo(Optional.of(engine));
    assertThat(args[7]).isEqualTo("LedgerTest");
    assertThat(args[8]).isEqualTo(Boolean.FALSE);
    assertThat(args[9]).isEqualTo(Optional.empty());
  }

  private static void run(Object listener, ReadsFixture.Node node, int n) throws Exception {
    listener.getClass().getMethod("started", ReadsFixture.Node.class, int.class).invoke(listener, node, n);
  }

  private static byte[] woven(Weaver weaver, String internalName, HookPoint... points) throws Exception {
    byte[] woven = weaver.weave(classFile(internalName), List.of(points));
    return new ClassFileRenamer(BootBridge.INTERNAL_NAME, RecordingBridge.INTERNAL_NAME).rename(woven);
  }

  /** {@code classFile} defined in a loader of its own, linked (so verified) at once. */
  private static Class<?> load(byte[] classFile, String internalName) throws Exception {
    String name = internalName.replace('/', '.');
    ClassLoader loader = new ClassLoader(HookWeaverReadsTest.class.getClassLoader()) {
      @Override
      protected Class<?> loadClass(String n, boolean resolve) throws ClassNotFoundException {
        if (n.equals(name)) {
          synchronized (getClassLoadingLock(n)) {
            Class<?> c = findLoadedClass(n);
            return c != null ? c : defineClass(n, classFile, 0, classFile.length);
          }
        }
        return super.loadClass(n, resolve);
      }
    };
    return Class.forName(name, true, loader);
  }

  private static byte[] classFile(String internalName) throws Exception {
    try (InputStream in = HookWeaverReadsTest.class.getClassLoader().getResourceAsStream(internalName + ".class")) {
      return in.readAllBytes();
    }
  }
}
