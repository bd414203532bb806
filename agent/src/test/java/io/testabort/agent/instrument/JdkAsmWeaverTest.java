package io.testabort.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import io.testabort.agent.junit4.JUnit4Instrumentation;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The weaver bound to the JDK's ASM weaves as HookWeaver does. Surefire's argLine exports the JDK's ASM
 * to the class path, as the agent's instrumentation exports it to the copy's class loader alone.
 */
class JdkAsmWeaverTest {
  private static final String NOTIFIER = HookedClasses.JUNIT4_NOTIFIER.replace('.', '/');

  /** JDK 17, the build's, carries it; Temurin 25 does not (the JDK uses java.lang.classfile). */
  private static final boolean JDK_HAS_ASM = ClassLoader.getSystemResource("jdk/internal/org/objectweb/asm/Opcodes.class") != null;

  static boolean jdkHasAsm() {
    return JDK_HAS_ASM;
  }

  @Test
  void theCopyIsBoundExactlyWhenTheJdkCarriesAnAsm() throws Exception {
    JdkAsmWeaver bound = JdkAsmWeaver.bind(module -> {});
    assertThat(bound != null).isEqualTo(JDK_HAS_ASM);
  }

  @Test
  @EnabledIf("jdkHasAsm")
  void onAJdkWithItsOwnAsmTheCopyWeavesTheSameBytesAsHookWeaver() throws Exception {
    JdkAsmWeaver bound = JdkAsmWeaver.bind(module -> {});
    assertThat(bound.api() >>> 16).isBetween(7, 9);

    List<HookPoint> points = HookRegistry.of(new JUnit4Instrumentation()).pointsFor(NOTIFIER);
    assertThat(points).isNotEmpty();
    byte[] original = classFile(NOTIFIER);
    byte[] own = new HookWeaver().weave(original, points);
    assertThat(own).isNotEqualTo(original);
    assertThat(bound.weave(original, points)).isEqualTo(own);
  }

  @Test
  @EnabledIf("jdkHasAsm")
  void theCopyIsHookWeaverRenamedIntoItsOwnClassLoader() throws Exception {
    JdkAsmWeaver bound = JdkAsmWeaver.bind(module -> {});
    Class<?> copy = bound.copyClass();
    assertThat(copy.getName()).isEqualTo(JdkAsmWeaver.COPY.replace('/', '.'));
    assertThat(copy.getClassLoader()).isNotSameAs(HookWeaver.class.getClassLoader());
    assertThat(copy.getSuperclass()).isSameAs(Object.class);
    assertThat(copy.getInterfaces()).containsExactly(Weaver.class);
  }

  private static byte[] classFile(String internalName) throws Exception {
    try (InputStream in = JdkAsmWeaverTest.class.getClassLoader().getResourceAsStream(internalName + ".class")) {
      return in.readAllBytes();
    }
  }
}
