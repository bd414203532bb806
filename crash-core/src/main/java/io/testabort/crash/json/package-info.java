/**
 * JSON as the pytest tools write it: a tree of maps, lists and number texts ({@link
 * io.testabort.crash.json.Json}), read by a small reader without dependencies, which the agent can ship
 * at no start-up cost, and written Python's way by the project's one writer ({@link
 * io.testabort.crash.json.JsonWriter}).
 */
package io.testabort.crash.json;
