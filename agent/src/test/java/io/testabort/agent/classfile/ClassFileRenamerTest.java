package io.testabort.agent.classfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.FieldVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.commons.ClassRemapper;
import net.bytebuddy.jar.asm.commons.Remapper;
import org.junit.jupiter.api.Test;

/** The byte-level rename against ASM's own remapper, on real class files of the agent. */
class ClassFileRenamerTest {
  private static final String OWN = "io/testabort/agent/classfile/ClassFileRenamer";

  @Test
  void renamesAClassAndEveryDescriptorThatMentionsIt() throws Exception {
    byte[] original = OwnClassFiles.read(OWN);
    byte[] renamed = new ClassFileRenamer(OWN, "x/Renamed").rename(original);
    ClassReader reader = new ClassReader(renamed);
    assertThat(reader.getClassName()).isEqualTo("x/Renamed");
    assertThat(members(renamed)).isEqualTo(members(viaAsm(original, OWN, "x/Renamed")));
    assertThat(members(renamed)).anyMatch(m -> m.contains("x/Renamed")).noneMatch(m -> m.contains(OWN));
  }

  @Test
  void aPrefixRenamesNestedClassesAndAPackageEveryTypeInIt() throws Exception {
    byte[] original = OwnClassFiles.read("io/testabort/agent/instrument/HookWeaver$MethodHooks");
    byte[] renamed = new ClassFileRenamer("io/testabort/agent/instrument/HookWeaver", "p/Copy",
        "net/bytebuddy/jar/asm/", "q/asm/").rename(original);
    ClassReader reader = new ClassReader(renamed);
    assertThat(reader.getClassName()).isEqualTo("p/Copy$MethodHooks");
    assertThat(reader.getSuperName()).isEqualTo("q/asm/MethodVisitor");
    assertThat(members(renamed)).noneMatch(m -> m.contains("net/bytebuddy") || m.contains("instrument/HookWeaver"))
        .anyMatch(m -> m.contains("Lq/asm/Type;"));
  }

  @Test
  void withNothingToRenameTheBytesAreTheSame() throws Exception {
    byte[] original = OwnClassFiles.read(OWN);
    assertThat(new ClassFileRenamer("no/such/Name", "x/Y").rename(original)).isEqualTo(original);
  }

  @Test
  void aLongerOrShorterNameKeepsEveryLaterEntryAndTheRestOfTheFile() throws Exception {
    // a long constant takes two slots: the entries after it must still be found after the rename
    byte[] original = OwnClassFiles.read("io/testabort/agent/core/StartTime");
    for (String name : Arrays.asList("a/B", "a/very/long/package/name/for/the/start/time/Class")) {
      byte[] renamed = new ClassFileRenamer("io/testabort/agent/core/StartTime", name).rename(original);
      assertThat(new ClassReader(renamed).getClassName()).isEqualTo(name);
      assertThat(members(renamed)).isEqualTo(members(viaAsm(original, "io/testabort/agent/core/StartTime", name)))
          .anyMatch(m -> m.contains(name + "$Second"));
    }
  }

  @Test
  void notAClassFileIsRefused() {
    ClassFileRenamer renamer = new ClassFileRenamer("a", "b");
    assertThatThrownBy(() -> renamer.rename(new byte[] {1, 2, 3})).isInstanceOf(IllegalArgumentException.class);
    byte[] truncated = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 0, 9, 1, 0, 5, 'a'};
    assertThatThrownBy(() -> renamer.rename(truncated)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("truncated");
  }

  /** ASM's remapper, renaming {@code from} and the classes nested in it, as a prefix rename does. */
  private static byte[] viaAsm(byte[] classFile, String from, String to) {
    ClassWriter writer = new ClassWriter(0);
    Remapper prefix = new Remapper() {
      @Override
      public String map(String internalName) {
        return internalName.startsWith(from) ? to + internalName.substring(from.length()) : internalName;
      }
    };
    new ClassReader(classFile).accept(new ClassRemapper(writer, prefix), 0);
    return writer.toByteArray();
  }

  /** Every member's name and descriptor, in order: what a rename must change and nothing else. */
  private static List<String> members(byte[] classFile) {
    List<String> out = new ArrayList<>();
    new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
      @Override
      public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        out.add("class " + name + " extends " + superName + " " + Arrays.toString(interfaces));
      }

      @Override
      public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
        out.add("field " + name + " " + descriptor + " = " + value);
        return null;
      }

      @Override
      public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        out.add("method " + name + descriptor);
        return new MethodVisitor(Opcodes.ASM9) {
          @Override
          public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
            out.add("  call " + owner + "." + method + desc);
          }

          @Override
          public void visitFieldInsn(int opcode, String owner, String field, String desc) {
            out.add("  field " + owner + "." + field + " " + desc);
          }

          @Override
          public void visitLdcInsn(Object value) {
            out.add("  ldc " + value);
          }
        };
      }
    }, 0);
    return out;
  }
}
