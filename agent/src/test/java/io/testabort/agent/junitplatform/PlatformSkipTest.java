package io.testabort.agent.junitplatform;

import static org.assertj.core.api.Assertions.assertThat;

import io.testabort.agent.core.InstalledRegistry;
import io.testabort.agent.core.SkipList;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The skip decision of Jupiter nodes: the node id they would be recorded under, against the skip list. */
class PlatformSkipTest {
  static final String ENGINE = "[engine:junit-jupiter]";
  static final String CALC = ENGINE + "/[class:com.example.CalcTest]";
  static final String REASON = "crashed in an earlier run";

  @RegisterExtension final InstalledRegistry registry = new InstalledRegistry();

  @BeforeEach
  void skipList() throws Exception {
    SkipList.configure(Files.writeString(registry.dir().resolve("skip.txt"),
        "com.example.CalcTest#divides[2]\ncom.example.CalcTest#adds\ncom.example.BootTest\n"));
  }

  @Test
  void methodsAndClassesByTheirNodeid() {
    assertThat(PlatformEvents.skipReason(CALC + "/[method:adds()]", "adds()", true, "com.example.CalcTest", "adds"))
        .isEqualTo(REASON);
    assertThat(PlatformEvents.skipReason(CALC + "/[method:subs()]", "subs()", true, "com.example.CalcTest", "subs"))
        .isNull();
    assertThat(PlatformEvents.skipReason(ENGINE + "/[class:com.example.BootTest]", "BootTest", false, "com.example.BootTest", null))
        .isEqualTo(REASON);
    assertThat(PlatformEvents.skipReason(ENGINE, "JUnit Jupiter", false, null, null)).isNull();
  }

  @Test
  void invocationsByTheirIndexUnderTheirRunningTemplate() {
    String template = CALC + "/[test-template:divides(int)]";
    PlatformEvents.started(template, CALC, "divides(int)", false, "com.example.CalcTest", "divides");
    assertThat(PlatformEvents.skipReason(template + "/[test-template-invocation:#2]", "[2] 2", true, null, null))
        .isEqualTo(REASON);
    assertThat(PlatformEvents.skipReason(template + "/[test-template-invocation:#1]", "[1] 1", true, null, null))
        .isNull();
    PlatformEvents.finished(template);
  }

  @Test
  void withoutASkipFileNothingIsSkipped() {
    SkipList.configure(null);
    assertThat(PlatformEvents.skipReason(CALC + "/[method:adds()]", "adds()", true, "com.example.CalcTest", "adds")).isNull();
  }
}
