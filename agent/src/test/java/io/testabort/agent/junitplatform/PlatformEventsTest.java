package io.testabort.agent.junitplatform;

import static org.assertj.core.api.Assertions.assertThat;

import io.testabort.agent.core.RunningTest;
import org.junit.jupiter.api.Test;

/** Node ids of docs/interface.md section 3, from real JUnit Platform unique ids. */
class PlatformEventsTest {
  private static final String CLASS = "[engine:junit-jupiter]/[class:acme.LedgerTest]";

  private static RunningTest container(String id, String cls, String method) {
    return PlatformEvents.describe(id, "display", false, cls, method);
  }

  private static RunningTest test(String id, String cls, String method) {
    return PlatformEvents.describe(id, "display", true, cls, method);
  }

  @Test
  void plainTestMethod() {
    RunningTest t = test(CLASS + "/[method:posts()]", "acme.LedgerTest", "posts");
    assertThat(t.nodeid()).isEqualTo("acme.LedgerTest#posts");
    assertThat(t.framework()).isEqualTo("junit-jupiter");
    assertThat(t.testClass()).isEqualTo("acme.LedgerTest");
    assertThat(t.method()).isEqualTo("posts");
    assertThat(t.phase()).isEqualTo(RunningTest.SETUP);
  }

  @Test
  void parameterizedInvocationIsNumberedAsJUnitNumbersIt() {
    String template = CLASS + "/[test-template:reconciles(int)]";
    container(template, "acme.LedgerTest", "reconciles");
    RunningTest t = test(template + "/[test-template-invocation:#2]", "acme.LedgerTest", "reconciles");
    assertThat(t.nodeid()).isEqualTo("acme.LedgerTest#reconciles[2]");
    assertThat(t.phase()).isEqualTo(RunningTest.SETUP);
    PlatformEvents.finished(template);
  }

  @Test
  void dynamicTestsAreNamedAfterTheirFactoryWithOneIndexPerLevel() {
    String factory = CLASS + "/[test-factory:ledgers()]";
    container(factory, "acme.LedgerTest", "ledgers");
    RunningTest box = container(factory + "/[dynamic-container:#2]", null, null);
    RunningTest t = test(factory + "/[dynamic-container:#2]/[dynamic-test:#3]", null, null);
    assertThat(box.nodeid()).isEqualTo("acme.LedgerTest#ledgers[2]");
    assertThat(t.nodeid()).isEqualTo("acme.LedgerTest#ledgers[2][3]");
    assertThat(t.method()).isEqualTo("ledgers");
    assertThat(t.phase()).as("no before-each per dynamic test").isEqualTo(RunningTest.CALL);
  }

  // ids as Jupiter 5.14 writes them for a @ParameterizedClass: the class's invocation sits in the middle,
  // and was dropped, so a crash in invocation 2 named (and a rerun skipped) the test in every invocation
  @Test
  void eachInvocationOfAParameterizedClassIsATestOfItsOwn() {
    String template = "[engine:junit-jupiter]/[class-template:acme.AccountTest]";
    container(template, "acme.AccountTest", null);
    RunningTest second = container(template + "/[class-template-invocation:#2]", "acme.AccountTest", null);
    RunningTest deposits = test(template + "/[class-template-invocation:#2]/[method:deposits()]", "acme.AccountTest", "deposits");
    container(template + "/[class-template-invocation:#3]/[test-template:withdraws(int)]", "acme.AccountTest", "withdraws");
    RunningTest row = test(template + "/[class-template-invocation:#3]/[test-template:withdraws(int)]/[test-template-invocation:#2]",
        "acme.AccountTest", "withdraws");
    RunningTest nested = test(template + "/[class-template-invocation:#3]/[nested-class:Statements]/[method:prints()]",
        "acme.AccountTest$Statements", "prints");

    assertThat(second.nodeid()).isEqualTo("acme.AccountTest[2]");
    assertThat(deposits.nodeid()).isEqualTo("acme.AccountTest#deposits[2]");
    assertThat(deposits.method()).isEqualTo("deposits");
    assertThat(row.nodeid()).isEqualTo("acme.AccountTest#withdraws[3][2]");
    assertThat(nested.nodeid()).isEqualTo("acme.AccountTest$Statements#prints[3]");
    PlatformEvents.finished(template);
  }

  @Test
  void nestedClassKeepsDollar() {
    RunningTest t =
        test(CLASS + "/[nested-class:Quarterly]/[method:files()]", "acme.AuditTest$Quarterly", "files");
    assertThat(t.nodeid()).isEqualTo("acme.AuditTest$Quarterly#files");
  }

  @Test
  void classContainerIsNamedByItsClass() {
    RunningTest c = container(CLASS, "acme.BootTest", null);
    assertThat(c.nodeid()).isEqualTo("acme.BootTest");
    assertThat(c.isTest()).isFalse();
  }

  @Test
  void engineRootsNameNothing() {
    assertThat(container("[engine:junit-jupiter]", null, null)).isNull();
    assertThat(container("[engine:junit-platform-suite]/[suite:acme.All]/[engine:junit-jupiter]", null, null)).isNull();
  }

  @Test
  void suiteEngineReportsTheInnerEngine() {
    RunningTest t =
        test("[engine:junit-platform-suite]/[suite:acme.All]/[engine:junit-jupiter]/[class:acme.A]/[method:a()]",
            "acme.A", "a");
    assertThat(t.framework()).isEqualTo("junit-jupiter");
    assertThat(t.nodeid()).isEqualTo("acme.A#a");
  }

  // the inner engine is not recorded: a class it runs is the suite's child, so the suite's @AfterSuite
  // comes after a child and is its teardown (it read setup)
  @Test
  void aClassOfTheSuiteEngineIsRecordedUnderItsSuite() {
    assertThat(PlatformNodeIds.recordedParent("[engine:junit-platform-suite]/[suite:acme.All]/[engine:junit-jupiter]"))
        .isEqualTo("[engine:junit-platform-suite]/[suite:acme.All]");
    assertThat(PlatformNodeIds.recordedParent("[engine:junit-jupiter]/[class:acme.A]")).isEqualTo("[engine:junit-jupiter]/[class:acme.A]");
    assertThat(PlatformNodeIds.recordedParent("[engine:junit-jupiter]")).isEqualTo("[engine:junit-jupiter]");
    assertThat(PlatformNodeIds.recordedParent(null)).isNull();
  }

  @Test
  void vintageKeepsTheJUnit4MethodName() {
    RunningTest t =
        test("[engine:junit-vintage]/[runner:acme.ParserTest]/[test:%5B1%5D]/[test:parses%5B1%5D(acme.ParserTest)]",
            "acme.ParserTest", "parses");
    assertThat(t.nodeid()).isEqualTo("acme.ParserTest#parses[1]");
    assertThat(t.method()).isEqualTo("parses[1]");
    assertThat(t.framework()).isEqualTo("junit-vintage");
  }

  @Test
  void otherEnginesWithoutSourceAreNamedByUniqueId() {
    String id = "[engine:spek]/[spec:calc]/[test:adds]";
    RunningTest t = test(id, null, null);
    assertThat(t.nodeid()).isEqualTo(id);
    assertThat(t.framework()).isEqualTo("spek");
  }

  @Test
  void uniqueIdSegmentsAreDecoded() {
    assertThat(PlatformNodeIds.parse("[engine:x]/[method:a%2Fb%3Ac+d()]").get(1).value).isEqualTo("a/b:c+d()");
  }
}
