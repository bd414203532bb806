package io.testabort.agent.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import org.junit.jupiter.api.Test;

/** The bridge's class file as built from the template; the ITs define it from the real agent jar. */
class BootBridgeTest {

  @Test
  void theBridgeIsTheTemplateRenamedIntoJavaLangCallingOnlyJdkTypes() throws Exception {
    ClassReader bridge = new ClassReader(BootBridge.bridgeClassFile());
    assertThat(bridge.getClassName()).isEqualTo(BootBridge.INTERNAL_NAME);
    Set<String> calls = new TreeSet<>();
    bridge.accept(new ClassVisitor(Opcodes.ASM9) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        return new MethodVisitor(Opcodes.ASM9) {
          @Override
          public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
            calls.add(owner + "." + method);
          }

          @Override
          public void visitFieldInsn(int opcode, String owner, String field, String desc) {
            calls.add(owner + "." + field);
          }
        };
      }
    }, 0);
    assertThat(calls).contains(BootBridge.VM + "." + BootBridge.RUNTIME_ARGUMENTS, BootBridge.INTERNAL_NAME + ".target")
        .allSatisfy(c -> assertThat(c).matches("(java|jdk)/.*"));
  }
}
