package io.testabort.agent.junit4;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.runner.Description;

/** The agent reads a test's method and class names from its display name as JUnit 4's own Description does. */
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
    assertThat(JUnit4Events.className(displayName)).isEqualTo(junit.getClassName());
    assertThat(junit.toString()).isEqualTo(displayName);
  }

  @ParameterizedTest
  @ValueSource(strings = {"t001", "parses[1]", "a(b)"})
  void sameForATestDescriptionOfAClass(String method) {
    Description junit = Description.createTestDescription(JUnit4MethodNameTest.class, method);
    assertThat(JUnit4Events.methodName(junit.toString())).isEqualTo(junit.getMethodName()).isEqualTo(method);
    assertThat(JUnit4Events.className(junit.toString())).isEqualTo(junit.getClassName())
        .isEqualTo(JUnit4MethodNameTest.class.getName());
  }

  /** A description made from a class: JUnit answers from the class, the agent from the display name. */
  @org.junit.jupiter.api.Test
  void sameForASuiteDescriptionOfAClass() {
    Description junit = Description.createSuiteDescription(JUnit4MethodNameTest.class);
    assertThat(JUnit4Events.className(junit.toString())).isEqualTo(junit.getClassName());
    assertThat(JUnit4Events.methodName(junit.toString())).isEqualTo(junit.getMethodName()).isNull();
  }

  /** A parameterized test's name holds brackets and parentheses of its own. */
  @org.junit.jupiter.api.Test
  void sameForAParameterizedName() {
    Description junit = Description.createTestDescription(JUnit4MethodNameTest.class, "fib[3: fib(3)=2]");
    assertThat(JUnit4Events.className(junit.toString())).isEqualTo(junit.getClassName());
    assertThat(JUnit4Events.methodName(junit.toString())).isEqualTo(junit.getMethodName());
  }

  @org.junit.jupiter.api.Test
  void noDisplayNameNoMethod() {
    assertThat(JUnit4Events.methodName(null)).isNull();
    assertThat(JUnit4Events.className(null)).isNull();
  }
}
