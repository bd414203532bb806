package io.testabort.agent.junit4;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.runner.Description;

/** The agent reads a test's method name from its display name as JUnit 4's own Description does. */
class JUnit4MethodNameTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "parses(com.example.ParserTest)",
        "parses[1](com.example.ParserTest)",
        "parses[a(b)](com.example.ParserTest)",
        "parses[x)](com.example.ParserTest)",
        "(com.example.ParserTest)",
        "com.example.ParserTest",
        "a\nb(com.example.ParserTest)",
        "a(b\nc)",
        "a(b\rc)",
        "a(b\u0085c)",
        "a(b\u2028c)",
        "a(b\u2029c)",
        "a(b)\n",
        "a(b) ",
        "()",
        ")",
        "(",
        "x(()",
        "x())",
        "name with spaces and \u00e9\u4e2d(Cls$Inner)",
        "t(\ud83d\ude00)"
      })
  void sameAsJUnitsDescription(String displayName) {
    Description junit = Description.createSuiteDescription(displayName);
    assertThat(JUnit4Events.methodName(displayName)).isEqualTo(junit.getMethodName());
  }

  @ParameterizedTest
  @ValueSource(strings = {"t001", "parses[1]", "a(b)"})
  void sameForATestDescriptionOfAClass(String method) {
    Description junit = Description.createTestDescription(JUnit4MethodNameTest.class, method);
    assertThat(JUnit4Events.methodName(junit.getDisplayName())).isEqualTo(junit.getMethodName()).isEqualTo(method);
  }

  @org.junit.jupiter.api.Test
  void noDisplayNameNoMethod() {
    assertThat(JUnit4Events.methodName(null)).isNull();
  }
}
