package io.testabort.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.commons.ClassRemapper;
import net.bytebuddy.jar.asm.commons.Remapper;
import org.junit.jupiter.api.Test;

/**
 * The agent's packages depend only downward, read from the compiled classes (every type a class
 * mentions, in signatures, descriptors and code): the framework packages never on each other, the core
 * on no other agent package, and only this package's start-up wiring on all of them.
 */
class PackageDependenciesTest {
  private static final String ROOT = "io/testabort/agent";

  /** Each package's allowed agent packages besides itself; the root package may use any. */
  private static final Map<String, Set<String>> ALLOWED = Map.of(
      "core", Set.of(),
      "classfile", Set.of(),
      "bridge", Set.of("classfile"),
      "attach", Set.of("core"),
      "instrument", Set.of("core", "bridge", "classfile"),
      "exit", Set.of("core", "instrument"),
      "junit4", Set.of("core", "instrument"),
      "junitplatform", Set.of("core", "instrument"),
      "testng", Set.of("core", "instrument"));

  @Test
  void packagesDependOnlyDownward() throws Exception {
    Path classes = Paths.get(TestAbortAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Set<String> seenPackages = new TreeSet<>();
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes.resolve(ROOT))) {
      for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
        String from = agentPackage(classes.relativize(file).toString().replace('\\', '/'));
        seenPackages.add(from);
        for (String type : referencedTypes(file)) {
          String to = agentPackage(type);
          if (to != null && !to.equals(from) && !from.isEmpty() && !ALLOWED.get(from).contains(to)) {
            violations.add(file.getFileName() + " (" + from + ") uses " + type);
          }
        }
      }
    }
    assertThat(seenPackages).as("every package has a rule").isSubsetOf(withRoot(ALLOWED.keySet()));
    assertThat(seenPackages).as("the rules name packages that exist").containsAll(ALLOWED.keySet());
    assertThat(violations).isEmpty();
  }

  @Test
  void theCheckSeesTheTypesAClassUses() throws Exception {
    // the check itself: LazyTransformer mentions the core and its own package
    Path classes = Paths.get(TestAbortAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Set<String> types = referencedTypes(classes.resolve(ROOT + "/instrument/LazyTransformer.class"));
    assertThat(types).contains(ROOT + "/core/AgentLog", ROOT + "/instrument/FrameworkInstrumentation");
    assertThat(agentPackage(ROOT + "/junit4/JUnit4Events")).isEqualTo("junit4");
    assertThat(agentPackage(ROOT + "/TestAbortAgent")).isEmpty();
    assertThat(agentPackage("io/testabort/crash/json/JsonWriter")).isNull();
  }

  private static Set<String> withRoot(Set<String> packages) {
    Set<String> all = new TreeSet<>(packages);
    all.add("");
    return all;
  }

  /** The agent package of an internal name ("" for the root), or null outside the agent. */
  private static String agentPackage(String internalName) {
    if (!internalName.startsWith(ROOT + "/")) {
      return null;
    }
    String rest = internalName.substring(ROOT.length() + 1);
    int slash = rest.indexOf('/');
    return slash < 0 ? "" : rest.substring(0, slash);
  }

  private static Set<String> referencedTypes(Path classFile) throws IOException {
    Set<String> types = new TreeSet<>();
    Remapper recorder =
        new Remapper() {
          @Override
          public String map(String internalName) {
            types.add(internalName);
            return internalName;
          }
        };
    // a writer underneath, so that the remapper walks every member and instruction, not just the header
    new ClassReader(Files.readAllBytes(classFile)).accept(new ClassRemapper(new ClassWriter(0), recorder), 0);
    return types;
  }
}
