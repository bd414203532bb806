package io.testabort.maven;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code -javaagent:JAR=key=value,...} argument and how it joins an existing argLine. Kept apart from
 * the goal so each rule (quoting, order, no duplicates) is pinned by a test without Maven.
 */
final class AgentArgument {
  private final String jar;
  private final Map<String, String> options = new LinkedHashMap<>();

  AgentArgument(String jar) {
    this.jar = jar;
  }

  /**
   * Adds an agent option; null values are left out. The agent splits its options at commas and has no
   * escape for them, so a value holding one is refused rather than cut in two.
   */
  AgentArgument option(String key, Object value) {
    if (value == null) {
      return this;
    }
    String v = value.toString();
    if (v.indexOf(',') >= 0) {
      throw new IllegalArgumentException(key + " '" + v + "' contains a comma, which the agent's options cannot carry");
    }
    options.put(key, v);
    return this;
  }

  /** The argument as one argLine word: double-quoted when it holds white space, as Surefire splits argLine. */
  String toArgLineWord() {
    StringBuilder arg = new StringBuilder("-javaagent:").append(jar);
    String sep = "=";
    for (Map.Entry<String, String> o : options.entrySet()) {
      arg.append(sep).append(o.getKey()).append('=').append(o.getValue());
      sep = ",";
    }
    String word = arg.toString();
    if (word.indexOf('"') >= 0) {
      throw new IllegalArgumentException("'" + word + "' contains a double quote, which argLine cannot carry");
    }
    return word.chars().anyMatch(Character::isWhitespace) ? '"' + word + '"' : word;
  }

  /**
   * {@code existing} with this agent appended, keeping what other plugins (JaCoCo prepends its own agent)
   * or the user put there, whichever ran first. Appending twice (the goal bound twice) changes nothing.
   */
  String appendTo(String existing) {
    String word = toArgLineWord();
    if (existing == null || existing.trim().isEmpty()) {
      return word;
    }
    if (existing.contains(word)) {
      return existing;
    }
    return existing.trim() + " " + word;
  }
}
